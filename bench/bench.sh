#!/usr/bin/env bash
# End-to-end timing of the pre-commit path: `check --staged` on a commit of one entity change plus one migration, in
# generated repositories of 200 and 2,000 entities (500 and 5,000 migrations), beside `git diff --cached --name-status`
# on the same repository and a JVM started on a trivial main class. Prints medians in milliseconds.
#   usage: bench/bench.sh [runs]        (needs the jar: mvn -q -DskipTests package)
#          bench/bench.sh make <dir> <entities> <migrations>   (only build such a repository, with the change staged)
set -euo pipefail
runs=${1:-15}
here=$(cd "$(dirname "$0")" && pwd)
jar=${MIGRATION_GUARD_JAR:-$here/../tool/target/migration-guard.jar}
java=${JAVA:-java}
[ -f "$jar" ] || { echo "bench: build the jar first: mvn -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { # runs a command $runs times, prints the median wall time in ms
  local i s e
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(((e - s) / 1000000))
  done | median
}

make_repo() { # $1 dir, $2 entities, $3 migrations
  local dir=$1 n=$2 m=$3 i
  mkdir -p "$dir/src/main/java/com/example/model" "$dir/src/main/resources/db/migration"
  git -C "$dir" init -q -b main
  git -C "$dir" config user.email b@example.com; git -C "$dir" config user.name Bench
  for ((i = 1; i <= n; i++)); do
    cat > "$dir/src/main/java/com/example/model/Thing$i.java" <<JAVA
package com.example.model;

import jakarta.persistence.*;

@Entity
@Table(name = "thing_$i")
public class Thing$i {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(precision = 10, scale = 2)
    private java.math.BigDecimal price;

    public String getName() { return name; }
}
JAVA
  done
  for ((i = 1; i <= m; i++)); do
    printf 'CREATE TABLE t_%d (id BIGINT PRIMARY KEY, name VARCHAR(120) NOT NULL);\n' "$i" \
      > "$dir/src/main/resources/db/migration/V${i}__Create_t_$i.sql"
  done
  git -C "$dir" add -A && git -C "$dir" commit -q -m init
  # the change a developer commits: one new column and its migration
  sed -i 's|    public String getName|    private Integer rank;\n\n    public String getName|' "$dir/src/main/java/com/example/model/Thing1.java"
  printf 'ALTER TABLE thing_1 ADD COLUMN rank INTEGER;\n' > "$dir/src/main/resources/db/migration/V$((m + 1))__Add_thing_rank.sql"
  git -C "$dir" add -A
}

if [ "${1:-}" = make ]; then
  make_repo "$2" "$3" "$4"
  exit 0
fi

# start cold: no class-data archive of this build yet
rm -f "${XDG_CACHE_HOME:-$HOME/.cache}"/migration-guard/classes-*.jsa
mkdir -p "$work/trivial"
printf 'public class Trivial { public static void main(String[] a) { } }\n' > "$work/trivial/Trivial.java"
javac -d "$work/trivial" "$work/trivial/Trivial.java"

printf '%-32s %10s %10s %10s %10s %8s\n' "repository" "check(ms)" "cold(ms)" "git(ms)" "jvm(ms)" "verdict"
for size in "200 500" "2000 5000"; do
  set -- $size
  repo="$work/repo-$1"
  make_repo "$repo" "$1" "$2"
  # the first run after a build also writes the class-data archive (see FastStart): that is the cold time
  s=$(date +%s%N)
  verdict=$(cd "$repo" && "$java" -jar "$jar" check --staged >/dev/null 2>&1; echo $?)
  cold=$((($(date +%s%N) - s) / 1000000))
  check=$(cd "$repo" && time_ms "$java" -jar "$jar" check --staged)
  gitd=$(cd "$repo" && time_ms git diff --cached --name-status)
  jvm=$(time_ms "$java" -cp "$work/trivial" Trivial)
  printf '%-32s %10s %10s %10s %10s %8s\n' "$1 entities, $2 migrations" "$check" "$cold" "$gitd" "$jvm" "exit $verdict"
done
