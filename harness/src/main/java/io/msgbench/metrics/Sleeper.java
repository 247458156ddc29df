package io.msgbench.metrics;

/**
 * Waits until a clock reaches a deadline. Injectable so that tests drive time exactly
 * ({@link ManualClock} is also a Sleeper that simply jumps to the deadline).
 */
public interface Sleeper {
    /**
     * Returns once {@code clock.epochNanos() >= deadlineEpochNanos}, or earlier when the thread is
     * interrupted. May return late by the timer slack of the platform, never early.
     */
    void sleepUntil(EpochNanoClock clock, long deadlineEpochNanos);

    /**
     * Parks in {@link java.util.concurrent.locks.LockSupport#parkNanos(long)} steps. On this class of
     * machine parkNanos wakes 50–100 µs late (measured by {@code SleeperSlackBenchmark}); that is the
     * floor of the publish delay a schedule can promise, and why lateness below it is not a warning.
     */
    static Sleeper parking() {
        return ParkingSleeper.INSTANCE;
    }
}
