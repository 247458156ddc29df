#!/usr/bin/env bash
# Compares msgbench's producer throughput with Kafka's own kafka-producer-perf-test
# (org.apache.kafka.tools.ProducerPerformance, artifact org.apache.kafka:kafka-tools) on the same work:
# producer only, unthrottled, 1 topic x 1 partition, acks=1 linger.ms=5 batch.size=131072, no key, no
# compression, for 1 KiB and 100-byte messages, on ONE embedded broker (benchmarks.jar broker) shared by
# every run. The broker is warmed first (its JIT dominates early runs), then for each size the two tools
# alternate, PAIRS times: ProducerPerformance, msgbench, ProducerPerformance, msgbench, ...
#
#   scripts/perf-vs-kafka-tools.sh            # ~6-8 min with the defaults (~1 min a pair)
#   PAIRS=5 SEARCH=1 scripts/perf-vs-kafka-tools.sh
#
# Needs benchmarks/target/benchmarks.jar (mvn -B -q package -DskipTests), java, mvn and python3. Run it
# from anywhere; it works in the repository root. Results: results/perf-vs-kafka-tools-<timestamp>/
# (git-ignored): summary.md (the tables printed at the end), results.tsv, each run's console output
# (pp-*.log, msgbench-*.log), msgbench's JSON (msgbench-<size>-<pair>.json), the workload and driver
# files given to msgbench, broker.log.
#
# kafka-tools is resolved by Maven, never downloaded by hand: a throwaway pom depending on
# org.apache.kafka:kafka-tools:$KAFKA_TOOLS_VERSION is written to target/perf-vs-kafka-tools/ and
# maven-dependency-plugin:3.8.1:build-classpath writes the classpath there. Offline (mvn -o) is tried
# first and the online resolution only if that fails, so once ~/.m2 holds the jars no network is used; the
# classpath file is reused as long as every jar in it still exists (then Maven is not even started).
#
# Environment (defaults in brackets):
#   PAIRS [3]               ProducerPerformance/msgbench pairs per message size
#   SIZES ["1024 100"]      message sizes, among 1024 and 100 (the payload files msgbench uses)
#   RECORDS_1KB [3000000]   ProducerPerformance records per 1 KiB run; choose them so a run lasts ~15-20 s
#                           (the defaults assume ~150-200k msg/s of 1 KiB and ~450k of 100 B; see pp-*.log)
#   RECORDS_100B [8000000]  the same for 100-byte runs
#   WARMUP_RECORDS [3000000] 1 KiB records sent to warm the broker before the comparison (0: no warmup)
#   PP_WARMUP_RECORDS [quarter]  ProducerPerformance's own --warmup-records (default a quarter of the run's
#                           records, 0 for none): its "steady state" summary is then the figure, as msgbench
#                           leaves its 5 s warmup iteration (a quarter of its 20 s) out
#   JVM_OPTS ["-Xms1g -Xmx1g -XX:+UseG1GC"]  heap and GC of both producers. ProducerPerformance runs with
#                           them; msgbench's host JVM too, and its fork (the JVM that produces) inherits the
#                           host's JVM arguments. kafka-run-class.sh would give ProducerPerformance -Xmx256M
#                           and G1 (plus MaxGCPauseMillis=20, InitiatingHeapOccupancyPercent=35): a fair
#                           comparison needs the same settings on both sides, hence one variable.
#   MSGBENCH_ARGS []        more msgbench options, after the script's (shell quoting works:
#                           MSGBENCH_ARGS='-jvmArgs "-Xmx2g -XX:+UseParallelGC"' changes the fork only)
#   MSGBENCH_WARMUP [5s] MSGBENCH_TIME [15s]  msgbench's -w and -r (one warmup and one measurement iteration)
#   SEARCH [0]              1: each pair also runs msgbench's maximum-rate search (producerRate: 0,
#                           -w 5s -i 1 -r 10s; a search takes 2-4 min) and reports its maxSustainableRate
#   SKIP_MSGBENCH [0]       1: ProducerPerformance only (checks the Kafka half and the broker alone)
#   PAUSE [2]               seconds between runs (topic deletion, retention checks)
#   KAFKA_TOOLS_VERSION [4.4.0]  should be the broker's version (benchmarks.jar broker prints it)
#   JAVA [java]             the java of both tools (msgbench's forks use the same java as its host)
#
# Disk: the embedded broker's defaults bound every topic to log.retention.bytes=1 GiB in 128 MiB segments
# (checked every 5 s); the topics made here get retention.bytes=1073741824 segment.bytes=134217728
# explicitly (ProducerPerformance's with kafka-tools' TopicCommand, msgbench's through the driver file's
# topicConfig), and each is deleted after its run (msgbench deletes its own).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=benchmarks/target/benchmarks.jar
if [[ ! -f $jar ]]; then
    echo "$jar is missing: build it first with  mvn -B -q package -DskipTests" >&2
    exit 1
