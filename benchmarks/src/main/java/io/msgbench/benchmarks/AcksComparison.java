package io.msgbench.benchmarks;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;

/**
 * What does waiting for every in-sync replica ({@code acks=all}) cost over the leader's acknowledgement
 * alone ({@code acks=1}), in publish and end-to-end latency, at a moderate steady rate? On a single-node
 * cluster the difference is the broker's own bookkeeping; point {@code --bootstrap} at a replicated
 * cluster to see the replication round trip.
 */
@Workload(topics = 1, partitionsPerTopic = 8, messageSize = 1024,
          producersPerTopic = 1, subscriptionsPerTopic = 1, consumersPerSubscription = 1)
@ProducerRate(5_000)
@Param(name = "client", values = "kafka")
@Param(name = "acks", values = {"1", "all"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
public class AcksComparison {}
