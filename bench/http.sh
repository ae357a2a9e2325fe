#!/usr/bin/env bash
# HTTP under load: p50/p95/p99 latency, requests/s and errors of the main pages and API endpoints, measured with wrk
# on loopback against the scale data (goal: p95 under 100 ms and no error for every target).
# Starts the application (demo data off, 127.0.0.1 only, fixed port) on bench/data/<size>/, which bench/indicators.sh
# generates (run it once first). Two bench accounts (an administrator, an operator of the largest network) get a
# password generated for this run, are logged in over HTTP, and get one-day API tokens; wrk receives the session
# cookie or the token in its environment and bench/http.lua counts non-2xx answers and reads the percentiles.
# Usage: bench/http.sh [--size full|small] [--duration 60s] [--connections 50] [--threads 2] [--warmup 5s]
#                      [--quarter 2026-Q2] [--only TEXT,TEXT] [--dashboard-cache SECONDS] [--port 25480]
#                      [--gzip true|false]
#   --size: data folder bench/data/<size> (full: 1,000,000 participants; small: 10,000)
#   --duration: wrk's measured run per target (11 targets: the default full run takes about 15 minutes; after each
#     warm-up and run the harness waits, at most 2 minutes, until the server has finished the requests in progress)
#   --connections / --threads: wrk's open connections (concurrent requests) and threads
#   --warmup: an unmeasured wrk run before each target, at the same concurrency
#   --quarter: the period of /api/v1/indicators/values
#   --only: measure only the targets whose path or name contains one of the TEXTs
#   --dashboard-cache: labimpact.dashboard.cache-seconds (default: the value in application.yaml)
#   --port: the application's port (PostgreSQL listens on port + 10); default 25480 (full) or 25481 (small)
#   --gzip: wrk asks for compressed answers (Accept-Encoding: gzip, as browsers do; default false: uncompressed)
# Installs wrk (Debian package) with apt-get when missing. Prints a table; writes bench/out/http-<size>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
    echo "[http] installing wrk"
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q wrk; else sudo apt-get install -y -q wrk; fi
fi
echo "[http] compiling (main and test classes) and resolving the test class path"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
echo "[http] machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    it.labimpact.bench.HttpBenchmark "$@"
