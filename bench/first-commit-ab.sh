#!/usr/bin/env bash
# The first commit after an install (no resident checker, no class-data archive yet), for two jars, with the checker on
# and off: each round installs the hook afresh for each variant (own socket folder and cache), commits the change that
# <repo> has staged (bench/bench.sh make leaves one), takes the commit back, and prints the medians of wall ms. The four
# variants take turns in every round, so a load that changes during the run weighs on each alike.
#   usage: bench/first-commit-ab.sh <rounds> <repo> <old.jar> <new.jar>
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 <rounds> <repo> <old.jar> <new.jar>" >&2; exit 2; }
rounds=$1; src=$2; old=$(realpath "$3"); new=$(realpath "$4")
w=$(mktemp -d /tmp/first-commit-ab.XXXXXX)
stop_checkers() { for p in $(pgrep -f -- "-XX:ErrorFile=$w/" || true); do kill "$p" 2>/dev/null || true; done; sleep 0.3; }
trap 'stop_checkers; rm -rf "$w"' EXIT
cp -a "$src" "$w/repo"
one() { # variant jar daemon: prints "variant wall-ms"
  stop_checkers
  rm -rf "$w/run" "$w/cache" "$w/hooks"
  mkdir -m 700 "$w/run"
  (cd "$w/repo" && git config core.hooksPath "$w/hooks" && java -jar "$2" install >/dev/null)
  local start end
  start=$(date +%s%N)
  (cd "$w/repo" && XDG_RUNTIME_DIR="$w/run" XDG_CACHE_HOME="$w/cache" MIGRATION_GUARD_DAEMON=$3 \
    git commit -q -m "first commit" >/dev/null 2>&1)
  end=$(date +%s%N)
  (cd "$w/repo" && git reset -q --soft HEAD~1)
  echo "$1 $(((end - start) / 1000000))"
}
echo "load at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "$rounds"); do
  one new-on "$new" 1; one new-off "$new" 0; one old-on "$old" 1; one old-off "$old" 0
done > "$w/raw"
for v in new-on new-off old-on old-off; do
  echo "$v median $(grep "^$v " "$w/raw" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "all: $(grep "^$v " "$w/raw" | cut -d' ' -f2 | sort -n | paste -sd' ')"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
