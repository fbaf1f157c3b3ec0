#!/usr/bin/env bash
# How much real migration SQL the operations reader understands: for every project snapshot under $MIRRORS
# (default /work/.mirror/*/repo), the migration files of its HEAD (SQL scripts in migration/changelog/schema folders
# or named like Flyway's, TypeORM migrations' queryRunner.query strings, Liquibase XML <sql> blocks) are read into
# operations, and the statements that fall to Opaque are counted per project and per statement kind. The files are
# copied to a temporary folder for the run and deleted after it; nothing of them enters this repository.
# Then times the reader on 10 MB of INSERTs and on a large DDL script.
#   usage: bench/opaque-share.sh [--list]   (builds the test classes with Maven first; --list also prints the start
#                                           of every opaque statement, to judge the reader by, on this terminal only)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mirrors=${MIRRORS:-/work/.mirror}
work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

(cd "$here" && mvn -q -B -ntp test-compile && mvn -q -B -ntp -pl tool dependency:build-classpath -Dmdep.outputFile="$work/cp")
cp="$here/tool/target/test-classes:$here/tool/target/classes:$(cat "$work/cp")"

manifest=$work/manifest
: > "$manifest"
for repo in "$mirrors"/*/repo; do
  [ -d "$repo" ] || continue
  project=$(basename "$(dirname "$repo")")
  git -C "$repo" ls-tree -r --name-only HEAD 2>/dev/null | grep -Ei \
    -e '(^|/)(db|migrations?|changelogs?|liquibase|flyway|[a-z-]*schema)/.*\.sql$' \
    -e '(^|/)[VUR][0-9][0-9._]*__[^/]*\.sql$' \
    -e '(^|/)migrations?/.*\.ts$' \
    -e '(^|/)(changelogs?|liquibase)/.*\.xml$' \
    | grep -Eiv '(^|/)(docs?|documentation|node_modules)/|\.d\.ts$|\.spec\.ts$|\.test\.ts$' \
    | while IFS= read -r path; do
        out=$work/files/$project/$path
        mkdir -p "$(dirname "$out")"
        git -C "$repo" show "HEAD:$path" > "$out" 2>/dev/null || continue
        printf '%s\t%s\t%s\n' "$project" "$out" "$path" >> "$manifest"
      done || true
done
echo "files: $(wc -l < "$manifest")"
java -cp "$cp" dev.migrationguard.sql.OpaqueShare "$manifest" "$@"

echo
echo "speed (a fresh JVM per file: the reading into operations, then today's SqlTouchReader in the same JVM, then the"
echo "whole run with the JVM's start; first with the JVM's defaults, then with the flags check runs under:"
echo "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)"
awk -v max=$((10 * 1048576)) 'BEGIN {
  print "CREATE TABLE customer (id bigint primary key, name varchar(200), email varchar(200), note text);"
  for (i = 0; size < max; i++) {
    s = sprintf("INSERT INTO customer (id, name, email, note) VALUES (%d, '\''Name %d'\'', '\''user%d@example.com'\'', '\''a note; with -- dashes'\'');", i, i, i)
    print s; size += length(s) + 1
  } }' > "$work/inserts-10mb.sql"
awk 'BEGIN {
  for (i = 0; i < 4000; i++) {
    printf("CREATE TABLE t%d (id bigserial PRIMARY KEY, name varchar(200) NOT NULL DEFAULT '\''x'\'', owner_id bigint REFERENCES owner (id) ON DELETE CASCADE, created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT t%d_name_uq UNIQUE (name));\n", i, i)
    printf("CREATE INDEX CONCURRENTLY IF NOT EXISTS t%d_owner_idx ON t%d (owner_id) WHERE owner_id IS NOT NULL;\n", i, i)
    printf("ALTER TABLE t%d ADD COLUMN note text, ALTER COLUMN name SET NOT NULL, ADD CONSTRAINT t%d_chk CHECK (id > 0) NOT VALID;\n", i, i)
    printf("ALTER TABLE t%d ALTER COLUMN name TYPE varchar(320) USING name::varchar(320);\n", i)
    printf("COMMENT ON TABLE t%d IS '\''table %d'\'';\n", i, i)
  } }' > "$work/ddl-20k.sql"
time_one() {
  local s e
  s=$(date +%s%N)
  java "${@:2}" -cp "$cp" dev.migrationguard.sql.OpaqueShare --time postgres "$1"
  e=$(date +%s%N)
  echo "  (with JVM start: $(((e - s) / 1000000)) ms)"
}
for flags in "-Dflags=default" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"; do
  # shellcheck disable=SC2086
  time_one "$work/inserts-10mb.sql" $flags
  # shellcheck disable=SC2086
  time_one "$work/ddl-20k.sql" $flags
done
