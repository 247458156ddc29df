package io.msgbench.report;

/**
 * A stretch of measured time, an iteration or a report period inside one: its rates follow from its counts
 * and its exact length, the same way for both.
 */
public interface MeasuredWindow {
    /** MB as OMB and Kafka's perf tools count it: 2^20 bytes. */
    double BYTES_PER_MB = 1024.0 * 1024.0;

    long durationNanos();

    /** Acknowledged sends. */
    long messagesSent();

    /** Sends that failed. */
    long publishErrors();

    /** Messages received during the window, over all subscriptions. */
    long receivedInWindow();

    /** Bytes per message, for the MB/s figures. */
    int messageSize();

    default double seconds() {
        return durationNanos() / 1e9;
    }

    /** Acknowledged messages per second. */
    default double publishRate() {
        return messagesSent() / seconds();
    }

    /** Failed sends per second. */
    default double publishErrorRate() {
        return publishErrors() / seconds();
    }

    /** Messages received per second during the window, over all subscriptions. */
    default double consumeRate() {
        return receivedInWindow() / seconds();
    }

    default double publishThroughputMB() {
        return publishRate() * messageSize() / BYTES_PER_MB;
    }

    default double consumeThroughputMB() {
        return consumeRate() * messageSize() / BYTES_PER_MB;
    }
}
