#!/usr/bin/env bash
# Timing of `lint` on big inputs: a Flyway seed migration of 10 MB and of 50 MB of single-row INSERTs, 10 MB of
# 1,000-row INSERTs, a 10 MB Liquibase formatted-SQL changelog, and the text report of 5,000 findings in one 4 MB
# file. Prints the median wall time in milliseconds of each (the JVM's start included).
#   usage: bench/big-inputs-bench.sh [runs]   (needs the jar: mvn -q -DskipTests package)
set -euo pipefail
runs=${1:-3}
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

repo() { # $1 name, $2 path in the repository; the content comes on stdin
  local dir=$work/$1
  mkdir -p "$dir/$(dirname "$2")"
  git init -q -b main "$dir"
  cat > "$dir/$2"
  echo "$dir"
}

single_rows() { # $1 MiB of single-row INSERTs
  awk -v max=$(($1 * 1048576)) 'BEGIN {
    print "CREATE TABLE customer (id bigint primary key, name varchar(200), email varchar(200), note text);"
    for (i = 0; size < max; i++) {
      s = sprintf("INSERT INTO customer (id, name, email, note) VALUES (%d, '\''Name %d'\'', '\''user%d@example.com'\'', '\''a note; with -- dashes'\'');", i, i, i)
      print s; size += length(s) + 1
    } }'
}

multi_rows() { # $1 MiB of 1,000-row INSERTs
  awk -v max=$(($1 * 1048576)) 'BEGIN {
    print "CREATE TABLE item (id bigint primary key, label varchar(200));"
    for (i = 0; size < max;) {
      print "INSERT INTO item (id, label) VALUES"
      for (j = 0; j < 1000; j++) { s = sprintf("  (%d, '\''label %d'\'')%s", i, i, j < 999 ? "," : ";"); print s; size += length(s) + 1; i++ }
    } }'
}

changelog() { # $1 MiB of formatted-SQL changeSets
  awk -v max=$(($1 * 1048576)) 'BEGIN {
    print "--liquibase formatted sql"
    for (i = 0; size < max; i++) {
      s = sprintf("--changeset bench:%d\nINSERT INTO customer (id, name) VALUES (%d, '\''Name %d'\'');\n--rollback DELETE FROM customer WHERE id = %d;", i, i, i, i)
      print s; size += length(s) + 1
    } }'
}

findings() { # 5,000 suppressions without a reason (each an invalid-suppression finding), 8 INSERTs apart
  awk 'BEGIN {
    print "CREATE TABLE customer (id bigint primary key, name varchar(200));"
    for (i = 0; i < 5000; i++) {
      for (j = 0; j < 8; j++) printf("INSERT INTO customer (id, name) VALUES (%d, '\''a name long enough to make the file large'\'');\n", i * 8 + j)
      print "-- migration-guard-ignore destructive-change"
    } }'
}

r10=$(single_rows 10 | repo ins10 db/migration/V1__seed_customers.sql)
r50=$(single_rows 50 | repo ins50 db/migration/V1__seed_customers.sql)
m10=$(multi_rows 10 | repo multi10 db/migration/V1__seed_items.sql)
c10=$(changelog 10 | repo changelog10 src/main/resources/db/changelog/customers.sql)
f5k=$(findings | repo findings5k db/migration/V1__seed_customers.sql)

echo "lint, 10 MB of single-row INSERTs:   $(time_ms "$java" -jar "$jar" lint --repo "$r10") ms"
# over the default limit of 20 MiB on a file read: raised, so that the file is read (the variable is harmless to a jar
# from before the limit)
echo "lint, 50 MB of single-row INSERTs:   $(MIGRATION_GUARD_MAX_FILE_SIZE=64 time_ms "$java" -jar "$jar" lint --repo "$r50") ms"
echo "lint, 10 MB of 1,000-row INSERTs:    $(time_ms "$java" -jar "$jar" lint --repo "$m10") ms"
echo "lint, 10 MB formatted-SQL changelog: $(time_ms "$java" -jar "$jar" lint --repo "$c10") ms"
echo "lint, 5,000 findings in one file, text report: $(time_ms "$java" -jar "$jar" lint --repo "$f5k" --format text) ms"
echo "lint, 5,000 findings in one file, json report: $(time_ms "$java" -jar "$jar" lint --repo "$f5k" --format json) ms"
