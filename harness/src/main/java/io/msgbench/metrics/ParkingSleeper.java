package io.msgbench.metrics;

import java.util.concurrent.locks.LockSupport;

/** {@link Sleeper} on {@link LockSupport#parkNanos(long)}; allocation-free. */
final class ParkingSleeper implements Sleeper {
    static final ParkingSleeper INSTANCE = new ParkingSleeper();

    private ParkingSleeper() {
    }

    @Override
    public void sleepUntil(EpochNanoClock clock, long deadlineEpochNanos) {
        long remaining;
        while ((remaining = deadlineEpochNanos - clock.epochNanos()) > 0) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            LockSupport.parkNanos(remaining);
        }
    }
}
