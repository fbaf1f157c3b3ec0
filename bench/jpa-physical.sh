#!/usr/bin/env bash
# Reads the JPA entities of real projects at history commits through JpaEntityReader.tables and prints the physical
# diff of each commit (parent -> commit), to be judged by hand. Nothing of the projects is copied: they are cloned
# (without a work tree) from the local snapshots in $MG_MIRRORS (default /work/.mirror) into --out.
#
#   bench/jpa-physical.sh [--out /tmp/mg-jpa-physical] [--commits 25]
#
# Each project line: owner+name, naming strategy (spring|hibernate), dialect. Output: <out>/<project>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

out=/tmp/mg-jpa-physical
commits=25
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --commits) commits=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mirrors=${MG_MIRRORS:-/work/.mirror}
mkdir -p "$out/clones"

mvn -B -ntp -q -DskipTests test-compile
mvn -B -ntp -q -pl tool dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null
# The harness runs from a copy of the classes, so that a build during the run cannot pull them away.
rm -rf "$out/classes" && mkdir -p "$out/classes" && cp -r tool/target/classes tool/target/test-classes "$out/classes/"
cp="$out/classes/classes:$out/classes/test-classes:$(cat "$out/classpath.txt")"

while read -r project naming dialect; do
  [ -n "$project" ] || continue
  src="$mirrors/$project/repo"
  [ -d "$src" ] || { echo "skip $project: no snapshot at $src" >&2; continue; }
  clone="$out/clones/$project"
  [ -d "$clone" ] || git clone -q --no-checkout "$src" "$clone"
  # Entity files: those whose diffs ever added or removed an entity annotation; then the newest commits (merges
  # excluded) that touch one of them.
  mapfile -t files < <(git -C "$clone" log --format= --name-only -G'@(Entity|MappedSuperclass|Embeddable)\b' \
    -- '*.java' | sort -u | grep -v '^$' || true)
  [ ${#files[@]} -gt 0 ] || { echo "skip $project: no entity files" >&2; continue; }
  mapfile -t list < <(git -C "$clone" log --no-merges --format=%H -n "$commits" -- "${files[@]}")
  [ ${#list[@]} -gt 0 ] || { echo "skip $project: no entity commits" >&2; continue; }
  java -cp "$cp" dev.migrationguard.jpa.JpaTablesHarness "$clone" "$naming" "$dialect" "${list[@]}" \
    > "$out/$project.txt" 2> "$out/$project.err" || echo "$project: harness exit $?" >&2
  echo "$project: $(grep -c '^==' "$out/$project.txt") commits, $(grep -c '^   [^p]' "$out/$project.txt") changes, $(grep -c '^   problem' "$out/$project.txt") problems"
done <<'PROJECTS'
Netflix+genie spring postgres
eclipse+hawkbit spring mysql
openremote+openremote hibernate postgres
zanata+zanata-platform hibernate mysql
ORCID+ORCID-Source hibernate postgres
jhipster+jhipster-online spring mysql
jhipster+jhipster-sample-app spring postgres
eclipse-che+che-server hibernate postgres
PROJECTS
