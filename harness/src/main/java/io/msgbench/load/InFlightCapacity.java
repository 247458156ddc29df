package io.msgbench.load;

import io.msgbench.driver.ProducerHandle;

/**
 * How many sends of one producer may be in flight (sent, not yet acknowledged) before its sender waits:
 * the size of its in-flight table and of the driver's per-send ring. Sized from the rate, so that a hundred
 * slow producers do not cost a hundred tables of {@link ProducerHandle#MAX_IN_FLIGHT} slots (~3.5 MiB each
 * with the Kafka driver's ring), while a producer at a high rate keeps the full table: a client buffers far
 * more than a publish latency's worth of messages, and the harness must not be what slows it down.
 */
public final class InFlightCapacity {
    /** Seconds of the producer's rate a table holds: several publish latencies, and a broker stall of seconds. */
    static final double SECONDS = 4;
    static final int MIN = 4096;
    /** All producers of one worker together: ~1M slots (~60 MiB with tables and rings) at most. */
    static final int TOTAL = 1 << 20;

    private InFlightCapacity() {
    }

    /**
     * The capacity per producer, a power of two in [{@link #MIN} (or less when very many producers share the
     * total), {@link ProducerHandle#MAX_IN_FLIGHT}].
     *
     * @param ratePerSecond the rate over all {@code producers}, or 0 when it is not known yet (a search):
     *                      the largest table then
     */
    public static int perProducer(double ratePerSecond, int producers) {
        int n = Math.max(1, producers);
        double wanted = ratePerSecond > 0 ? ratePerSecond / n * SECONDS : ProducerHandle.MAX_IN_FLIGHT;
        int capacity = ceilPowerOfTwo((long) Math.min(ProducerHandle.MAX_IN_FLIGHT, Math.max(MIN, wanted)));
        int share = Integer.highestOneBit(Math.max(1, TOTAL / n));
        return Math.max(Math.min(capacity, share), Math.min(MIN, share));
    }

    private static int ceilPowerOfTwo(long v) {
        return (int) Math.max(1, Long.highestOneBit(v - 1) << 1);
    }
}
