package io.msgbench.driver;

/** Completion of one {@link ProducerHandle#send}; called from the client's I/O thread. */
@FunctionalInterface
public interface SendListener {
    /** {@code error} is {@code null} when the broker acknowledged the message. */
    void onCompletion(long token, Exception error);
}