fi

PAIRS=${PAIRS:-3}
SIZES=${SIZES:-1024 100}
RECORDS_1KB=${RECORDS_1KB:-3000000}
RECORDS_100B=${RECORDS_100B:-8000000}
WARMUP_RECORDS=${WARMUP_RECORDS:-3000000}
PP_WARMUP_RECORDS=${PP_WARMUP_RECORDS:-quarter}
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g -XX:+UseG1GC}
MSGBENCH_ARGS=${MSGBENCH_ARGS:-}
MSGBENCH_WARMUP=${MSGBENCH_WARMUP:-5s}
MSGBENCH_TIME=${MSGBENCH_TIME:-15s}
SEARCH=${SEARCH:-0}
SKIP_MSGBENCH=${SKIP_MSGBENCH:-0}
PAUSE=${PAUSE:-2}
KAFKA_TOOLS_VERSION=${KAFKA_TOOLS_VERSION:-4.4.0}
JAVA=${JAVA:-java}

# The producer settings both tools use, and the retention of every topic made here.
PRODUCER_PROPS=(acks=1 linger.ms=5 batch.size=131072)
TOPIC_CONFIG=(retention.bytes=1073741824 segment.bytes=134217728)

# Words with shell quoting ("a b" stays one word), without eval: xargs does the parsing.
words() { [[ -z $1 ]] || xargs printf '%s\n' <<<"$1"; }
for var in JVM_OPTS MSGBENCH_ARGS; do
    words "${!var}" >/dev/null || { echo "$var: unbalanced quotes" >&2; exit 1; }
done
mapfile -t jvm_opts < <(words "$JVM_OPTS")
mapfile -t msgbench_extra < <(words "$MSGBENCH_ARGS")
for size in $SIZES; do
    [[ $size == 1024 || $size == 100 ]] || { echo "SIZES: only 1024 and 100 have payload files, not $size" >&2; exit 1; }
done

out="results/perf-vs-kafka-tools-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/perf-vs-kafka-tools.XXXXXX")
broker_pid=

