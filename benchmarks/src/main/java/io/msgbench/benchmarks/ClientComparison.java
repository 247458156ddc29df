package io.msgbench.benchmarks;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;

/**
 * Which Kafka client, Java or Python, delivers a steady 5,000 msg/s of 1 KiB messages on 16 partitions with the
 * lowest latencies, and at what CPU cost? Every client runs the same open-loop schedule, stamp and verification
 * (the Python clients in agent processes, DESIGN §9) with the same pinned settings under their own names (acks=all,
 * linger 5 ms, 16 KiB batches, no compression, unless {@code -p} says otherwise; each result records each client's
 * effective configuration), and idempotence off for all of them, since kafka-python cannot have it. aiokafka joins with {@code -p client=kafka,kafka-python,confluent-kafka,aiokafka}
 * where {@code import aiokafka} works in the interpreter ({@code -p python=PATH}); {@link ClientThroughputComparison}
 * runs the same clients unthrottled.
 */
@Workload(topics = 1, partitionsPerTopic = 16, messageSize = 1024,
          producersPerTopic = 1, subscriptionsPerTopic = 1, consumersPerSubscription = 1)
@ProducerRate(5_000)
@Param(name = "client", values = {"kafka", "kafka-python", "confluent-kafka"})
@Param(name = "enable.idempotence", values = "false") // kafka-python has none; the Java client's default is on
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
public class ClientComparison {}
