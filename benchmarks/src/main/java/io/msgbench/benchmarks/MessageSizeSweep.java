package io.msgbench.benchmarks;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;

/**
 * How do latency and bytes per second change with the message size when the message rate stays the
 * same? 100 B, 1 KiB and 10 KiB at 1,000 msg/s (0.1, 1 and 10 MB/s): where latency grows faster than
 * the size, batching or the network path is the limit, not the number of messages.
 */
@Workload(topics = 1, partitionsPerTopic = 4, messageSize = 1024,
          producersPerTopic = 1, subscriptionsPerTopic = 1, consumersPerSubscription = 1)
@ProducerRate(1_000)
@Param(name = "client", values = "kafka")
@Param(name = "messageSize", values = {"100", "1024", "10240"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
public class MessageSizeSweep {}
