#!/usr/bin/env bash
# Flyway's view of real projects (issue 11): for each Flyway project snapshot under $MG_MIRRORS (default /work/.mirror,
# <owner>+<name>/repo as the fetch tool leaves them), the migration sets FlywayMigrationReader.sets finds, their
# operations and opaque share, and every file notRun says Flyway will not run, with its reason, to be judged by hand.
# Nothing of the projects is copied: they are read from their bare repositories.
#
#   bench/flyway-view.sh [owner+name ...]     (default: the Flyway projects below; needs mvn -q -DskipTests compile)
# Then, over each project's history: every commit that adds a .sql/.java/.txt file, with notRun asked of the files it
# adds (HISTORY=0 skips this).
set -euo pipefail
cd "$(dirname "$0")/.."
mirrors=${MG_MIRRORS:-/work/.mirror}
[ -f tool/target/classpath.txt ] || mvn -B -ntp -q -pl tool dependency:build-classpath -Dmdep.outputFile="$PWD/tool/target/classpath.txt" >&2
cp="tool/target/classes:$(cat tool/target/classpath.txt)"
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(Netflix+genie eclipse+hawkbit openremote+openremote)
for name in "${projects[@]}"; do
  git_dir="$mirrors/$name/repo"
  [ -d "$git_dir" ] || { echo "skipped $name: no $git_dir" >&2; continue; }
  echo "== $name $(git --git-dir="$git_dir" rev-parse --short HEAD)"
  java -cp "$cp" bench/FlywayRunnerView.java "$git_dir"
  if [ "${HISTORY:-1}" != 0 ]; then
    git --git-dir="$git_dir" log --no-merges --format=%H --diff-filter=A -- '*.sql' '*.SQL' '*.java' '*.txt' \
      | java -cp "$cp" bench/FlywayRunnerView.java "$git_dir" --added
  fi
done
