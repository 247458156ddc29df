#!/usr/bin/env bash
# Runs every shipped OMB workload (workloads/*.yaml) with every shipped Kafka driver file
# (drivers/kafka/*.yaml) on the embedded cluster (3 brokers: the files ask for replication 3), each for
# one short measurement, and prints a table. Durations are for a smoke test, not for figures:
#   scripts/omb-matrix.sh [extra benchmarks.jar options, e.g. -r 10s]
# Needs benchmarks/target/benchmarks.jar (mvn -B -q package -DskipTests). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
out="results/omb-matrix-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
workloads=$(ls workloads/*.yaml | paste -sd, -)
drivers=$(ls drivers/kafka/*.yaml | paste -sd, -)
# -w 2s: the max-rate workload's search trials; -to 120s: the backlog workload's drain bound
java -jar benchmarks/target/benchmarks.jar --workload "$workloads" --drivers "$drivers" \
    -wi 0 -i 1 -r 5s -w 2s -to 120s -rff "$out/results.json" "$@" | tee "$out/console.txt" || true
python3 - "$out/results.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
print(f"\n| workload | driver file | publish msg/s | consume msg/s | e2e* p50 ms | e2e* p99 ms | lost | dup | warnings |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    s = r["secondaryMetrics"]
    name = r["benchmark"].split(".")[1]
    if r["mode"] == "thrpt":
        e2e = s["endToEndLatencyCorrected"]["scorePercentiles"]
        pub = r["primaryMetric"]["score"]
        name += f" (max {s['maxSustainableRate']['score']:.0f})"
    else:
        e2e = r["primaryMetric"]["scorePercentiles"]
        pub = s["publishRate"]["score"]
    print(f"| {name} | {r['params']['driverConfig']} | {pub:,.0f} | {s['consumeRate']['score']:,.0f} | "
          f"{e2e['50.0']:.1f} | {e2e['99.0']:.1f} | {s['messagesLost']['score']:.0f} | "
          f"{s['messagesDuplicated']['score']:.0f} | {len(r['msgbench']['warnings'])} |")
PY
