#!/usr/bin/env bash
# `lint` of a large repository: wall, CPU (user+sys) and peak memory (the largest resident set of the launcher and its
# child JVM, from /usr/bin/time -v) of `java -jar <jar> lint --format json`, the jars taking turns round after round so
# that a change in the machine's load falls on all of them. Each jar has its own cache folder: the first run fills it
# (the class-data archive of the jar and the replayed migrations) and is reported apart as "cold"; the medians are of
# the warm runs, and of one run per round with the replayed migrations deleted but the class archive kept ("replay
# cold": what a lint costs after the migrations changed). The goal of issue 13: 2,000 entities and 5,000 migrations
# within 5 s and 512 MB.
#   usage: bench/lint-bench.sh <rounds> <repo> <jar>...
#   e.g.   bench/bench.sh make /tmp/bj2k 2000 5000 && bench/lint-bench.sh 5 /tmp/bj2k tool/target/migration-guard.jar
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 <rounds> <repo> <jar>..." >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "lint-bench: needs GNU time at /usr/bin/time" >&2; exit 2; }
rounds=$1; repo=$2; shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # $1 jar, $2 label; appends "wall_ms cpu_ms rss_kb" to $work/<label>
  local jar=$1 label=$2 code=0
  (cd "$repo" && XDG_CACHE_HOME="$work/cache-$(basename "$jar")" /usr/bin/time -v -o "$work/t" \
    java -jar "$jar" lint --format json >"$work/out" 2>"$work/err") || code=$?
  if [ "$code" -gt 1 ]; then echo "lint-bench: $jar exited $code: $(head -1 "$work/err")" >&2; exit 1; fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2]) }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
    END { printf "%d %d %d\n", wall * 1000, (user + sys) * 1000, rss }' "$work/t" >>"$work/$label"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for j in "$@"; do run "$j" "cold-$(basename "$j")"; done
for ((r = 0; r < rounds; r++)); do
  for j in "$@"; do run "$j" "warm-$(basename "$j")"; done
  for j in "$@"; do
    rm -rf "$work/cache-$(basename "$j")/migration-guard/replay"
    run "$j" "recold-$(basename "$j")"
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
for j in "$@"; do
  b=$(basename "$j")
  read -r cw cc cr <"$work/cold-$b"
  f="$work/warm-$b"
  echo "$b: warm median of $rounds: wall $(cut -d' ' -f1 "$f" | median) ms, cpu $(cut -d' ' -f2 "$f" | median) ms," \
    "max RSS $(($(cut -d' ' -f3 "$f" | median) / 1024)) MB (largest $(($(cut -d' ' -f3 "$f" | sort -n | tail -1) / 1024)) MB);" \
    "cold: wall $cw ms, cpu $cc ms, max RSS $((cr / 1024)) MB"
  f="$work/recold-$b"
  echo "$b: replay cold, median of $rounds: wall $(cut -d' ' -f1 "$f" | median) ms, cpu $(cut -d' ' -f2 "$f" | median) ms," \
    "max RSS $(($(cut -d' ' -f3 "$f" | median) / 1024)) MB"
done
