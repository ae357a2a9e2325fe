#!/usr/bin/env bash
# The indicator benchmark at scale: time to compute the full indicator set with all breakdowns for one quarter and
# for project-to-date, next to one sequential scan of the attendance table, in the same run.
# The first run of a size generates its synthetic data (module synthetic, seed 42, COPY) into bench/data/<size>/ and
# keeps it, with the vault keys its participants are sealed with (bench/data/<size>/keys).
# Usage: bench/indicators.sh [--size small|full] [--runs N] [--ptd-runs N] [--quarter 2026-Q2] [--wait-load LOAD]
#                            [--explain-ptd true] [--what-if true] [--rebuild true] [--generate-only true]
#   --generate-only true: generate the data if missing, describe it (bench/out/generate-<size>.md) and stop
#   --rebuild true: first empty the indicator store and time its rebuild from all the facts (minutes at full size;
#     done anyway when the store has never been built)
#   --ptd-runs: runs of the project-to-date computation (default: --runs; 0 skips it)
#   --wait-load: before measuring, wait (up to 10 minutes) for the 1-minute load average to fall below LOAD
#   --explain-ptd true: explain project-to-date's slowest statements too (they run again: a few minutes at full size)
#   --what-if true: instead of measuring, replay the engine's slowest statement with work_mem 1GB
#   small: 10,000 participants, about 100,000 attendance rows (about a minute)
#   full:  1,000,000 participants, about 10,000,000 attendance rows (the first run generates them: docs/benchmarks.md,
#          "Synthetic data")
# Prints progress and a result table; writes the report to bench/out/indicators-<size>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "[bench] compiling (main and test classes) and resolving the test class path"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
echo "[bench] machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    it.labimpact.bench.IndicatorBenchmark "$@"
