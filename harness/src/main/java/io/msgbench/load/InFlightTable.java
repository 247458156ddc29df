package io.msgbench.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Times of the messages of one producer that are sent but not yet acknowledged, in a ring indexed by
 * sequence number, so the acknowledgement path finds them without a map or an allocation.
 *
 * <p>One sender thread claims slots, one completion thread (the client's I/O thread) releases them.
 * A slot is reused only after it was released, so a message that stays in flight longer than
 * {@code capacity} later sends makes the sender wait (back-pressure, seen as publish delay) instead of
 * overwriting its times.
 */
final class InFlightTable {
    private static final long FREE = -1;

    private final int mask;
    private final long[] intended;
    private final long[] sent;
    private final int[] phase;
    private final AtomicLongArray owner;

    /** @param capacity a power of two */
    InFlightTable(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        mask = capacity - 1;
        intended = new long[capacity];
        sent = new long[capacity];
        phase = new int[capacity];
        owner = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            owner.set(i, FREE);
        }
    }

    /** True when the slot for {@code sequence} is free to be claimed. */
    boolean isFree(long sequence) {
        return owner.get((int) (sequence & mask)) == FREE;
    }

    /**
     * Records the times of {@code sequence}; the slot must be free ({@link #isFree}). The fields are
     * published to the completion thread by the client's own hand-off of the send.
     */
    void claim(long sequence, long intendedEpochNanos, long sendEpochNanos, int sendPhase) {
        int i = (int) (sequence & mask);
        intended[i] = intendedEpochNanos;
        sent[i] = sendEpochNanos;
        phase[i] = sendPhase;
        // An ordered store suffices: only this thread reads the slot's state before the client hands the
        // send to the completion thread, and that hand-off publishes the fields above.
        owner.lazySet(i, sequence);
    }

    long intended(long sequence) {
        return intended[(int) (sequence & mask)];
    }

    long sent(long sequence) {
        return sent[(int) (sequence & mask)];
    }

    int phase(long sequence) {
        return phase[(int) (sequence & mask)];
    }

    /** Frees the slot of {@code sequence}; a stale or repeated release is ignored. */
    void release(long sequence) {
        owner.compareAndSet((int) (sequence & mask), sequence, FREE);
    }
}
