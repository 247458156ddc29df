package io.msgbench.benchmarks;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;

/**
 * Which system delivers a steady 5,000 msg/s of 1 KiB messages on 16 partitions with the lowest latencies: the same
 * open-loop schedule, stamp and per-message verification for each, every system with its driver's defaults (Kafka:
 * acks=all, linger 5 ms; RabbitMQ: publisher confirms, classic queues, transient messages; NATS: JetStream file
 * storage, publish acks; Redis: pipelined XADD, consumer groups with XACK, in memory; MQTT: QoS 1 both ways). Each
 * system's servers are started (or reached) when its first scenario comes: embedded Kafka, this machine's RabbitMQ,
 * NATS, Redis and Mosquitto. The servers and the load share the machine: a comparison of like with like here, not
 * a capacity figure — and the systems promise different things (Redis and Mosquitto acknowledge before any disk).
 */
@Workload(topics = 1, partitionsPerTopic = 16, messageSize = 1024,
          producersPerTopic = 1, subscriptionsPerTopic = 1, consumersPerSubscription = 1)
@ProducerRate(5_000)
@Param(name = "client", values = {"kafka", "rabbitmq", "nats", "redis", "mqtt"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
public class SystemComparison {}
