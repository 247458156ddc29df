package io.msgbench.load;

/**
 * When each message of one producer is due: message i at {@code start + floor(i · 1e9 / rate)}.
 *
 * <p>Computed from i every time, never accumulated, so rounding never drifts however long the run;
 * rates may be fractional. Integral rates use exact integer arithmetic while {@code i · 1e9} fits a
 * long (2^63 / 1e9 ≈ 9.2e9 messages), and fall back to double arithmetic beyond that and for
 * fractional rates, where the error stays below a nanosecond for any realistic run (a double holds
 * integers exactly up to 2^53 ns ≈ 104 days).
 */
public final class RateSchedule {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long EXACT_LIMIT = Long.MAX_VALUE / NANOS_PER_SECOND;

    private final long startEpochNanos;
    private final double ratePerSecond;
    private final long integralRate;
    private final double periodNanos;

    /**
     * @param startEpochNanos when message 0 is due
     * @param ratePerSecond   messages per second, positive and finite
     */
    public RateSchedule(long startEpochNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of messages per second, was " + ratePerSecond);
        }
        this.startEpochNanos = startEpochNanos;
        this.ratePerSecond = ratePerSecond;
        this.integralRate = ratePerSecond == Math.rint(ratePerSecond) && ratePerSecond < Long.MAX_VALUE
                ? (long) ratePerSecond : 0;
        this.periodNanos = NANOS_PER_SECOND / ratePerSecond;
    }

    /**
     * The schedule of producer {@code index} out of {@code count} sharing {@code totalRate} evenly, with
     * phases staggered by a fraction of the common period so that producers do not fire together.
     */
    public static RateSchedule staggered(long startEpochNanos, double totalRate, int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("producer " + index + " of " + count);
        }
        double perProducer = totalRate / count;
        long offset = (long) Math.floor(index * (NANOS_PER_SECOND / totalRate));
        return new RateSchedule(startEpochNanos + offset, perProducer);
    }

    public long startEpochNanos() {
        return startEpochNanos;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** Intended send time of message {@code i} (i ≥ 0), epoch nanoseconds. */
    public long intendedTime(long i) {
        if (integralRate > 0 && i <= EXACT_LIMIT) {
            return startEpochNanos + (i * NANOS_PER_SECOND) / integralRate;
        }
        return startEpochNanos + (long) Math.floor(i * periodNanos);
    }

    /** How many messages are due at or before {@code epochNanos}: the count of i with intendedTime(i) ≤ t. */
    public long dueBy(long epochNanos) {
        long elapsed = epochNanos - startEpochNanos;
        if (elapsed < 0) {
            return 0;
        }
        // Estimate, then correct by at most a step either way so the answer agrees with intendedTime exactly.
        long n = (long) Math.floor(elapsed / periodNanos) + 1;
        while (n > 0 && intendedTime(n - 1) > epochNanos) {
            n--;
        }
        while (intendedTime(n) <= epochNanos) {
            n++;
        }
        return n;
    }
}
