#!/usr/bin/env bash
# Runs migration-guard over the commits of real projects that add migrations, so that the reviewer rules (which judge
# new migrations) can be counted per rule and read against the migrations that raised them. For each project:
# `check --base <parent> --head <commit>` on the newest commits that add a TypeORM migration (a script implementing
# MigrationInterface), a Flyway script (V<version>__<description>.sql) or a Liquibase changelog (a file whose root is
# databaseChangeLog or a formatted-SQL changelog), or that append a changeSet to a changelog. Reports are kept, findings
# collected in one TSV (the format of bench/real-projects.sh, so bench/compare-findings.sh reads both), and each
# commit's exit code and the migrations it adds listed in commits.tsv; bench/summarize-findings.sh counts the findings per rule.
#
#   bench/real-migrations.sh [--jar tool/target/migration-guard.jar] [--out /tmp/mg-migrations] [--commits 25] projects.tsv
#
# projects.tsv: as for bench/real-projects.sh (the stack and prefix columns are not used: every kind of migration is
# looked for); where the projects come from: bench/lib-real.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib-real.sh
real_options /tmp/mg-migrations "$@"
added="$out/commits.tsv"
printf 'project\tcommit\texit\tmigrations\n' > "$added"

# "<commit time> <commit>" then the migration files it adds, for each commit that adds one (newest first, merges left
# out: their parent is not the change). One git log per kind of migration, since each has its own test. A mirror may
# lack its largest blobs: a content search (-G) that reaches one stops there ("unable to read"), so each log keeps
# what it found and the others still run, and vendored node_modules (whose big files are the usual missing ones, and
# never hold a project's migrations) are not searched.
migration_commits() { # clone
  local dir=$1 log=(git -C "$1" log --no-merges --format='@%ct %H' --name-only --no-renames)
  local vendored=':(exclude,glob)**/node_modules/**'
  "${log[@]}" --diff-filter=A -G'MigrationInterface' -- '*.ts' '*.js' "$vendored" || partial "$dir" TypeORM
  # Flyway's Java (and Kotlin) migrations are classes named like its scripts (openremote's V20250916_01__....java).
  "${log[@]}" --diff-filter=A -- ':(glob)**/V*__*.sql' ':(glob)**/V*__*.java' ':(glob)**/V*__*.kt' \
    || partial "$dir" Flyway
  "${log[@]}" --diff-filter=A -G'databaseChangeLog|^-- *liquibase formatted sql' \
    -- '*.xml' '*.yaml' '*.yml' '*.json' '*.sql' "$vendored" || partial "$dir" Liquibase
  # A changeSet appended to a changelog that exists is a new migration too: the usual way Liquibase projects grow.
  "${log[@]}" --diff-filter=M -G'<changeSet[ >]|- *changeSet:|^-- *changeset ' \
    -- '*.xml' '*.yaml' '*.yml' '*.sql' "$vendored" || partial "$dir" 'Liquibase changeSet'
}

partial() { # clone kind
  echo "$(basename "$1"): the search for $2 migrations stopped early (a blob the clone lacks); kept what it found" >&2
}

# The newest $commits commits that add migrations: "commit<TAB>file file ..." per commit.
newest() { # clone
  migration_commits "$1" | awk '
    /^@/ { split(substr($0, 2), f, " "); c = f[2]; t[c] = f[1]; next }
    NF { if (!index(" " files[c] " ", " " $0 " ")) files[c] = files[c] (files[c] == "" ? "" : " ") $0 }
    END { for (c in files) print t[c] "\t" c "\t" files[c] }' | sort -t$'\t' -k1,1nr -k2,2 | head -n "$commits" \
    | cut -f2-
}

real_projects | while IFS=$'\t' read -r repo _ _; do
  name=${repo/\//+}
  clone=$(real_clone "$repo")
  mkdir -p "$out/reports/$name"
  n=0
  while IFS=$'\t' read -r c files; do
    git -C "$clone" rev-parse -q --verify "$c^" >/dev/null || continue
    report="$out/reports/$name/$c.json"
    code=$(run_tool "$clone" "$report" check --base "$c^" --head "$c")
    printf '%s\t%s\t%s\t%s\n' "$name" "$c" "$code" "$files" >> "$added"
    collect "$name" "$c" check "$code" "$report"
    n=$((n + 1))
  done < <(newest "$clone")
  echo "$name: $n commits that add migrations checked" >&2
done

echo "commits and the migrations they add: $added" >&2
bench/summarize-findings.sh "$tsv" "$added" >&2
