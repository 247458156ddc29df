package io.msgbench.runner;

import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.Sleeper;
import io.msgbench.worker.WorkerException;

/** Waits for the iteration loop's moments on the run's clock; an interrupt (Ctrl-C) ends the wait. */
final class Pacer {
    /** How long a wait goes without running its check. */
    private static final long CHECK_NANOS = 1_000_000_000L;

    private final EpochNanoClock clock;
    private final Sleeper sleeper;

    Pacer(EpochNanoClock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    long now() {
        return clock.epochNanos();
    }

    void sleepUntil(long epochNanos) {
        sleepUntil(epochNanos, () -> { });
    }

    /** Sleeps until {@code epochNanos}, running {@code check} (which throws to end the wait) at least every second. */
    void sleepUntil(long epochNanos, Runnable check) {
        for (long now = clock.epochNanos(); now < epochNanos; now = clock.epochNanos()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new WorkerException("Interrupted");
            }
            check.run();
            sleeper.sleepUntil(clock, Math.min(epochNanos, now + CHECK_NANOS));
        }
    }
}
