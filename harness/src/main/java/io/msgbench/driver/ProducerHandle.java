package io.msgbench.driver;

/** A producer bound to one topic. Used by one sender thread at a time. */
public interface ProducerHandle extends AutoCloseable {
    /**
     * The most sends of one producer the harness ever has in flight; each producer gets its own bound (a power
     * of two up to this, see {@link MessagingDriver#createProducer}), and the tokens of sends in flight together
     * differ in their low bits, so a driver can keep per-send state in a ring of that size instead of
     * allocating it.
     */
    int MAX_IN_FLIGHT = 1 << 16;

    /**
     * Sends asynchronously. The driver must have copied {@code payload} (or be done with it) when this
     * method returns, because the harness rewrites the same buffer for the next message. Exactly one
     * call of {@code listener.onCompletion(token, ...)} follows, from any thread, possibly this one.
     *
     * @param key     the message key, or {@code null} for none
     * @param payload the message value, stamp included
     * @param token   opaque to the driver, handed back on completion
     */
    void send(byte[] key, byte[] payload, long token, SendListener listener);

    /** Sends everything buffered and waits for the acknowledgements. */
    void flush();

    @Override
    void close();
}
