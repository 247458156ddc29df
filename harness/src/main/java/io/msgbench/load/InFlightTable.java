package io.msgbench.load;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

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
    /** A slot is four longs side by side (owner, intended, sent, phase): one cache line holds two slots. */
    private static final int STRIDE = 4;
    private static final int OWNER = 0;
    private static final int INTENDED = 1;
    private static final int SENT = 2;
    private static final int PHASE = 3;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    private final int mask;
    /**
     * The slots, packed so that a send and its acknowledgement touch one cache line of the table, not one in
     * each of four arrays: with a hundred producers on a sender thread every send is another producer's.
     */
    private final long[] slots;

    /** @param capacity a power of two */
    InFlightTable(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, was " + capacity);
        }
        mask = capacity - 1;
        slots = new long[capacity * STRIDE];
        for (int i = 0; i < capacity; i++) {
            slots[i * STRIDE + OWNER] = FREE;
        }
    }

    private int base(long sequence) {
        return (int) (sequence & mask) * STRIDE;
    }

    /** True when the slot for {@code sequence} is free to be claimed. */
    boolean isFree(long sequence) {
        return (long) SLOTS.getVolatile(slots, base(sequence) + OWNER) == FREE;
    }

    /**
     * Records the times of {@code sequence}; the slot must be free ({@link #isFree}). The fields are
     * published to the completion thread by the client's own hand-off of the send.
     */
    void claim(long sequence, long intendedEpochNanos, long sendEpochNanos, int sendPhase) {
        int b = base(sequence);
        slots[b + INTENDED] = intendedEpochNanos;
        slots[b + SENT] = sendEpochNanos;
        slots[b + PHASE] = sendPhase;
        // An ordered store suffices: only this thread reads the slot's state before the client hands the
        // send to the completion thread, and that hand-off publishes the fields above.
        SLOTS.setRelease(slots, b + OWNER, sequence);
    }

    long intended(long sequence) {
        return slots[base(sequence) + INTENDED];
    }

    long sent(long sequence) {
        return slots[base(sequence) + SENT];
    }

    int phase(long sequence) {
        return (int) slots[base(sequence) + PHASE];
    }

    /** Frees the slot of {@code sequence}; a stale or repeated release is ignored. */
    void release(long sequence) {
        SLOTS.compareAndSet(slots, base(sequence) + OWNER, sequence, FREE);
    }
}
