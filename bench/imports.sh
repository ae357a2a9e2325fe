#!/usr/bin/env bash
# Import throughput (issue 5): a realistic, deterministic participants+enrolments file of N rows, validated then
# committed through the imports facade exactly as an upload, next to a plain COPY of the same rows into an unindexed
# table, measured in the same run on a fresh embedded database (a temporary folder; nothing is kept).
# Usage: bench/imports.sh [--rows 100000] [--format csv|xlsx] [--profile-rows 2000] [--seed 20261126]
#   --profile-rows: first validate that many rows with every statement and savepoint counted (0: no profile)
# Prints progress and a result table; writes the report to bench/out/imports-<rows>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "[bench] compiling (main and test classes) and resolving the test class path"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
echo "[bench] machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    it.labimpact.bench.ImportBenchmark "$@"
