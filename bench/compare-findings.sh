#!/usr/bin/env bash
# Compares two findings.tsv files written by bench/real-projects.sh (an older and a newer jar over the same projects
# and commits): per project and rule, how many findings were kept, are gone and are new; with --list, every finding
# that is gone or new, so that each can be judged against its commit's diff.
#   usage: bench/compare-findings.sh [--list] [--rule <id>] old.tsv new.tsv
set -euo pipefail
list=0 rule=
while [ $# -gt 2 ]; do
  case "$1" in
    --list) list=1; shift ;;
    --rule) rule=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -eq 2 ] || { echo "usage: $0 [--list] [--rule <id>] old.tsv new.tsv" >&2; exit 2; }
# A finding is known by project, commit, mode, rule and path; messages change wording between versions, lines move.
# The table comes first; with --list, one block per finding that is gone or new (fields joined by \037 so that sort
# keeps a block whole).
awk -F'\t' -v list="$list" -v only="$rule" '
  FNR == 1 { next }
  only != "" && $5 != only { next }
  {
    k = $1 FS $2 FS $3 FS $5 FS $8
    if (FILENAME == ARGV[1]) { old[k]++; oldmsg[k] = oldmsg[k] "\037    - " $10 }
    else { new[k]++; newmsg[k] = newmsg[k] "\037    + " $10 }
    kg[k] = $1 FS $5
  }
  END {
    for (k in kg) {
      o = old[k] + 0; n = new[k] + 0; g = kg[k]
      kept[g] += (o < n ? o : n); gone[g] += (o > n ? o - n : 0); added[g] += (n > o ? n - o : 0)
    }
    for (g in kept) { split(g, p, FS); printf "1 %-40s %-34s %6d %6d %6d\n", p[1], p[2], kept[g], gone[g], added[g] }
    if (list) for (k in kg) if (old[k] + 0 != new[k] + 0) {
      split(k, p, FS)
      printf "2 %s %s %s %s %s (%d -> %d)%s%s\n", p[1], substr(p[2], 1, 10), p[3], p[4], p[5], old[k] + 0, new[k] + 0, oldmsg[k], newmsg[k]
    }
  }' "$1" "$2" | sort | {
  printf '%-40s %-34s %6s %6s %6s\n' project rule kept gone new
  while IFS= read -r line; do
    case "$line" in
      1\ *) printf '%s\n' "${line#1 }" ;;
      *) printf '\n%s\n' "${line#2 }" | tr '\037' '\n' ;;
    esac
  done
}
