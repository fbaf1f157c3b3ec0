#!/usr/bin/env bash
# What the npm runtime and its AOT cache change in `check --staged`, cold (the first run after an install: no user cache,
# so no class-data archive and, for TypeScript, the native parser not yet unpacked) and warm (later runs), on the
# repositories of bench/bench.sh (JPA + Flyway, 2,000 entities, 5,000 migrations) and bench/typeorm-bench.sh (TypeORM,
# 200 entities), each with one entity change and its migration staged. The variants run in turn within each round, so
# a busy machine slows them alike. Prints medians in milliseconds, wall time and CPU time (user + system).
#   usage: packaging/npm/bench.sh [rounds]    (default 11; after packaging/npm/build.sh; needs java 17 on the PATH)
#     jdk17       java -jar migration-guard.jar check --staged, with the Java on the PATH (the archive of cli/ClassArchive)
#     npm-no-aot  the npm runtime (JDK 25) with its AOT cache set aside: the same archive of the user cache
#     npm         the npm runtime with its AOT cache, as installed
#     npm-node    the same through the package's bin entry (node_modules/.bin/migration-guard, as husky runs it)
set -euo pipefail
rounds=${1:-11}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export npm_config_update_notifier=false npm_config_cache=$work/npm-cache
unset MIGRATION_GUARD_FAST_START JAVA_TOOL_OPTIONS

mkdir -p "$work/npm"
(cd "$work/npm" && echo '{"name":"bench","private":true}' > package.json \
  && npm install --no-audit --no-fund "$here"/target/migration-guard-[0-9]*.tgz "$here"/target/migration-guard-linux-x64-*.tgz >/dev/null)
modules=$work/npm/node_modules
runtime=$modules/@migration-guard/linux-x64/runtime
jar=$modules/migration-guard/lib/migration-guard.jar
node "$modules/.bin/migration-guard" --version >/dev/null   # puts back the jar's time (see bin/migration-guard.js)
"$top/bench/bench.sh" make "$work/jpa" 2000 5000 >/dev/null
"$top/bench/typeorm-bench.sh" make "$work/typeorm" 200 >/dev/null

variant() { # $1 name: runs check --staged in the current folder
  case $1 in
    jdk17) java -jar "$jar" check --staged ;;
    npm-no-aot) "$runtime/bin/java" -jar "$jar" check --staged ;;
    npm) "$runtime/bin/java" -jar "$jar" check --staged ;;
    npm-node) node "$modules/.bin/migration-guard" check --staged ;;
  esac
}
aot_aside() { # $1 name: the AOT cache's record is set aside for npm-no-aot only, so the tool does not use the cache
  if [ "$1" = npm-no-aot ]; then
    if [ -f "$runtime/lib/migration-guard.aot.jar" ]; then mv "$runtime/lib/migration-guard.aot.jar" "$work/record"; fi
  elif [ -f "$work/record" ]; then
    mv "$work/record" "$runtime/lib/migration-guard.aot.jar"
  fi
}
measure() { # $1 variant, $2 cold|warm, $3 result file: one run, wall and CPU ms
  local s e cpu
  export XDG_CACHE_HOME=$work/cache-$1
  if [ "$2" = cold ]; then rm -rf "$XDG_CACHE_HOME"; fi
  aot_aside "$1"
  s=$(date +%s%N)
  /usr/bin/time -o "$work/cpu" -f '%U %S' bash -c "$(declare -f variant); variant $1" >/dev/null 2>&1 || true
  e=$(date +%s%N)
  echo "$(((e - s) / 1000000)) $(tail -1 "$work/cpu" | awk '{printf "%d", ($1 + $2) * 1000}')" >> "$3"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

variants="jdk17 npm-no-aot npm npm-node"
export jar runtime modules
for repo in jpa typeorm; do
  cd "$work/$repo"
  for v in $variants; do measure "$v" cold /dev/null; measure "$v" warm /dev/null; done   # warm-up of the disk cache
  for ((i = 0; i < rounds; i++)); do
    for v in $variants; do
      measure "$v" cold "$work/$repo-$v-cold"
      measure "$v" warm "$work/$repo-$v-warm"
    done
  done
done
aot_aside npm

printf '%-9s %-11s %10s %9s %10s %9s\n' repository variant "cold wall" "cold cpu" "warm wall" "warm cpu"
for repo in jpa typeorm; do
  for v in $variants; do
    printf '%-9s %-11s %10s %9s %10s %9s\n' "$repo" "$v" \
      "$(cut -d' ' -f1 "$work/$repo-$v-cold" | median)" "$(cut -d' ' -f2 "$work/$repo-$v-cold" | median)" \
      "$(cut -d' ' -f1 "$work/$repo-$v-warm" | median)" "$(cut -d' ' -f2 "$work/$repo-$v-warm" | median)"
  done
done
echo "(medians of $rounds rounds, ms; cpu = user + system of the whole process tree; cores: $(nproc), load: $(cut -d' ' -f1 /proc/loadavg))"
