#!/usr/bin/env bash
# Start-up time of the default run (embedded PostgreSQL, migrations, reference and demo data).
# Builds the jar, then starts it RUNS times against a fresh data folder: the first start creates the
# database, the others reuse it. Prints Spring Boot's own "Started ... in N seconds" figure for each (the context
# is up and serving) and the wall time from launch until /actuator/health/readiness answers 200 (start-up work such
# as the demo data is done).
# Usage: bench/startup.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
./mvnw -q -B -ntp package -DskipTests
jar=$(ls target/labimpact-platform-*.jar | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -n 1)"
for i in $(seq 1 "$runs"); do
  log="$work/run$i.log"
  launched=$(date +%s.%N)
  java -jar "$jar" --labimpact.embedded-db.data-dir="$work/pg" --labimpact.embedded-db.port=25432 \
       --labimpact.vault.key-dir="$work/keys" --server.port=18080 >"$log" 2>&1 &
  pid=$!
  ready="not ready after 120 s"
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null http://localhost:18080/actuator/health/readiness; then
      ready=$(awk -v now="$(date +%s.%N)" -v start="$launched" 'BEGIN { printf "%.1f s", now - start }')
      break
    fi
    sleep 0.1
  done
  figure=$(grep -o "Started LabImpactApplication in [0-9.]* seconds" "$log" || echo "did not start")
  echo "start $i: ${figure#Started LabImpactApplication in }, ready (demo data loaded) after $ready"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
