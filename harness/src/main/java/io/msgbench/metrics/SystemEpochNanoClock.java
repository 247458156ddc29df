package io.msgbench.metrics;

import java.time.Instant;

/**
 * epochNanos = anchor + (System.nanoTime() − anchorNano), the anchor taken once from the tightest
 * of several nanoTime brackets around {@link Instant#now()}.
 *
 * <p>All JVMs on one host read the same CLOCK_MONOTONIC, so two JVMs' clocks differ only by their
 * anchor errors; {@link #anchorErrorNanos()} is half the width of the bracket that was used, an upper
 * bound of this JVM's anchor error with respect to the wall clock (whose own resolution is 1 µs here).
 */
public final class SystemEpochNanoClock implements EpochNanoClock {
    static final SystemEpochNanoClock INSTANCE = new SystemEpochNanoClock(64);

    private final long anchorEpochNanos;
    private final long anchorNanoTime;
    private final long anchorErrorNanos;

    SystemEpochNanoClock(int attempts) {
        long bestWidth = Long.MAX_VALUE;
        long bestEpoch = 0;
        long bestNano = 0;
        for (int i = 0; i < attempts; i++) {
            long before = System.nanoTime();
            Instant now = Instant.now();
            long after = System.nanoTime();
            long width = after - before;
            if (width < bestWidth) {
                bestWidth = width;
                bestEpoch = now.getEpochSecond() * 1_000_000_000L + now.getNano();
                bestNano = before + width / 2;
            }
        }
        this.anchorEpochNanos = bestEpoch;
        this.anchorNanoTime = bestNano;
        this.anchorErrorNanos = (bestWidth + 1) / 2;
    }

    @Override
    public long epochNanos() {
        return anchorEpochNanos + (System.nanoTime() - anchorNanoTime);
    }

    /** Upper bound of the error of the anchor against the wall clock, in nanoseconds. */
    public long anchorErrorNanos() {
        return anchorErrorNanos;
    }
}
