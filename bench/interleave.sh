#!/usr/bin/env bash
# Compares jars on the pre-commit path: `check --staged` warm in <repo>, the jars taking turns round after round (so
# that a change in the machine's load falls on all of them), each with its own cache folder. Prints per jar the median
# wall and CPU (user+sys) time in ms, from /usr/bin/time (10 ms resolution). Keep the jars in one folder: the same
# bytes read from a slower file system start slower.
#   usage: bench/interleave.sh <rounds> <repo with a staged change> <jar>...
#   e.g.   bench/bench.sh make /tmp/jpa 200 500 && bench/interleave.sh 21 /tmp/jpa /tmp/old.jar /tmp/new.jar
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 <rounds> <repo> <jar>..." >&2; exit 2; }
rounds=$1; repo=$2; shift 2
caches=$(mktemp -d)
trap 'rm -rf "$caches"' EXIT
declare -A wall cpu
for j in "$@"; do # one run each first, so that every jar's cache is made before timing
  (cd "$repo" && XDG_CACHE_HOME="$caches/$(basename "$j")" java -jar "$j" check --staged >/dev/null 2>&1) || true
done
for ((r = 0; r < rounds; r++)); do
  for j in "$@"; do
    (cd "$repo" && XDG_CACHE_HOME="$caches/$(basename "$j")" /usr/bin/time -o "$caches/t" -f "%e %U %S" \
      java -jar "$j" check --staged >/dev/null 2>&1) || true
    read -r e u s < <(tail -1 "$caches/t")
    wall[$j]+="$(awk -v e="$e" 'BEGIN{printf "%d ", e*1000}')"
    cpu[$j]+="$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%d ", (u+s)*1000}')"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
for j in "$@"; do
  echo "$(basename "$j") wall $(echo "${wall[$j]}" | median) ms, cpu $(echo "${cpu[$j]}" | median) ms"
done
