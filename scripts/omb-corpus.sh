#!/usr/bin/env bash
# Runs every OMB workload file of a folder (default workloads/corpus/) that fits this machine, one java
# invocation per file so that one failure does not stop the rest, and prints a table of the outcomes:
#   scripts/omb-corpus.sh [FOLDER] [extra benchmarks.jar options, e.g. -r 10s or -rf json,omb]
#   scripts/omb-corpus.sh /tmp/omb/workloads          # OMB's own corpus, from a checkout of it
#   DRIVERS=drivers/kafka/kafka-latency.yaml scripts/omb-corpus.sh
# A file is skipped, with the reason, when topics x partitionsPerTopic > MAX_TOPIC_PARTITIONS (1000) or
# messageSize > MAX_MESSAGE_SIZE (65536). Each run is
#   java -jar benchmarks/target/benchmarks.jar --workload FILE --drivers $DRIVERS --embedded \
#       -wi 0 -i 1 -r 5s -w 2s -rff OUT/<name>.json [extra options]
# where an extra option replaces the default of the same name (-wi, -i, -r, -w, -d/--drivers; --bootstrap
# replaces --embedded). DRIVERS defaults to drivers/kafka/kafka-throughput.yaml (replication 3: the embedded
# cluster has 3 brokers on this machine). TIMEOUT (e.g. 15m) bounds each run with timeout(1); exit 124 then.
# It runs from the repository root: OMB's payloadFile paths (payload/payload-1Kb.data) resolve against the
# working directory first, so msgbench's payload/ files (same sizes, other bytes) serve OMB's files too.
# Durations are for a smoke test, not for figures. Needs benchmarks/target/benchmarks.jar
# (mvn -B -q package -DskipTests). Results: results/omb-corpus-<time>/ (JSON and console per workload,
# summary.md).
set -uo pipefail

caller_dir=$(pwd)
root=$(cd "$(dirname "$0")/.." && pwd)

