#!/usr/bin/env bash
# Runs one OMB workload file on Kafka, RabbitMQ, NATS JetStream, Redis Streams and MQTT with one engine, and puts
# the results side by side (Markdown and HTML reports beside the JSON):
#   scripts/compare-systems.sh [WORKLOAD.yaml] [extra benchmarks.jar options, e.g. -r 60s]
#   RATE=20000 SYSTEMS="kafka nats" scripts/compare-systems.sh workloads/1-topic-1-partition-1kb.yaml
# WORKLOAD defaults to workloads/1-topic-16-partitions-1kb.yaml, its rate to RATE (5,000 msg/s: OMB's 50,000 is more
# than some of these servers take beside the load on 2 cores; RATE=0 runs the maximum-rate search). Each system runs on its driver file
# under drivers/<system>/ (Kafka on one embedded broker: drivers/kafka/kafka-one-broker.yaml); each system's servers
# are started or reached when its first scenario comes: the embedded Kafka broker, this machine's RabbitMQ (5672),
# NATS with JetStream (4222), Redis (6379) and Mosquitto (1883) — ../shared/services.md says how to start them.
# The defaults (-wi 1 -w 10s -i 3 -r 20s) are for figures; the servers and the load share this machine, so read the
# table as like against like, not as capacity. Needs benchmarks/target/benchmarks.jar (mvn -B -q package
# -DskipTests). Results: results/systems-<time>/results.{json,md,html}.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

workload=workloads/1-topic-16-partitions-1kb.yaml
if [[ $# -gt 0 && $1 != -* ]]; then
    workload=$1
    shift
fi
if [[ ! -f $workload ]]; then
    echo "ERROR: $workload is not a workload file (usage: scripts/compare-systems.sh [WORKLOAD.yaml] [options])" >&2
    exit 2
fi
jar=benchmarks/target/benchmarks.jar
if [[ ! -f $jar ]]; then
    echo "ERROR: $jar is missing: build it first (mvn -B -q package -DskipTests)" >&2
    exit 2
fi

drivers=()
for system in ${SYSTEMS:-kafka rabbitmq nats redis mqtt}; do
    case $system in
        kafka) drivers+=(drivers/kafka/kafka-one-broker.yaml) ;;
        rabbitmq | nats | redis | mqtt) drivers+=("drivers/$system/$system.yaml") ;;
        *) echo "ERROR: unknown system '$system' in SYSTEMS (kafka, rabbitmq, nats, redis, mqtt)" >&2; exit 2 ;;
    esac
done

# shellcheck source=lib/given.sh
source "$root/scripts/lib/given.sh"
extra=("$@")
if given -rff --result-file -rf --result-format -d --drivers; then
    echo "ERROR: -rff, -rf and -d are set by this script (results/systems-<time>/, json,md,html, SYSTEMS)" >&2
    exit 2
fi
defaults=()
given -wi --warmup-iterations || defaults+=(-wi 1)
given -w --warmup-time || defaults+=(-w 10s)
given -i --measurement-iterations || defaults+=(-i 3)
given -r --measurement-time || defaults+=(-r 20s)

out=results/systems-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
java -jar "$jar" --workload "$workload" --drivers "$(IFS=,; echo "${drivers[*]}")" -p "producerRate=${RATE:-5000}" \
    "${defaults[@]}" -rf json,md,html -rff "$out/results.json" "$@" | tee "$out/console.txt"
echo
echo "Side by side: $out/results.md and $out/results.html"
