#!/usr/bin/env bash
# Runs migration-guard over the history of real projects, so that what it reports can be read against the diffs that
# caused it. For each project: `check --base <parent> --head <commit>` on the newest commits that touch entity files,
# and `lint` on the newest commit. Every report is kept; findings are collected in one TSV per run to be judged by hand.
#
#   bench/real-projects.sh [--jar target/migration-guard.jar] [--out /tmp/mg-real] [--commits 25] projects.tsv
#
# projects.tsv: one project a line, tab-separated: GitHub owner/name, stack (typeorm|jpa), and optionally a path
# prefix that limits which files count as entities (default: the whole tree). Lines starting with # are skipped. Each
# is cloned from $MG_MIRRORS/<owner>+<name>/repo when that folder exists (a local snapshot), else from GitHub. Nothing
# of the projects is copied into this repository: they are cloned into --out.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/migration-guard.jar
out=/tmp/mg-real
commits=25
while [ $# -gt 1 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --commits) commits=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: $0 [--jar J] [--out D] [--commits N] projects.tsv" >&2; exit 2; }
projects=$1
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
[ -f "$jar" ] || { echo "no jar at $jar: run mvn -q -DskipTests package" >&2; exit 2; }
mkdir -p "$out/clones" "$out/reports"
tsv="$out/findings.tsv"
printf 'project\tcommit\tmode\texit\trule\tseverity\tsuppressed\tpath\tline\tmessage\n' > "$tsv"

# Entity files of a project's history: those whose diffs ever added or removed an entity annotation.
entity_files() {
  local dir=$1 stack=$2 prefix=$3
  if [ "$stack" = typeorm ]; then
    git -C "$dir" log --format= --name-only -G'@(Entity|ViewEntity|ChildEntity)\(' -- "${prefix}*.ts"
  else
    git -C "$dir" log --format= --name-only -G'@(Entity|MappedSuperclass|Embeddable)\b' -- "${prefix}*.java"
  fi | sort -u | grep -v '^$' || true
}

collect() { # project commit mode exit report.json
  jq -r --arg p "$1" --arg c "$2" --arg m "$3" --arg e "$4" \
    '.findings[] | [$p, $c, $m, $e, .rule, .severity, (.suppressed // false), .path, (.line // 0),
      (.message | gsub("[\t\n]"; " "))] | @tsv' "$5" >> "$tsv" 2>/dev/null || true
}

run_tool() { # clone report args...
  local clone=$1 report=$2; shift 2
  local code=0
  MIGRATION_GUARD_FAST_START=0 timeout 300 java -jar "$jar" "$@" --repo "$clone" --format json --no-color \
    > "$report" 2> "$report.err" || code=$?
  echo "$code"
}

mirrors=${MG_MIRRORS:-/work/.mirror}
grep -v '^#' "$projects" | while IFS=$'\t' read -r repo stack prefix; do
  [ -n "$repo" ] || continue
  name=${repo/\//+}
  source="https://github.com/$repo"
  [ -d "$mirrors/$name/repo" ] && source="$mirrors/$name/repo"
  clone="$out/clones/$name"
  if [ ! -d "$clone/.git" ]; then
    git clone -q --no-checkout "$source" "$clone"
  fi
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

echo "findings: $tsv" >&2
cut -f1,3,5 "$tsv" | tail -n +2 | sort | uniq -c | sort -k2,2 -k3,3 >&2
