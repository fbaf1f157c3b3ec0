#!/usr/bin/env bash
# What TypeOrmEntityReader.tables makes of real TypeORM entity files across their history: for each project, the
# newest commits that change an entity file, each such file read at the parent and at the commit, and the
# PhysicalDiff printed beside the file's own diff, to be judged by hand (a cosmetic edit should print
# "(no physical change)", a schema edit its change in SQL terms). Nothing of the projects is copied: they are read
# from their bare repositories ($MG_MIRRORS/<owner>+<name>/repo, as the fetch tool leaves them).
#
#   bench/typeorm-physical.sh [commits per project]      (default 25; needs mvn -q -DskipTests package)
#
# Projects: owner+name, dialect and naming strategy, as each project's data source sets them.
set -euo pipefail
cd "$(dirname "$0")/.."
commits=${1:-25}
mirrors=${MG_MIRRORS:-/work/.mirror}
out=${OUT:-/tmp/mg-typeorm-physical}
mkdir -p "$out"
[ -f tool/target/classpath.txt ] || mvn -B -ntp -q -pl tool dependency:build-classpath -Dmdep.outputFile="$PWD/tool/target/classpath.txt" >&2
cp="tool/target/classes:$(cat tool/target/classpath.txt)"

projects=(
  "hedgedoc+hedgedoc postgres default"
  "brocoders+nestjs-boilerplate postgres default"
  "NarHakobyan+awesome-nest-boilerplate postgres snake"
  "sct+overseerr sqlite default"
  "ever-co+ever-traduora mysql default"
  "${EXTRA_PROJECTS:-}"
)
for line in "${projects[@]}"; do
  [ -n "$line" ] || continue
  read -r name dialect naming <<< "$line"
  git_dir="$mirrors/$name/repo"
  [ -d "$git_dir" ] || { echo "skipped $name: no $git_dir" >&2; continue; }
  # Commits with a parent that touch a file declaring an entity (the pickaxe finds them by the decorator); head ends
  # the listing early, hence no pipefail there.
  set +o pipefail
  git --git-dir="$git_dir" log --no-merges --format=%H -G'@(Entity|ViewEntity|ChildEntity|Column|ManyToOne|OneToOne|JoinColumn|JoinTable|PrimaryGeneratedColumn|PrimaryColumn|Index|Unique)\(' -- '*.ts' \
    | while read -r c; do git --git-dir="$git_dir" rev-parse -q --verify "$c^" > /dev/null && echo "$c"; done \
    | head -n "$commits" \
    | java -cp "$cp" bench/TypeOrmPhysical.java "$git_dir" "$dialect" "$naming" > "$out/$name.txt"
  set -o pipefail
  echo "$name: $(tail -n 1 "$out/$name.txt")  -> $out/$name.txt"
done
