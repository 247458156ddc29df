package io.msgbench.metrics;

/**
 * Wall-clock time in nanoseconds since the Unix epoch, monotonic and allocation-free.
 *
 * <p>Every time the harness records (intended, send, ack, receive) comes from one instance per JVM,
 * so differences between them are differences of {@link System#nanoTime()} and never step with NTP.
 */
public interface EpochNanoClock {
    /** Current time in epoch nanoseconds. */
    long epochNanos();

    /** The clock of this JVM: see {@link SystemEpochNanoClock}. */
    static EpochNanoClock system() {
        return SystemEpochNanoClock.INSTANCE;
    }
}
