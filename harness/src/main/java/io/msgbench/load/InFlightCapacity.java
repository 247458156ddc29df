package io.msgbench.load;

import io.msgbench.driver.ProducerHandle;

/**
 * How many sends of one producer may be in flight (sent, not yet acknowledged) before its sender waits:
 * the size of its in-flight table and of the driver's per-send ring. Sized from the rate, so that a hundred
 * slow producers do not cost a hundred tables of {@link ProducerHandle#MAX_IN_FLIGHT} slots (~3.5 MiB each
 * with the Kafka driver's ring), while a producer at a high rate keeps the full table: a client buffers far
 * more than a publish latency's worth of messages, and the harness must not be what slows it down.
 *
 * <p>All producers of a worker together also hold at most {@link #TOTAL_BYTES} of messages in flight: at an
 * unreachable rate every table fills, and a hundred producers' clients then buffered 8,192 messages of 1 KiB
 * each, most of a fork's live heap, for latency and nothing else (the throughput is the broker's).
 */
public final class InFlightCapacity {
    /** Seconds of the producer's rate a table holds: several publish latencies, and a broker stall of seconds. */
    static final double SECONDS = 4;
    static final int MIN = 4096;
    /** All producers of one worker together: ~1M slots (~60 MiB with tables and rings) at most. */
    static final int TOTAL = 1 << 20;
    /** Messages in flight over all producers of one worker, in bytes. */
    static final long TOTAL_BYTES = 256L << 20;
    /** Fewest slots however many producers and however large the messages. */
    static final int FLOOR = 16;

    private InFlightCapacity() {
    }

    /**
     * The capacity per producer, a power of two in [{@link #MIN} (or less when very many producers or large
     * messages share the totals, never below {@link #FLOOR}), {@link ProducerHandle#MAX_IN_FLIGHT}].
     *
     * @param ratePerSecond the rate over all {@code producers}, or 0 when it is not known yet (a search):
     *                      the largest table then
     * @param messageSize   bytes per message
     */
    public static int perProducer(double ratePerSecond, int producers, int messageSize) {
        int n = Math.max(1, producers);
        double wanted = ratePerSecond > 0 ? ratePerSecond / n * SECONDS : ProducerHandle.MAX_IN_FLIGHT;
        int capacity = ceilPowerOfTwo((long) Math.min(ProducerHandle.MAX_IN_FLIGHT, Math.max(MIN, wanted)));
        long byBytes = TOTAL_BYTES / ((long) n * Math.max(1, messageSize));
        int share = Integer.highestOneBit((int) Math.max(FLOOR, Math.min(TOTAL / n, byBytes)));
        return Math.max(Math.min(capacity, share), Math.min(MIN, share));
    }

    private static int ceilPowerOfTwo(long v) {
        return (int) Math.max(1, Long.highestOneBit(v - 1) << 1);
    }
}
