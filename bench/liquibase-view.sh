#!/usr/bin/env bash
# Liquibase's view of real projects: for every project snapshot under $MIRRORS (default /work/.mirror/*/repo) that
# holds a databaseChangeLog, its HEAD's changelogs, settings and build files are copied to a temporary folder (deleted
# after the run; nothing of them enters this repository) and LiquibaseViewReport prints the master changelogs found,
# the changeSets each runs, the changelogs no master reaches, and the share of operations that fell to opaque.
#   usage: bench/liquibase-view.sh [--list]   (builds the test classes with Maven first; --list prints each changeSet run,
#                                             in order, and each opaque operation)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mirrors=${MIRRORS:-/work/.mirror}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$here" && mvn -q -B -ntp test-compile && mvn -q -B -ntp -pl tool dependency:build-classpath -Dmdep.outputFile="$work/cp")
cp="$here/tool/target/test-classes:$here/tool/target/classes:$(cat "$work/cp")"

for repo in "$mirrors"/*/repo; do
  [ -d "$repo" ] || continue
  git -C "$repo" grep -q -I "databaseChangeLog" HEAD -- '*.xml' '*.yaml' '*.yml' '*.json' '*.sql' 2>/dev/null || continue
  project=$(basename "$(dirname "$repo")")
  dest=$work/$project
  git -C "$repo" ls-tree -r --name-only HEAD | grep -Ei \
      -e '\.(xml|ya?ml|json|sql|csv|properties|gradle|kts)$' \
    | grep -Eiv '(^|/)node_modules/' \
    | while IFS= read -r path; do
        mkdir -p "$dest/$(dirname "$path")"
        git -C "$repo" show "HEAD:$path" > "$dest/$path" 2>/dev/null || true
      done
  echo "== $project ($(git -C "$repo" rev-parse --short HEAD))"
  java -cp "$cp" dev.migrationguard.liquibase.LiquibaseViewReport "$dest" "$@"
done
