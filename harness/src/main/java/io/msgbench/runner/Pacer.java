package io.msgbench.runner;

import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.Sleeper;
import io.msgbench.worker.WorkerException;

/** Waits for the iteration loop's moments on the run's clock; an interrupt (Ctrl-C) ends the wait. */
final class Pacer {
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
        while (clock.epochNanos() < epochNanos) {
            if (Thread.currentThread().isInterrupted()) {
                throw new WorkerException("Interrupted");
            }
            sleeper.sleepUntil(clock, epochNanos);
        }
    }
}
