package io.msgbench.benchmarks;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;

/** How does end-to-end latency behave at a steady 10k msg/s on 16 partitions? */
@Workload(topics = 1, partitionsPerTopic = 16, messageSize = 1024,
          producersPerTopic = 1, subscriptionsPerTopic = 1, consumersPerSubscription = 1)
@ProducerRate(10_000)                        // msg/s over all producers; @ProducerRate(max = true) searches
@Param(name = "client", values = "kafka")    // repeatable; @Params holds several
@Param(name = "acks", values = {"1", "all"})
@Warmup(iterations = 1, time = 10)           // seconds unless timeUnit says otherwise
@Measurement(iterations = 3, time = 30)
@Fork(1)
public class LatencyTest {}
