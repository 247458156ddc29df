package io.msgbench.load;

import java.util.SplittableRandom;

/**
 * The payload buffers of one producer: one buffer of random bytes, or OMB's randomized pool of distinct
 * buffers whose first {@code messageSize × randomBytesRatio} bytes are random and the rest zeros (which
 * sets how well they compress), one picked at random per message. The stamp overwrites the first 32 bytes
 * of the buffer before each send; drivers copy on send, so buffers are reused. Used by one sender thread.
 */
public final class PayloadPool {
    private final byte[][] buffers;
    private final SplittableRandom pick;

    private PayloadPool(byte[][] buffers, long seed) {
        this.buffers = buffers;
        this.pick = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** One buffer of {@code messageSize} random bytes. */
    public static PayloadPool single(int messageSize, long seed) {
        byte[] buffer = new byte[messageSize];
        new SplittableRandom(seed).nextBytes(buffer);
        return new PayloadPool(new byte[][] {buffer}, seed);
    }

    /** OMB's randomized payloads: {@code size} buffers, each random for its first {@code ratio} share. */
    public static PayloadPool randomized(int messageSize, double randomBytesRatio, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("a payload pool needs at least one payload, was " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int randomBytes = (int) Math.floor(messageSize * randomBytesRatio);
        byte[][] buffers = new byte[size][];
        for (int i = 0; i < size; i++) {
            buffers[i] = new byte[messageSize];
            byte[] head = new byte[randomBytes];
            random.nextBytes(head);
            System.arraycopy(head, 0, buffers[i], 0, randomBytes);
        }
        return new PayloadPool(buffers, seed);
    }

    /** A pool of exactly this buffer (a payload file's content, or a test's). */
    public static PayloadPool of(byte[] buffer) {
        return new PayloadPool(new byte[][] {buffer}, 0);
    }

    /** The buffer for the next message. */
    public byte[] next() {
        return buffers.length == 1 ? buffers[0] : buffers[pick.nextInt(buffers.length)];
    }

    /** Buffer {@code i} of the pool (for an agent that picks them itself); not to be modified. */
    public byte[] buffer(int i) {
        return buffers[i];
    }

    public int messageSize() {
        return buffers[0].length;
    }

    public int size() {
        return buffers.length;
    }
}
