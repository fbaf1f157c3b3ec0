#!/usr/bin/env bash
# Replay of a generated N-migration history, cold and from the replay cache (see bench/ReplayBench.java); prints the
# median of each.
#
#   bench/replay-bench.sh [migrations] [runs]      (default 5000 9; needs mvn -q -DskipTests package or compile)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f tool/target/classpath.txt ] || mvn -B -ntp -q -pl tool dependency:build-classpath -Dmdep.outputFile="$PWD/tool/target/classpath.txt" >&2
java -cp "tool/target/classes:$(cat tool/target/classpath.txt)" bench/ReplayBench.java "${1:-5000}" "${2:-9}"
