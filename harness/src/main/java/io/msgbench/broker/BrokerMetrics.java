package io.msgbench.broker;

import io.msgbench.metrics.Readings;

/**
 * The {@code broker} profiler's source: the servers' own figures, read by the coordinator at iteration and report
 * period boundaries, off the load. Names are system-neutral (the harness knows no system): totals
 * {@code process.cpu.seconds}, {@code gc.seconds}, {@code gc.count}, {@code messages.in}, {@code bytes.in},
 * {@code bytes.out}, {@code handler.idle.seconds} (request handlers' idle time, per handler), {@code network.idle.seconds}
 * (network threads' idle time, summed), {@code produce.count} with {@code produce.total.ms.sum},
 * {@code produce.queue.ms.sum}, {@code produce.local.ms.sum}, the same for {@code fetch}, {@code flush.count} with
 * {@code flush.ms.sum}; levels {@code nodes}, {@code network.threads}, {@code heap.used.bytes}, {@code threads},
 * {@code partitions.underReplicated}, {@code requests.queued}. A system says what it can.
 */
public interface BrokerMetrics extends AutoCloseable {
    /** Everything so far, summed over the servers; what could not be read is left out. */
    Readings read();

    /** Where the figures come from, for the console. */
    String describe();

    @Override
    void close();
}
