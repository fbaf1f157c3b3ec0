#!/usr/bin/env bash
# What the installed pre-commit hook adds to a real `git commit`: one entity change plus its migration, in a repository
# made by bench.sh (default 200 entities, 500 migrations), committed <runs> times with the hook installed by
# `migration-guard install` and as many times with --no-verify, alternating, after one warm-up of each (the first check
# writes the class-data archive, see FastStart). After each commit `git reset --soft HEAD~1` stages the same change
# again. Prints the medians in milliseconds.
#   usage: bench/hook-bench.sh [runs] [entities] [migrations]     (needs the jar: mvn -q -DskipTests package)
set -euo pipefail
runs=${1:-15}
entities=${2:-200}
migrations=${3:-500}
here=$(cd "$(dirname "$0")" && pwd)
jar=${MIGRATION_GUARD_JAR:-$here/../tool/target/migration-guard.jar}
[ -f "$jar" ] || { echo "hook-bench: build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo"

"$here/bench.sh" make "$repo" "$entities" "$migrations"
java -jar "$jar" install --repo "$repo" >/dev/null
cd "$repo"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
commit_ms() { # $@: extra git commit options; prints the wall time in ms, then puts the change back in the index
  local s e
  s=$(date +%s%N)
  git commit -q -m "Add rank to thing 1" "$@" >/dev/null 2>&1 || { echo "hook-bench: the commit failed" >&2; exit 1; }
  e=$(date +%s%N)
  git reset -q --soft HEAD~1
  echo $(((e - s) / 1000000))
}

check_ms() { # the check alone, as the hook runs it, for comparison
  local s e
  s=$(date +%s%N)
  java -jar "$jar" check --staged >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}

commit_ms >/dev/null
commit_ms --no-verify >/dev/null
: > "$work/hook"; : > "$work/plain"; : > "$work/check"
for ((i = 0; i < runs; i++)); do
  commit_ms >> "$work/hook"
  commit_ms --no-verify >> "$work/plain"
  check_ms >> "$work/check"
done
hook=$(median < "$work/hook")
plain=$(median < "$work/plain")
check=$(median < "$work/check")
printf '%-32s %10s %15s %11s %16s\n' "repository" "hook(ms)" "no-verify(ms)" "added(ms)" "check alone(ms)"
printf '%-32s %10s %15s %11s %16s\n' "$entities entities, $migrations migrations" "$hook" "$plain" "$((hook - plain))" "$check"
echo "(medians of $runs commits each: git commit of 1 entity change + 1 migration; cores: $(nproc), load: $(cut -d' ' -f1 /proc/loadavg))"
