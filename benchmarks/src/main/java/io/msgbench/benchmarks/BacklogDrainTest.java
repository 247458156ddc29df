package io.msgbench.benchmarks;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;

/**
 * How fast do consumers catch up after an outage, while the producers go on? OMB's backlog test: after the
 * warmup the consumers pause until 1 GiB of 1 KiB messages waits for them, then resume; the result gives the
 * build and drain times and the net drain rate (consume rate − publish rate, {@code backlogDrainRate}), and
 * the end-to-end latency of the messages published during the drain. The measurement goes on past its
 * iterations until the backlog drained, bounded by {@code -to}. Try it small first:
 * {@code -p consumerBacklogSizeGB=0.05}.
 */
@Workload(topics = 1, partitionsPerTopic = 16, messageSize = 1024,
          producersPerTopic = 1, subscriptionsPerTopic = 1, consumersPerSubscription = 1,
          consumerBacklogSizeGB = 1, backlogDrainRatio = 1.0)
@ProducerRate(5_000)
@Param(name = "client", values = "kafka")
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 1, time = 60)
@Fork(1)
public class BacklogDrainTest {}
