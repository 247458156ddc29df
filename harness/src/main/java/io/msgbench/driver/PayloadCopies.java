package io.msgbench.driver;

/**
 * Copies of payloads for clients that keep the array they are given after {@code send} returned (jnats, Lettuce):
 * the harness rewrites its buffer for the next message, so each send's copy lives in a ring slot of its token — the
 * tokens of sends in flight differ in their low bits ({@link MessagingDriver#createProducer}) — and a slot is
 * reused only once its send completed. No copy is allocated per send once the ring is warm. One sender thread.
 */
public final class PayloadCopies {
    private final byte[][] copies;
    private final int mask;

    /** @param maxInFlight the producer's bound, a power of two */
    public PayloadCopies(int maxInFlight) {
        int size = Integer.highestOneBit(Math.max(1, maxInFlight));
        this.copies = new byte[size][];
        this.mask = size - 1;
    }

    /** A copy of {@code payload} that stays as it is until the send of {@code token} completed. */
    public byte[] copy(byte[] payload, long token) {
        int slot = (int) (token & mask);
        byte[] copy = copies[slot];
        if (copy == null || copy.length != payload.length) {
            copy = new byte[payload.length];
            copies[slot] = copy;
        }
        System.arraycopy(payload, 0, copy, 0, payload.length);
        return copy;
    }
}
