#!/usr/bin/env bash
# Runs migration-guard over the history of real projects, so that what it reports can be read against the diffs that
# caused it. For each project: `check --base <parent> --head <commit>` on the newest commits that touch entity files,
# and `lint` on the newest commit. Every report is kept; findings are collected in one TSV per run to be judged by hand.
#
#   bench/real-projects.sh [--jar tool/target/migration-guard.jar] [--out /tmp/mg-real] [--commits 25] projects.tsv
#
# projects.tsv: GitHub owner/name, stack (typeorm|jpa), and optionally a path prefix that limits which files count as
# entities (default: the whole tree); where the projects come from: bench/lib-real.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib-real.sh
real_options /tmp/mg-real "$@"

# Entity files of a project's history: those whose diffs ever added or removed an entity annotation.
entity_files() {
  local dir=$1 stack=$2 prefix=$3
  if [ "$stack" = typeorm ]; then
    git -C "$dir" log --format= --name-only -G'@(Entity|ViewEntity|ChildEntity)\(' -- "${prefix}*.ts"
  else
    git -C "$dir" log --format= --name-only -G'@(Entity|MappedSuperclass|Embeddable)\b' -- "${prefix}*.java"
  fi | sort -u | grep -v '^$' || true
}

real_projects | while IFS=$'\t' read -r repo stack prefix; do
  name=${repo/\//+}
  clone=$(real_clone "$repo")
  head=$(git -C "$clone" rev-parse HEAD)
  mapfile -t files < <(entity_files "$clone" "$stack" "${prefix:-}")
  [ ${#files[@]} -gt 0 ] || { echo "$name: no entity files found" >&2; continue; }
  mapfile -t picked < <(git -C "$clone" log --no-merges --format=%H -n "$commits" "$head" -- "${files[@]}")
  mkdir -p "$out/reports/$name"
  n=0
  for c in "${picked[@]}"; do
    git -C "$clone" rev-parse -q --verify "$c^" >/dev/null || continue
    report="$out/reports/$name/$c.json"
    code=$(run_tool "$clone" "$report" check --base "$c^" --head "$c")
    collect "$name" "$c" check "$code" "$report"
    n=$((n + 1))
  done
  # lint reads the work tree: check out the newest commit in a throw-away work tree of the clone.
  lintdir="$out/clones/$name-lint"
  rm -rf "$lintdir"
  git -C "$clone" worktree prune
  git -C "$clone" worktree add -q --no-checkout --detach "$lintdir" "$head"
  # A snapshot may lack its largest blobs: check out every file that is there.
  git -C "$lintdir" read-tree HEAD
  git -C "$lintdir" ls-tree -r --format='%(objectname) %(path)' HEAD \
    | git -C "$lintdir" cat-file --batch-check='%(objectname) %(objecttype) %(rest)' 2>/dev/null \
    | awk '$2 == "blob" { sub(/^[^ ]+ [^ ]+ /, ""); print }' \
    | git -C "$lintdir" checkout-index --stdin -f 2>/dev/null || true
  report="$out/reports/$name/lint-$head.json"
  code=$(run_tool "$lintdir" "$report" lint)
  collect "$name" "$head" lint "$code" "$report"
  echo "$name: $n commits checked, lint exit $code" >&2
done

real_done
