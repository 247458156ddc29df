package io.msgbench.agent;

import io.msgbench.load.PayloadStamp;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The records of an agent's event frame, fixed-size and big-endian (docs/agent-protocol.md):
 *
 * <pre>
 * completed (40 bytes): kind 1 (1), status 0 ok / 1 failed (1), phase (2, unsigned), producer id (4),
 *                       sequence (8), intended (8), send (8), ack (8) — times in epoch ns
 * received  (52 bytes): kind 2 (1), 0 (1), 0 (2), consumer index (4), partition (4), receive time (8),
 *                       the message's first 32 bytes (its stamp)
 * progress  (56 bytes): kind 3 (1), 0 (1), 0 (2), producer id (4), messages handed to the client so far (8),
 *                       the schedule segment they count under: its first sequence (8), start (8, epoch ns) and
 *                       rate (8, IEEE 754 double, msg/s); intended and send time of the last of them (8, 8)
 * </pre>
 *
 * Decoding allocates nothing: a received message's stamp is handed over as a window of the frame's buffer.
 */
public final class AgentEvents {
    static final byte COMPLETED = 1;
    static final byte RECEIVED = 2;
    static final byte PROGRESS = 3;
    static final int COMPLETED_SIZE = 40;
    static final int RECEIVED_SIZE = 20 + PayloadStamp.SIZE;
    static final int PROGRESS_SIZE = 56;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Where decoded events go; called on the reader's thread, in the agent's order. */
    public interface Sink {
        void completed(boolean failed, int phase, int producerId, long sequence, long intendedEpochNanos,
                       long sendEpochNanos, long ackEpochNanos);

        /** {@code frame[stampOffset .. stampOffset + 32)} is the message's stamp; valid during the call only. */
        void received(int consumer, int partition, long receiveEpochNanos, byte[] frame, int stampOffset);

        /**
         * A producer's sends so far and the schedule segment they count under (its message 0 got sequence
         * {@code segmentFirstSequence}), sent with every batch in which either changed.
         */
        void progress(int producerId, long issued, long segmentFirstSequence, long segmentStartEpochNanos,
                      double segmentRatePerSecond, long lastIntendedEpochNanos, long lastSendEpochNanos);
    }

    private AgentEvents() {
    }

    static void decode(byte[] frame, int length, Sink sink) throws IOException {
        int at = 0;
        while (at < length) {
            byte kind = frame[at];
            if (kind == COMPLETED && at + COMPLETED_SIZE <= length) {
                byte status = frame[at + 1];
                if (status != 0 && status != 1) {
                    throw new IOException("agent stream broken: status " + status + " at byte " + at);
                }
                sink.completed(status == 1, Short.toUnsignedInt((short) SHORT.get(frame, at + 2)),
                        (int) INT.get(frame, at + 4), (long) LONG.get(frame, at + 8), (long) LONG.get(frame, at + 16),
                        (long) LONG.get(frame, at + 24), (long) LONG.get(frame, at + 32));
                at += COMPLETED_SIZE;
            } else if (kind == RECEIVED && at + RECEIVED_SIZE <= length) {
                sink.received((int) INT.get(frame, at + 4), (int) INT.get(frame, at + 8),
                        (long) LONG.get(frame, at + 12), frame, at + 20);
                at += RECEIVED_SIZE;
            } else if (kind == PROGRESS && at + PROGRESS_SIZE <= length) {
                sink.progress((int) INT.get(frame, at + 4), (long) LONG.get(frame, at + 8),
                        (long) LONG.get(frame, at + 16), (long) LONG.get(frame, at + 24),
                        Double.longBitsToDouble((long) LONG.get(frame, at + 32)), (long) LONG.get(frame, at + 40),
                        (long) LONG.get(frame, at + 48));
                at += PROGRESS_SIZE;
            } else {
                throw new IOException("agent stream broken: a record of kind " + kind + " at byte " + at + " of "
                        + length);
            }
        }
    }
}
