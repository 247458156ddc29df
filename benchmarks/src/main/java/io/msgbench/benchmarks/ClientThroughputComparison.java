package io.msgbench.benchmarks;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;

/**
 * How fast does each Kafka client go, Java or Python, when asked for more than it can send (OMB's
 * {@code producerRate: 10000000})? The result is each client's achieved rate (a saturation result: its
 * intended-time latencies only say how far behind it fell), with its CPU per message; the same clients,
 * settings and workload as {@link ClientComparison}. A Python client is usually limited by its own agent (one
 * interpreter per producer): the result says so when the agent's CPU is saturated.
 */
@Workload(topics = 1, partitionsPerTopic = 16, messageSize = 1024,
          producersPerTopic = 1, subscriptionsPerTopic = 1, consumersPerSubscription = 1)
@ProducerRate(10_000_000)
@Param(name = "client", values = {"kafka", "kafka-python", "confluent-kafka"})
@Param(name = "enable.idempotence", values = "false") // kafka-python has none; the Java client's default is on
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
public class ClientThroughputComparison {}
