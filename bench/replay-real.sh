#!/usr/bin/env bash
# The schema real Flyway histories build, replayed without a database: for each folder below, its V scripts at the
# mirror's HEAD are copied to a temporary folder (deleted after; nothing enters this repository), replayed in Flyway's
# order, and summarised on one line (operations, opaque, operations on objects the replay lacked, tables left
# incomplete, columns of unknown type); the replayed schema of each goes to $OUT/<label>.txt to be judged by hand.
#
#   bench/replay-real.sh        (needs mvn -q compile; mirrors in $MG_MIRRORS, default /work/.mirror)
set -euo pipefail
cd "$(dirname "$0")/.."
mirrors=${MG_MIRRORS:-/work/.mirror}
out=${OUT:-/tmp/mg-replay-real}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
[ -f tool/target/classpath.txt ] || mvn -B -ntp -q -pl tool dependency:build-classpath -Dmdep.outputFile="$PWD/tool/target/classpath.txt" >&2
cp="tool/target/classes:$(cat tool/target/classpath.txt)"

sets=(
  "genie-postgresql postgres Netflix+genie genie-web/src/main/resources/db/migration/postgresql"
  "genie-mysql mysql Netflix+genie genie-web/src/main/resources/db/migration/mysql"
  "hawkbit-mysql mysql eclipse+hawkbit hawkbit-repository/hawkbit-repository-jpa/src/main/resources/db/migration/MYSQL"
  "hawkbit-postgresql postgres eclipse+hawkbit hawkbit-repository/hawkbit-repository-jpa/src/main/resources/db/migration/POSTGRESQL"
  "hawkbit-h2 h2 eclipse+hawkbit hawkbit-repository/hawkbit-repository-jpa/src/main/resources/db/migration/H2"
  "hawkbit-sqlserver mssql eclipse+hawkbit hawkbit-repository/hawkbit-repository-jpa/src/main/resources/db/migration/SQL_SERVER"
  "openremote postgres openremote+openremote manager/src/main/resources/org/openremote/manager/setup/database"
)
for line in "${sets[@]}"; do
  read -r label dialect name folder <<< "$line"
  git_dir="$mirrors/$name/repo"
  [ -d "$git_dir" ] || { echo "skipped $label: no $git_dir" >&2; continue; }
  mkdir -p "$work/$label"
  git --git-dir="$git_dir" ls-tree --name-only "HEAD:$folder" | grep -E '^V[0-9][0-9._]*__.*\.sql$' | while read -r f; do
    git --git-dir="$git_dir" show "HEAD:$folder/$f" > "$work/$label/$f"
  done
  java -cp "$cp" bench/ReplayReal.java "$label" "$dialect" "$work/$label" "$out/$label.txt"
done
