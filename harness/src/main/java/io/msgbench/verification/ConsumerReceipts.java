package io.msgbench.verification;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one consumer received, per producer: the set of sequence numbers (duplicates are the ones seen
 * before) and, per partition, the highest sequence so far (a first delivery below it is out of order).
 * Written by the consumer's single poll thread without locks; allocation only when a producer, a page
 * of 65,536 sequences or a partition is seen for the first time.
 *
 * <p>Readers on other threads (the drain) read {@link #firstDeliveries()} first: every bit set before
 * the value they read is visible to them.
 */
public final class ConsumerReceipts {
    /** A message delivered for the first time, in order. */
    public static final int FIRST = 0;
    /** A message this consumer had already received. */
    public static final int DUPLICATE = 1;
    /** A first delivery with a lower sequence than one already received from its producer and partition. */
    public static final int OUT_OF_ORDER = 2;

    private volatile ProducerReceipts[] producers = new ProducerReceipts[0];
    private ProducerReceipts last;
    /**
     * The writer's index of {@link #producers} by producer id: open addressing with linear probing, at most
     * half full, so producers interleaving on a partition (several per topic) cost a probe or two, not a scan.
     */
    private ProducerReceipts[] index = new ProducerReceipts[16];
    private volatile long firstDeliveries;

    /** Records one delivery; returns {@link #FIRST}, {@link #DUPLICATE} or {@link #OUT_OF_ORDER}. */
    public int record(int producerId, long sequence, int partition) {
        ProducerReceipts p = last;
        if (p == null || p.producerId != producerId) {
            p = receiptsForWrite(producerId);
            last = p;
        }
        if (!p.sequences.add(sequence)) {
            return DUPLICATE;
        }
        boolean inOrder = p.advance(partition, sequence);
        firstDeliveries = firstDeliveries + 1; // single writer: a volatile write publishes the bit above
        return inOrder ? FIRST : OUT_OF_ORDER;
    }

    /** Messages received at least once (of any producer). */
    public long firstDeliveries() {
        return firstDeliveries;
    }

    /** The sequences received from {@code producerId}, or null if none. */
    public SequenceBitSet sequencesOf(int producerId) {
        for (ProducerReceipts p : producers) {
            if (p.producerId == producerId) {
                return p.sequences;
            }
        }
        return null;
    }

    /** The sequences received from each producer (by producer id); read once the consumer has stopped. */
    public Map<Integer, SequenceBitSet> byProducer() {
        firstDeliveries(); // volatile read: every bit set before it is visible
        Map<Integer, SequenceBitSet> all = new TreeMap<>();
        for (ProducerReceipts p : producers) {
            all.put(p.producerId, p.sequences);
        }
        return all;
    }

    /** The receipts of a consumer elsewhere (another worker's), for verification: sequences per producer. */
    public static ConsumerReceipts of(Map<Integer, SequenceBitSet> byProducer) {
        ConsumerReceipts r = new ConsumerReceipts();
        byProducer.forEach((id, sequences) -> r.register(new ProducerReceipts(id, sequences)));
        r.firstDeliveries = r.firstDeliveries + 1; // publishes what was added to readers on other threads
        return r;
    }

    private ProducerReceipts receiptsForWrite(int producerId) {
        int mask = index.length - 1;
        for (int i = mix(producerId) & mask; ; i = (i + 1) & mask) {
            ProducerReceipts p = index[i];
            if (p == null) {
                break;
            }
            if (p.producerId == producerId) {
                return p;
            }
        }
        return register(new ProducerReceipts(producerId, new SequenceBitSet()));
    }

    private ProducerReceipts register(ProducerReceipts added) {
        ProducerReceipts[] all = producers;
        ProducerReceipts[] grown = Arrays.copyOf(all, all.length + 1);
        grown[all.length] = added;
        if (2 * grown.length > index.length) {
            index = new ProducerReceipts[2 * index.length];
            for (ProducerReceipts p : all) {
                insert(p);
            }
        }
        insert(added);
        producers = grown;
        return added;
    }

    private void insert(ProducerReceipts p) {
        int mask = index.length - 1;
        int i = mix(p.producerId) & mask;
        while (index[i] != null) {
            i = (i + 1) & mask;
        }
        index[i] = p;
    }

    /** Spreads consecutive ids (as producers get them) over the table. */
    private static int mix(int id) {
        return id * 0x9E3779B9;
    }

    private static final class ProducerReceipts {
        final int producerId;
        final SequenceBitSet sequences;
        /** Highest sequence per partition + 1 (index 0 is "no partition"); −1 where none yet. */
        long[] highest = new long[0];

        ProducerReceipts(int producerId, SequenceBitSet sequences) {
            this.producerId = producerId;
            this.sequences = sequences;
        }

        /** Notes a first delivery; false when a higher sequence came earlier on the same partition. */
        boolean advance(int partition, long sequence) {
            int slot = partition + 1;
            if (slot < 0) {
                slot = 0;
            }
            if (slot >= highest.length) {
                int from = highest.length;
                highest = Arrays.copyOf(highest, Math.max(slot + 1, from * 2));
                Arrays.fill(highest, from, highest.length, -1);
            }
            if (sequence < highest[slot]) {
                return false;
            }
            highest[slot] = sequence;
            return true;
        }
    }
}
