#!/usr/bin/env bash
# Timing of `lint` against a lock file: a generated repository of 5,000 Flyway migrations (two dialect folders of
# 2,500) with a migrations.lock listing them all, so that every lock entry is matched against every migration.
# Prints the median wall time in milliseconds of `lint` with and without the lock file.
#   usage: bench/ledger-bench.sh [runs] [migrations]   (needs the jar: mvn -q -DskipTests package)
set -euo pipefail
runs=${1:-5}
count=${2:-5000}
here=$(cd "$(dirname "$0")" && pwd)
jar=${MIGRATION_GUARD_JAR:-$here/../tool/target/migration-guard.jar}
java=${JAVA:-java}
[ -f "$jar" ] || { echo "bench: build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() {
  local i s e
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(((e - s) / 1000000))
  done | median
}

repo=$work/repo
git init -q -b main "$repo"
git -C "$repo" config user.email b@example.com; git -C "$repo" config user.name Bench
for dialect in postgres mysql; do
  dir=$repo/src/main/resources/db/migration/$dialect
  mkdir -p "$dir"
  for ((i = 1; i <= count / 2; i++)); do
    printf 'CREATE TABLE thing_%d (id bigint PRIMARY KEY, name varchar(80));\n' "$i" > "$dir/V${i}__create_thing_$i.sql"
  done
done
git -C "$repo" add -A && git -C "$repo" commit -q -m migrations
(cd "$repo" && "$java" -jar "$jar" lock >/dev/null)
git -C "$repo" add -A && git -C "$repo" commit -q -m lock
with=$(cd "$repo" && time_ms "$java" -jar "$jar" lint --fail-on never)
mv "$repo/migrations.lock" "$work/"
without=$(cd "$repo" && time_ms "$java" -jar "$jar" lint --fail-on never)
echo "lint, $count Flyway migrations: with migrations.lock ${with} ms, without ${without} ms (median of $runs)"
