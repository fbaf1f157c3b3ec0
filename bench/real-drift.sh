#!/usr/bin/env bash
# Runs `lint` on the newest commit of real projects with entity-migration-drift named in a configuration, so every
# drift finding can be read against the project's entities and migrations (issue 11's drift lint).
#
#   bench/real-drift.sh [--jar tool/target/migration-guard.jar] [--out /tmp/mg-drift] projects.tsv
#
# projects.tsv and where the projects come from: bench/lib-real.sh. Findings of every rule go to findings.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib-real.sh
real_options /tmp/mg-drift "$@"
config="$out/drift.yml"
printf 'rules:\n  entity-migration-drift: error\n' > "$config"

real_projects | while IFS=$'\t' read -r repo stack prefix; do
  name=${repo/\//+}
  clone=$(real_clone "$repo")
  head=$(git -C "$clone" rev-parse HEAD)
  lintdir="$out/clones/$name-lint"
  if [ ! -d "$lintdir" ]; then
    git -C "$clone" worktree prune
    git -C "$clone" worktree add -q --no-checkout --detach "$lintdir" "$head"
    # A snapshot may lack its largest blobs: check out every file that is there.
    git -C "$lintdir" read-tree HEAD
    git -C "$lintdir" ls-tree -r --format='%(objectname) %(path)' HEAD \
      | git -C "$lintdir" cat-file --batch-check='%(objectname) %(objecttype) %(rest)' 2>/dev/null \
      | awk '$2 == "blob" { sub(/^[^ ]+ [^ ]+ /, ""); print }' \
      | git -C "$lintdir" checkout-index --stdin -f 2>/dev/null || true
  fi
  mkdir -p "$out/reports/$name"
  report="$out/reports/$name/lint-$head.json"
  code=$(run_tool "$lintdir" "$report" lint --config "$config")
  collect "$name" "$head" lint "$code" "$report"
  echo "$name: lint exit $code, $(jq '[.findings[] | select(.rule == "entity-migration-drift")] | length' "$report" 2>/dev/null) drift findings" >&2
done
