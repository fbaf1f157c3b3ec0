#!/usr/bin/env bash
# What TypeOrmMigrationReader makes of real TypeORM projects at their newest commit: the migration sets their data
# sources define, how many migrations and operations were read, the share of operations that fell to opaque (and of
# those that may change the schema), and every file the reader says TypeORM will not run, with its reason, to be
# judged by hand. Nothing of the projects is copied: they are read from their bare repositories
# ($MG_MIRRORS/<owner>+<name>/repo, as the fetch tool leaves them).
#
#   bench/typeorm-runner-view.sh            (needs mvn -q -DskipTests package, or at least compile)
#
# A project is owner+name, or owner+name@rev for a commit where it still used TypeORM (hedgedoc moved to knex in
# b67733117; its parent ships one migration set per database).
set -euo pipefail
cd "$(dirname "$0")/.."
mirrors=${MG_MIRRORS:-/work/.mirror}
out=${OUT:-/tmp/mg-typeorm-runner-view}
mkdir -p "$out"
[ -f tool/target/classpath.txt ] || mvn -B -ntp -q -pl tool dependency:build-classpath -Dmdep.outputFile="$PWD/tool/target/classpath.txt" >&2
cp="tool/target/classes:$(cat tool/target/classpath.txt)"

projects=(hedgedoc+hedgedoc@b67733117^ brocoders+nestjs-boilerplate NarHakobyan+awesome-nest-boilerplate sct+overseerr
  ever-co+ever-traduora typeorm+typeorm ${EXTRA_PROJECTS:-})
for project in "${projects[@]}"; do
  name=${project%@*}
  rev=HEAD
  [ "$project" = "$name" ] || rev=${project#*@}
  git_dir="$mirrors/$name/repo"
  [ -d "$git_dir" ] || { echo "skipped $name: no $git_dir" >&2; continue; }
  java -cp "$cp" bench/TypeOrmRunnerView.java "$git_dir" "$rev" > "$out/$name.txt"
  echo "$name: $(tail -n 1 "$out/$name.txt")  -> $out/$name.txt"
done