folder="$root/workloads/corpus"
if [[ $# -gt 0 && $1 != -* ]]; then
    if [[ ! -d $1 ]]; then
        echo "ERROR: $1 is not a folder (usage: scripts/omb-corpus.sh [FOLDER] [benchmarks.jar options])" >&2
        exit 2
    fi
    folder=$(cd "$1" && pwd)
    shift
fi

# DRIVERS: comma-separated; a path that exists from the caller's directory is made absolute, others are
# taken from the repository root (drivers/kafka/...).
drivers=""
IFS=',' read -r -a driver_list <<< "${DRIVERS:-drivers/kafka/kafka-throughput.yaml}"
for d in "${driver_list[@]}"; do
    if [[ $d != /* && -e "$caller_dir/$d" ]]; then
        d="$caller_dir/$d"
    fi
    drivers="${drivers:+$drivers,}$d"
done

cd "$root" || exit 2
jar=benchmarks/target/benchmarks.jar
if [[ ! -f $jar ]]; then
    echo "ERROR: $jar is missing: mvn -B -q package -DskipTests" >&2
    exit 2
fi
if [[ -x /usr/bin/python3 ]]; then
    py=/usr/bin/python3
else
    py=$(command -v python3) || { echo "ERROR: python3 is needed" >&2; exit 2; }
fi

# shellcheck source=lib/given.sh
source "$root/scripts/lib/given.sh"
extra=("$@")
if given -rff --result-file; then
    echo "ERROR: -rff is set per workload by this script (OUT/<name>.json)" >&2
    exit 2
fi
defaults=()
given -d --drivers || defaults+=(--drivers "$drivers")
given --bootstrap || given --embedded || defaults+=(--embedded)
given -wi --warmup-iterations || defaults+=(-wi 0)
given -i --measurement-iterations || defaults+=(-i 1)
given -r --measurement-time || defaults+=(-r 5s)
given -w --warmup-time || defaults+=(-w 2s)

# One line per workload file: path, "run" or "skip", reason. PyYAML when this python has it, else a
# line parser for OMB's flat files; a file neither can read runs anyway (msgbench names its error).
plan=$("$py" - "$folder" "${MAX_TOPIC_PARTITIONS:-1000}" "${MAX_MESSAGE_SIZE:-65536}" <<'PY'
import glob, os, re, sys

folder, max_tp, max_size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
try:
    import yaml
except ImportError:
    yaml = None


def simple(text):
    values = {}
    for line in text.splitlines():
        m = re.match(r'\s*([A-Za-z][A-Za-z0-9_]*)\s*:\s*(.*?)\s*(?:\s#.*)?$', line)
        if m:
            values[m.group(1)] = m.group(2).strip('"\'')
    return values


def number(values, key):
    try:
        return int(float(str(values.get(key, 0)).strip()))
    except ValueError:
        return None


files = sorted(glob.glob(os.path.join(folder, "*.yaml")) + glob.glob(os.path.join(folder, "*.yml")))
if not files:
    print(f"ERROR: no *.yaml in {folder}", file=sys.stderr)
    sys.exit(2)
for f in files:
    text = open(f, encoding="utf-8", errors="replace").read()
    values = None
    if yaml is not None:
        try:
            values = yaml.safe_load(text)
        except yaml.YAMLError:
            values = None
    if not isinstance(values, dict):
        values = simple(text)
    topics, partitions, size = (number(values, k) for k in ("topics", "partitionsPerTopic", "messageSize"))
    if None in (topics, partitions, size):
        print(f"{f}\trun\tunreadable numbers: msgbench will say which")
    elif topics * partitions > max_tp:
        print(f"{f}\tskip\t{topics} x {partitions} = {topics * partitions:,} partitions > {max_tp:,}")
    elif size > max_size:
        print(f"{f}\tskip\tmessageSize {size:,} > {max_size:,}")
    else:
        print(f"{f}\trun\t{topics} x {partitions} partitions, {size:,} B")
PY
) || exit 2

out="$root/results/omb-corpus-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
status="$out/status.tsv" # name, exit code or "skip", seconds, reason
: > "$status"
total=$(grep -c . <<< "$plan")
n=0
while IFS=$'\t' read -r file action reason; do
    n=$((n + 1))
    name=$(basename "$file")
    name=${name%.yaml}
    name=${name%.yml}
    if [[ $action == skip ]]; then
        echo "# [$n/$total] $name: skipped ($reason)"
        printf '%s\tskip\t\t%s\n' "$name" "$reason" >> "$status"
        continue
    fi
    echo "# [$n/$total] $name: $reason"
    cmd=(java -jar "$jar" --workload "$file" "${defaults[@]}" -rff "$out/$name.json" "${extra[@]}")
    if [[ -n ${TIMEOUT:-} ]]; then
        cmd=(timeout -k 30s "$TIMEOUT" "${cmd[@]}")
    fi
    start=$(date +%s%N)
    "${cmd[@]}" < /dev/null 2>&1 | tee "$out/$name.console.txt"
    rc=${PIPESTATUS[0]}
    end=$(date +%s%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    echo "# [$n/$total] $name: exit $rc after $seconds s"
    printf '%s\t%s\t%s\t\n' "$name" "$rc" "$seconds" >> "$status"
    if [[ $rc -eq 130 ]]; then
        echo "# interrupted: the remaining workloads are not run"
        break
    fi
done <<< "$plan"

"$py" - "$out" "$folder" <<'PY' | tee "$out/summary.md"
import json, os, sys

out, folder = sys.argv[1], sys.argv[2]


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def score(metrics, key):
    m = metrics.get(key)
    return None if m is None else m.get("score")


def fmt(value, digits=0):
    if value is None:
        return "–"
    if isinstance(value, float) and value != value:
        return "NaN"
    return f"{value:,.{digits}f}"


def last_error(name):
    try:
        lines = open(os.path.join(out, name + ".console.txt"), encoding="utf-8", errors="replace").read().splitlines()
    except OSError:
        return "no console output"
    errors = [l for l in lines if l.startswith("ERROR")] or [l for l in lines if "Exception" in l or "FAILED" in l]
    text = (errors or lines or ["no console output"])[-1].strip().replace(folder + "/", "")
    return text if len(text) <= 160 else text[:157] + "..."


print()
print("| workload | exit | seconds | headline | publish msg/s | consume msg/s | lost | unsent / debt | warnings |")
print("|---|---:|---:|---|---:|---:|---:|---:|---:|")
for line in open(os.path.join(out, "status.tsv"), encoding="utf-8"):
    name, rc, seconds, reason = line.rstrip("\n").split("\t")
    if rc == "skip":
        print(f"| {cell(name)} | skip | | {cell(reason)} | | | | | |")
        continue
    try:
        results = json.load(open(os.path.join(out, name + ".json"), encoding="utf-8"))
    except (OSError, ValueError):
        results = []
    if not results:
        print(f"| {cell(name)} | {rc} | {seconds} | {cell(last_error(name))} | | | | | |")
        continue
    drivers = {r.get("params", {}).get("driverConfig") for r in results}
    for r in results:
        label = name
        if len(results) > 1:
            params = r.get("params", {})
            label += " (" + ", ".join(f"{k}={v}" for k, v in params.items()
                                      if k != "driver" and (k != "driverConfig" or len(drivers) > 1)) + ")"
        s = r.get("secondaryMetrics", {})
        p = r.get("primaryMetric", {})
        mb = r.get("msgbench", {})
        # mode thrpt: the score is the publish rate (after a search, or at a rate the producers could not hold)
        metric = "publishRate" if r.get("mode") == "thrpt" else mb.get("primaryMetric", "score")
        head = f"{metric} {fmt(p.get('score'), 2)} {p.get('scoreUnit', '')}".strip()
        publish = score(s, "publishRate")
        if r.get("mode") == "thrpt":
            publish = p.get("score")
        if score(s, "maxSustainableRate") is not None:
            head += f" (max {fmt(score(s, 'maxSustainableRate'))})"
        saturation = mb.get("saturation")
        if isinstance(saturation, dict):
            head += f" (saturated: {fmt(saturation.get('achievedRate'))} of {fmt(saturation.get('scheduledRate'))} msg/s)"
        unsent = score(s, "messagesUnsent")
        if unsent is not None:
            owed = fmt(unsent)
        else:
            debts = [i.get("scheduleDebt", 0) for f in mb.get("forks", []) for i in f.get("iterations", [])
                     if i.get("kind") == "measurement"]
            owed = f"debt {fmt(sum(debts))}" if debts else "–"
        print(f"| {cell(label)} | {rc} | {seconds} | {cell(head)} | {fmt(publish)} | {fmt(score(s, 'consumeRate'))} | "
              f"{fmt(score(s, 'messagesLost'))} | {owed} | {len(mb.get('warnings', []))} |")
print()
print(f"Results: {out}")
PY
