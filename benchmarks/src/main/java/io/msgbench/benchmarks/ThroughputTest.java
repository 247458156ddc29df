package io.msgbench.benchmarks;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;

/**
 * What is the highest rate this client and cluster sustain — the schedule kept and no backlog building —
 * for 1 KiB messages on 16 partitions? The maximum-rate search replaces the warmup (its trials last the
 * warmup time): it brackets from 10,000 msg/s by doubling or halving, bisects to 5 %, and accepts a rate
 * only when it holds twice in a row; the measurement iterations then hold the rate found. Add a latency
 * objective with {@code -p objective=p99<50ms} to find the highest rate that meets it.
 */
@Workload(topics = 1, partitionsPerTopic = 16, messageSize = 1024,
          producersPerTopic = 1, subscriptionsPerTopic = 1, consumersPerSubscription = 1)
@ProducerRate(max = true)
@Param(name = "client", values = "kafka")
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 30)
@Fork(1)
public class ThroughputTest {}
