#!/usr/bin/env bash
# Counts the findings of a findings.tsv (written by bench/real-migrations.sh or bench/real-projects.sh) per rule id and
# project: one row a rule, one column a project, then the total; suppressed findings are left out (they are what the
# project already decided). Given the commits.tsv of bench/real-migrations.sh too, it also shows the projects that had
# no finding, how many commits each had checked, and how many runs ended in exit 3 (an internal bug: no report).
#   usage: bench/summarize-findings.sh findings.tsv [commits.tsv]
set -euo pipefail
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: $0 findings.tsv [commits.tsv]" >&2; exit 2; }
awk -F'\t' '
  function project(p) { if (!(p in seen)) { seen[p] = 1; projects[++np] = p } }
  FNR == 1 { file++; next }
  commits && file == 1 { project($1); runs[$1]++; if ($3 == 3) bugs[$1]++; next }
  { project($1) }
  $7 == "true" || $5 == "" { next }
  { if (!($5 in known)) { known[$5] = 1; rules[++nr] = $5 } n[$5, $1]++; total[$5]++ }
  function row(label, count,   p, t) {
    printf "%-34s", label
    for (p = 1; p <= np; p++) { printf " %*d", length(projects[p]), count[projects[p]]; t += count[projects[p]] }
    printf " %5d\n", t
  }
  END {
    printf "%-34s", "rule"; for (p = 1; p <= np; p++) printf " %s", projects[p]; printf " total\n"
    for (r = 1; r <= nr; r++) {
      delete c; for (p = 1; p <= np; p++) c[projects[p]] = n[rules[r], projects[p]]
      row(rules[r], c)
    }
    if (commits) { row("(commits checked)", runs); row("(runs with exit 3)", bugs) }
  }' commits=$(( $# - 1 )) ${2:+"$2"} "$1"
