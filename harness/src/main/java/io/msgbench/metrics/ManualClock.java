package io.msgbench.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to, for exact tests of the schedule and the latency arithmetic.
 * As a {@link Sleeper} it jumps forward to the deadline instead of waiting.
 */
public final class ManualClock implements EpochNanoClock, Sleeper {
    private final AtomicLong now;

    public ManualClock(long startEpochNanos) {
        this.now = new AtomicLong(startEpochNanos);
    }

    @Override
    public long epochNanos() {
        return now.get();
    }

    /** Moves the clock forward by {@code nanos} (≥ 0). */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a clock never goes back: " + nanos);
        }
        now.addAndGet(nanos);
    }

    /** Sets the clock to {@code epochNanos} if that is not in the past. */
    public void advanceTo(long epochNanos) {
        now.accumulateAndGet(epochNanos, Math::max);
    }

    @Override
    public void sleepUntil(EpochNanoClock clock, long deadlineEpochNanos) {
        if (clock != this) {
            throw new IllegalArgumentException("a ManualClock can only sleep on itself");
        }
        advanceTo(deadlineEpochNanos);
    }
}
