#!/usr/bin/env bash
# What the installed pre-commit hook adds to a real `git commit` with the resident checker: warm (the checker answers),
# off (MIGRATION_GUARD_DAEMON=0: today's path, class-data archive already written) and the first commit after an
# install (no checker, no archive) with the checker on and off. Works on a copy of <repo> (made by bench.sh make, with
# its change staged), with a cache and a socket folder of its own; after each commit `git reset --soft HEAD~1` stages
# the same change again. Variants take turns in every round. Prints medians of wall and CPU ms (CPU: user+sys of the
# commit's process tree, plus for "warm" what the checker itself spent, read from /proc) and the added wall time
# (variant minus `git commit --no-verify`). The first commit's two variants compare by wall time: the checker it starts
# must cost it nothing, and its own start and warm-up (not counted) run after the commit's end, in the background.
#   usage: bench/daemon-bench.sh <rounds> <repo> [jar]     e.g. bench/daemon-bench.sh 15 /tmp/bj2k
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 <rounds> <repo> [jar]" >&2; exit 2; }
rounds=$1; source_repo=$2
here=$(cd "$(dirname "$0")" && pwd)
jar=${3:-$here/../tool/target/migration-guard.jar}
[ -f "$jar" ] || { echo "daemon-bench: build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
work=$(mktemp -d /tmp/daemon-bench.XXXXXX)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
checker_pids() { pgrep -f -- "-XX:ErrorFile=$work/run/" || true; }
stop_checkers() { for p in $(checker_pids); do kill "$p" 2>/dev/null || true; done; sleep 0.2; }
trap 'stop_checkers; rm -rf "$work"' EXIT
cp -a "$source_repo" "$work/repo"
cd "$work/repo"
git config core.hooksPath "$work/hooks"
java -jar "$jar" install >/dev/null
export XDG_RUNTIME_DIR="$work/run" XDG_CACHE_HOME="$work/cache"
fresh_install() { stop_checkers; rm -rf "$work/run" "$work/cache"; mkdir -m 700 "$work/run"; }
fresh_install
tick=$(getconf CLK_TCK)
checker_cpu_ms() { local p; p=$(checker_pids | head -1); [ -n "$p" ] && awk -v t="$tick" '{print int(($14+$15)*1000/t)}' "/proc/$p/stat" || echo 0; }

run() { # $1: variant name, $2: MIGRATION_GUARD_DAEMON, rest: git commit options; appends "wall cpu" to $work/$1
  local name=$1 daemon=$2; shift 2
  local before after
  before=$(checker_cpu_ms)
  MIGRATION_GUARD_DAEMON=$daemon /usr/bin/time -o "$work/t" -f "%e %U %S" git commit -q -m "Add rank to thing 1" "$@" \
    >/dev/null 2>&1 \
    || { echo "daemon-bench: the commit ($name) failed" >&2; exit 1; }
  after=$(checker_cpu_ms)
  git reset -q --soft HEAD~1
  read -r e u s < "$work/t"
  awk -v e="$e" -v u="$u" -v s="$s" -v d=$((after - before)) -v warm="$([ "$name" = warm ] && echo 1 || echo 0)" \
    'BEGIN { printf "%d %d\n", e * 1000, (u + s) * 1000 + (warm && d > 0 ? d : 0) }' >> "$work/$name"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# The first commit after an install: no checker and no class-data archive yet.
for ((r = 0; r < rounds; r++)); do
  fresh_install; run cold-off 0
  fresh_install; run cold-on 1
done

# Warm: one commit starts the checker; wait until it listens, then let it see some commits.
fresh_install; run start 1
for ((i = 0; i < 600; i++)); do
  ls "$work/run/migration-guard/"*.sock >/dev/null 2>&1 && [ -n "$(checker_pids)" ] && break; sleep 0.1
done
for ((i = 0; i < 30; i++)); do run warmup 1; done
for ((r = 0; r < rounds; r++)); do
  run plain 1 --no-verify
  run warm 1
  run off 0
done

plain=$(cut -d' ' -f1 "$work/plain" | median)
printf '%-44s %9s %8s %10s\n' variant "wall(ms)" "cpu(ms)" "added(ms)"
for v in plain warm off cold-on cold-off; do
  w=$(cut -d' ' -f1 "$work/$v" | median); c=$(cut -d' ' -f2 "$work/$v" | median)
  case $v in
    plain) label="git commit --no-verify" ;;
    warm) label="hook, resident checker warm" ;;
    off) label="hook, MIGRATION_GUARD_DAEMON=0" ;;
    cold-on) label="first commit after install, checker on" ;;
    cold-off) label="first commit after install, checker off" ;;
  esac
  printf '%-44s %9s %8s %10s\n' "$label" "$w" "$c" "$((w - plain))"
done
echo "(medians of $rounds rounds; $(basename "$source_repo"); cores: $(nproc); load at the start: $load_at_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