cleanup() {
    exec 3>&- || true # the broker command's stdin
    if [[ -n $broker_pid ]] && kill -0 "$broker_pid" 2>/dev/null; then
        echo "Stopping the broker (pid $broker_pid)" >&2
        kill "$broker_pid" 2>/dev/null || true # its shutdown hook stops Kafka and deletes the data directory
        for _ in $(seq 120); do
            kill -0 "$broker_pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$broker_pid" 2>/dev/null || true
        wait "$broker_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() { printf '\n### %s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- kafka-tools classpath ------------------------------------------------------------------------------
cache="target/perf-vs-kafka-tools/kafka-tools-$KAFKA_TOOLS_VERSION"
classpath_file="$root/$cache/classpath.txt"
classpath_usable() {
    [[ -s $classpath_file ]] || return 1
    local entry entries
    IFS=: read -r -a entries <"$classpath_file"
    for entry in "${entries[@]}"; do
        [[ -f $entry ]] || return 1
    done
}
if ! classpath_usable; then
    mkdir -p "$cache"
    cat >"$cache/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by scripts/perf-vs-kafka-tools.sh to resolve kafka-tools' classpath; not part of the build. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.msgbench.scripts</groupId>
  <artifactId>kafka-tools-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka-tools</artifactId>
      <version>$KAFKA_TOOLS_VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
    resolve=(mvn -B -q -f "$cache/pom.xml"
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath
        -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime)
    log "Resolving org.apache.kafka:kafka-tools:$KAFKA_TOOLS_VERSION with Maven (log: $cache/mvn.log)"
    rm -f "$classpath_file"
    if ! "${resolve[@]}" -o >"$cache/mvn.log" 2>&1; then
        echo "Not all in ~/.m2 yet: resolving online" >&2
        if ! "${resolve[@]}" >>"$cache/mvn.log" 2>&1 || ! classpath_usable; then
            cat "$cache/mvn.log" >&2
            echo "Could not resolve org.apache.kafka:kafka-tools:$KAFKA_TOOLS_VERSION" >&2
            exit 1
        fi
    fi
fi
kafka_cp=$(<"$classpath_file")

# Kafka's tools print their figures with the default locale's decimal separator: pin it.
kafka_tool() { "$JAVA" -Duser.language=en -Duser.country=US -cp "$kafka_cp" "$@"; }

# --- the broker -----------------------------------------------------------------------------------------
log "Starting the embedded broker (log: $out/broker.log)"
mkfifo "$tmp/broker.stdin"
# Its stdin stays open (fd 3 below) for as long as this script runs; the trap stops it.
"$JAVA" -jar "$jar" broker <"$tmp/broker.stdin" >"$out/broker.log" 2>&1 &
broker_pid=$!
exec 3>"$tmp/broker.stdin"
bootstrap=
for _ in $(seq 360); do
    bootstrap=$(sed -n 's/^bootstrap\.servers=//p' "$out/broker.log" | head -n 1)
    [[ -z $bootstrap ]] || break
    if ! kill -0 "$broker_pid" 2>/dev/null; then
        cat "$out/broker.log" >&2
        echo "The broker exited before printing its address" >&2
        exit 1
    fi
    sleep 0.5
done
if [[ -z $bootstrap ]]; then
    cat "$out/broker.log" >&2
    echo "The broker printed no address within 180 s" >&2
    exit 1
fi
head -n 1 "$out/broker.log" >&2

create_topic() {
    local args=(--bootstrap-server "$bootstrap" --create --topic "$1" --partitions 1 --replication-factor 1) c
    for c in "${TOPIC_CONFIG[@]}"; do
        args+=(--config "$c")
    done
    kafka_tool -Xmx256m org.apache.kafka.tools.TopicCommand "${args[@]}" 2>>"$out/topics.log" >&2
}
delete_topic() {
    kafka_tool -Xmx256m org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --delete --topic "$1" \
        >>"$out/topics.log" 2>&1 || echo "(could not delete topic $1: see $out/topics.log)" >&2
}

# The final summary line of ProducerPerformance 4.x (Stats.printTotal), e.g.
#   200000 records sent, 28320.589068 records/sec (27.66 MB/sec), 797.50 ms avg latency, 1116.00 ms max
#   latency, 844 ms 50th, 1066 ms 95th, 1108 ms 99th, 1112 ms 99.9th.
# (one line; the periodic lines end at "max latency." and have no percentiles). With --warmup-records a
# second one, "N steady state records sent, X records/sec ...", follows: it is preferred then.
pp_rate_of() {
    awk '/^[0-9]+ records sent, .* 99\.9th\.$/ { total = $4 }
         /^[0-9]+ steady state records sent, .* 99\.9th\.$/ { steady = $6 }
         END { print (steady != "" ? steady : total) }' "$1"
}

# Runs ProducerPerformance on a fresh topic: run_pp TOPIC RECORDS SIZE LOG; prints records/s (empty on failure).
run_pp() {
    local topic=$1 records=$2 size=$3 logfile=$4 warmup=() warm=$PP_WARMUP_RECORDS
    [[ $warm != quarter ]] || warm=$((records / 4))
    [[ $warm == 0 ]] || warmup=(--warmup-records "$warm")
    create_topic "$topic"
    log "ProducerPerformance: $records records of $size B to $topic"
    if ! kafka_tool "${jvm_opts[@]}" org.apache.kafka.tools.ProducerPerformance --bootstrap-server "$bootstrap" \
            --topic "$topic" --num-records "$records" --record-size "$size" --throughput -1 "${warmup[@]}" \
            --command-property "${PRODUCER_PROPS[@]}" 2>&1 | tee "$logfile" >&2; then
        echo "ProducerPerformance failed: see $logfile" >&2
    fi
    delete_topic "$topic"
    pp_rate_of "$logfile"
}

# msgbench's figure in its JSON: WHAT=publish gives secondaryMetrics.publishRate (or the primary metric
# when it is a rate, as after a search), WHAT=max secondaryMetrics.maxSustainableRate. Empty when absent.
msgbench_rate_of() {
    python3 - "$1" "$2" <<'PY'
import json, sys
path, what = sys.argv[1], sys.argv[2]
try:
    rows = json.load(open(path))
except (OSError, ValueError):
    sys.exit(0)
for r in rows:
    secondary = r.get("secondaryMetrics") or {}
    if what == "max":
        value = (secondary.get("maxSustainableRate") or {}).get("score")
    else:
        value = (secondary.get("publishRate") or {}).get("score")
        primary = r.get("primaryMetric") or {}
        if value is None and primary.get("scoreUnit") == "ops/s":
            value = primary.get("score")
    for w in (r.get("msgbench") or {}).get("warnings") or []:
        print(f"msgbench warning: {w}", file=sys.stderr)
    if value is not None:
        print(f"{value:.1f}")
        break
PY
}

payload_of() { [[ $1 == 1024 ]] && echo payload/payload-1Kb.data || echo payload/payload-100b.data; }

# The OMB driver file: the producer settings above, topics with the retention above.
driver_file="$out/kafka-producer-perf.yaml"
{
    echo "name: Kafka"
    echo "driverClass: io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver"
    echo "replicationFactor: 1"
    echo "topicConfig: |"
    printf '  %s\n' "${TOPIC_CONFIG[@]}"
    echo "producerConfig: |"
    printf '  %s\n' "${PRODUCER_PROPS[@]}"
} >"$driver_file"

# workload_file SIZE RATE: a producer-only OMB workload (RATE 0: the maximum-rate search).
workload_file() {
    local file="$out/producer-only-${1}b.yaml"
    [[ $2 != 0 ]] || file="$out/producer-only-${1}b-max-rate.yaml"
    cat >"$file" <<EOF
name: producer only, $1 B, 1 topic x 1 partition$([[ $2 == 0 ]] && echo ", maximum sustainable rate" || echo ", unthrottled")
topics: 1
partitionsPerTopic: 1
messageSize: $1
payloadFile: $(payload_of "$1")
subscriptionsPerTopic: 0
consumerPerSubscription: 0
producersPerTopic: 1
producerRate: $2
testDurationMinutes: 1
EOF
    echo "$file"
}

# run_msgbench SIZE PAIR KIND(rate|search); prints the figure (empty on failure).
run_msgbench() {
    local size=$1 k=$2 kind=$3 workload json logfile timing
    if [[ $kind == search ]]; then
        workload=$(workload_file "$size" 0)
        json="$out/msgbench-search-$size-$k.json"
        timing=(-w 5s -i 1 -r 10s)
    else
        workload=$(workload_file "$size" 10000000)
        json="$out/msgbench-$size-$k.json"
        timing=(-wi 1 -w "$MSGBENCH_WARMUP" -i 1 -r "$MSGBENCH_TIME")
    fi
    logfile="${json%.json}.log"
    log "msgbench ($kind): $size B, pair $k"
    if ! "$JAVA" "${jvm_opts[@]}" -jar "$jar" --workload "$workload" --drivers "$driver_file" \
            --bootstrap "$bootstrap" "${timing[@]}" -rff "$json" "${msgbench_extra[@]}" 2>&1 | tee "$logfile" >&2; then
        echo "msgbench failed: see $logfile" >&2
    fi
    msgbench_rate_of "$json" "$([[ $kind == search ]] && echo max || echo publish)"
}

# --- the runs -------------------------------------------------------------------------------------------
if [[ $WARMUP_RECORDS != 0 ]]; then
    log "Warming the broker"
    warm=$(run_pp perf-warmup "$WARMUP_RECORDS" 1024 "$out/pp-warmup.log")
    echo "warmup: ${warm:-failed} records/s" >&2
    sleep "$PAUSE"
fi

results="$out/results.tsv"
printf 'size\tpair\tproducerPerformance\tmsgbench\tmsgbenchMaxSustainable\n' >"$results"
for size in $SIZES; do
    records=$RECORDS_1KB
    [[ $size == 1024 ]] || records=$RECORDS_100B
    for k in $(seq "$PAIRS"); do
        pp=$(run_pp "perf-pp-$size-$k" "$records" "$size" "$out/pp-$size-$k.log")
        echo "ProducerPerformance $size B pair $k: ${pp:-failed} records/s" >&2
        sleep "$PAUSE"
        mb='' mbmax=''
        if [[ $SKIP_MSGBENCH != 1 ]]; then
            mb=$(run_msgbench "$size" "$k" rate)
            echo "msgbench $size B pair $k: ${mb:-failed} msg/s" >&2
            sleep "$PAUSE"
            if [[ $SEARCH == 1 ]]; then
                mbmax=$(run_msgbench "$size" "$k" search)
                echo "msgbench max sustainable $size B pair $k: ${mbmax:-failed} msg/s" >&2
                sleep "$PAUSE"
            fi
        fi
        printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$k" "$pp" "$mb" "$mbmax" >>"$results"
    done
done

# --- the tables -----------------------------------------------------------------------------------------
{
    echo "# msgbench vs ProducerPerformance"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
        "$(head -n 1 "$out/broker.log" | sed 's/ (started.*//'), kafka-tools $KAFKA_TOOLS_VERSION," \
        "$("$JAVA" -version 2>&1 | head -n 1)"
    echo
    echo "Producer only, unthrottled, 1 topic x 1 partition, ${PRODUCER_PROPS[*]}; JVM_OPTS: $JVM_OPTS;" \
        "ProducerPerformance: $RECORDS_1KB x 1 KiB / $RECORDS_100B x 100 B records$([[ $PP_WARMUP_RECORDS == 0 ]] ||
            echo " (steady state after ${PP_WARMUP_RECORDS/quarter/a quarter of the} records)");" \
        "msgbench: -wi 1 -w $MSGBENCH_WARMUP -i 1 -r $MSGBENCH_TIME${MSGBENCH_ARGS:+ $MSGBENCH_ARGS}$([[ $SEARCH != 1 ]] ||
            echo ", search -w 5s -i 1 -r 10s"); broker warmed with $WARMUP_RECORDS x 1 KiB."
    python3 - "$results" <<'PY'
import csv, statistics, sys

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))

