package io.msgbench.load;

import java.util.Map;

/**
 * What to add to a received message's send and intended times, by the producer that sent it, so that its
 * end-to-end latency is measured on one clock: the receiving worker's offset minus the sending worker's, as the
 * coordinator estimated them (0 for producers on the same host, and for any producer not named). Set from any
 * thread, now and then; read per message by the poll threads without locking or allocating.
 */
public final class ClockCorrections {
    /** Producer ids and their corrections in an open-addressing table, replaced whole. */
    private record Table(int[] ids, long[] nanos, int mask) {
        static final Table EMPTY = new Table(new int[0], new long[0], 0);
    }

    private volatile Table table = Table.EMPTY;

    /** Nanoseconds to add to the send and intended times of a message of {@code producerId}. */
    public long of(int producerId) {
        Table t = table;
        if (t.ids.length == 0) {
            return 0;
        }
        for (int i = mix(producerId) & t.mask; ; i = (i + 1) & t.mask) {
            long n = t.nanos[i];
            if (t.ids[i] == producerId && n != Long.MIN_VALUE) {
                return n;
            }
            if (n == Long.MIN_VALUE) {
                return 0; // an empty slot: not named
            }
        }
    }

    /** Replaces every correction. */
    public void set(Map<Integer, Long> nanosByProducer) {
        int size = Integer.highestOneBit(Math.max(1, nanosByProducer.size()) * 2) * 2;
        int[] ids = new int[size];
        long[] nanos = new long[size];
        java.util.Arrays.fill(nanos, Long.MIN_VALUE);
        nanosByProducer.forEach((id, n) -> {
            int i = mix(id) & (size - 1);
            while (nanos[i] != Long.MIN_VALUE) {
                i = (i + 1) & (size - 1);
            }
            ids[i] = id;
            nanos[i] = n;
        });
        table = nanosByProducer.isEmpty() ? Table.EMPTY : new Table(ids, nanos, size - 1);
    }

    private static int mix(int id) {
        return id * 0x9E3779B9;
    }
}
