# Shared by the scripts that run migration-guard over the history of real projects (bench/real-projects.sh,
# bench/real-migrations.sh): their options, where the projects come from, how the tool is run and how its findings are
# collected, so that the reports of both can be read and compared the same way. Sourced, not run.
#
# Options (set $jar, $out, $commits; the projects file is left in $projects):
#   [--jar tool/target/migration-guard.jar] [--out DIR] [--commits N] projects.tsv
# projects.tsv: one project a line, tab-separated: GitHub owner/name, stack, and optionally a path prefix. Lines
# starting with # are skipped. Each is cloned from $MG_MIRRORS/<owner>+<name>/repo when that folder exists (a local
# snapshot), else from GitHub, into $out/clones: nothing of the projects is copied into this repository.

real_options() { # default-out "$@"
  jar=tool/target/migration-guard.jar
  out=$1
  commits=25
  shift
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
}

# Prints "owner/name stack prefix" for each project line of $projects.
real_projects() {
  grep -v '^#' "$projects" | while IFS=$'\t' read -r repo stack prefix; do
    [ -n "$repo" ] && printf '%s\t%s\t%s\n' "$repo" "$stack" "$prefix"
  done
}

real_clone() { # owner/name: clones it once into $out/clones, prints the clone's folder
  local repo=$1 name=${1/\//+} source clone
  source="https://github.com/$repo"
  [ -d "${MG_MIRRORS:-/work/.mirror}/$name/repo" ] && source="${MG_MIRRORS:-/work/.mirror}/$name/repo"
  clone="$out/clones/$name"
  [ -d "$clone/.git" ] || git clone -q --no-checkout "$source" "$clone"
  echo "$clone"
}

collect() { # project commit mode exit report.json: appends its findings to $tsv
  jq -r --arg p "$1" --arg c "$2" --arg m "$3" --arg e "$4" \
    '.findings[] | [$p, $c, $m, $e, .rule, .severity, (.suppressed // false), .path, (.line // 0),
      (.message | gsub("[\t\n]"; " "))] | @tsv' "$5" >> "$tsv" 2>/dev/null || true
}

run_tool() { # clone report args...: runs the jar, the JSON report into report, prints the exit code
  local clone=$1 report=$2; shift 2
  local code=0
  MIGRATION_GUARD_FAST_START=0 timeout 300 java -jar "$jar" "$@" --repo "$clone" --format json --no-color \
    > "$report" 2> "$report.err" || code=$?
  echo "$code"
}

real_done() { # prints where the findings are and their count per project, mode and rule
  echo "findings: $tsv" >&2
  cut -f1,3,5 "$tsv" | tail -n +2 | sort | uniq -c | sort -k2,2 -k3,3 >&2
}