def num(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None

def table(title, column, label):
    for size in dict.fromkeys(r["size"] for r in rows):
        group = [r for r in rows if r["size"] == size]
        if not any(num(r[column]) for r in group):
            continue
        print(f"\n## {size} B: {title}\n")
        print(f"| pair | ProducerPerformance msg/s | {label} msg/s | ratio msgbench/PP |")
        print("|---:|---:|---:|---:|")
        ratios = []
        for r in group:
            pp, mb = num(r["producerPerformance"]), num(r[column])
            ratio = mb / pp if pp and mb else None
            if ratio is not None:
                ratios.append(ratio)
            cell = lambda v: f"{v:,.0f}" if v else "n/a"
            print(f"| {r['pair']} | {cell(pp)} | {cell(mb)} | {f'{ratio:.3f}' if ratio else 'n/a'} |")
        if ratios:
            print(f"\nratio over {len(ratios)} pairs: min {min(ratios):.3f}, median {statistics.median(ratios):.3f}")

if not any(num(r["msgbench"]) for r in rows):
    print("\nNo msgbench figure (skipped or failed); ProducerPerformance alone:\n")
    print("| size | pair | ProducerPerformance msg/s |\n|---:|---:|---:|")
    for r in rows:
        pp = num(r["producerPerformance"])
        print(f"| {r['size']} | {r['pair']} | {f'{pp:,.0f}' if pp else 'n/a'} |")
table("unthrottled publish rate", "msgbench", "msgbench")
table("maximum sustainable rate (SEARCH=1)", "msgbenchMaxSustainable", "msgbench maxSustainableRate")
PY
} | tee "$out/summary.md"
echo "Written to $out/" >&2
