package io.msgbench.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceBitSetTest {
    @Test
    void addReportsDuplicatesAndContainsWhatWasAdded() {
        SequenceBitSet s = new SequenceBitSet();
        assertThat(s.add(0)).isTrue();
        assertThat(s.add(63)).isTrue();
        assertThat(s.add(64)).isTrue();
        assertThat(s.add(5_000_000)).isTrue(); // a page far beyond the first, directory grown
        assertThat(s.add(63)).isFalse();
        assertThat(s.contains(63)).isTrue();
        assertThat(s.contains(62)).isFalse();
        assertThat(s.contains(5_000_000)).isTrue();
        assertThat(s.contains(-1)).isFalse();
        assertThat(s.count(0, 10_000_000)).isEqualTo(4);
        assertThat(s.count(1, 64)).isEqualTo(1);
        assertThat(s.count(64, 65)).isEqualTo(1);
        assertThat(s.count(65, 5_000_000)).isZero();
        assertThatThrownBy(() -> s.add(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Union and overlap counts over random ranges agree with java.util.BitSet. */
    @Test
    void unionAndOverlapsMatchAReferenceOverRandomRanges() {
        Random random = new Random(42);
        int n = 200_000;
        SequenceBitSet a = new SequenceBitSet();
        SequenceBitSet b = new SequenceBitSet();
        SequenceBitSet c = new SequenceBitSet();
        BitSet ra = new BitSet();
        BitSet rb = new BitSet();
        BitSet rc = new BitSet();
        for (int i = 0; i < n; i++) {
            if (random.nextInt(3) == 0) {
                a.add(i);
                ra.set(i);
            }
            if (random.nextInt(5) == 0) {
                b.add(i);
                rb.set(i);
            }
            if (random.nextInt(50) == 0) {
                c.add(i);
                rc.set(i);
            }
        }
        for (int k = 0; k < 200; k++) {
            int from = random.nextInt(n + 100);
            int to = from + random.nextInt(n + 100 - from + 1);
            BitSet union = new BitSet();
            union.or(ra.get(from, to));
            union.or(rb.get(from, to));
            union.or(rc.get(from, to));
            long sum = ra.get(from, to).cardinality() + rb.get(from, to).cardinality() + rc.get(from, to).cardinality();
            assertThat(SequenceBitSet.countUnion(List.of(a, b, c), from, to)).as("union [%d,%d)", from, to)
                    .isEqualTo(union.cardinality());
            assertThat(SequenceBitSet.countOverlaps(List.of(a, b, c), from, to)).as("overlaps [%d,%d)", from, to)
                    .isEqualTo(sum - union.cardinality());
            assertThat(a.count(from, to)).isEqualTo(ra.get(from, to).cardinality());
        }
        assertThat(SequenceBitSet.countUnion(List.of(), 0, n)).isZero();
        assertThat(SequenceBitSet.countUnion(List.of(a), 10, 10)).isZero();
    }

    /** What a worker sends its coordinator: the same marks back, sparse pages and all, and a clear refusal of junk. */
    @Test
    void encodesAndDecodesExactly() {
        SequenceBitSet s = new SequenceBitSet();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        java.util.Set<Long> marked = new java.util.HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            long seq = random.nextLong(3_000_000);
            s.add(seq);
            marked.add(seq);
        }
        s.add(10_000_000_000L); // a page far away, the ones between never allocated
        marked.add(10_000_000_000L);
        SequenceBitSet back = SequenceBitSet.decode(s.encode());
        assertThat(back.count(0, 3_000_000) + back.count(10_000_000_000L, 10_000_000_001L)).isEqualTo(marked.size());
        for (long seq : marked) {
            assertThat(back.contains(seq)).isTrue();
        }
        assertThat(back.contains(1)).isEqualTo(marked.contains(1L));
        assertThat(SequenceBitSet.decode(new SequenceBitSet().encode()).count(0, 1_000)).isZero();
        assertThatThrownBy(() -> SequenceBitSet.decode("not base64 at all!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an encoded sequence set");
    }

    /** Receipts rebuilt from another worker's sets verify as the originals do. */
    @Test
    void receiptsRebuiltFromSetsVerifyAsTheOriginals() {
        ConsumerReceipts original = new ConsumerReceipts();
        for (long seq = 0; seq < 1_000; seq++) {
            if (seq != 500) {
                original.record(7, seq, 0);
            }
        }
        java.util.Map<Integer, SequenceBitSet> sets = new java.util.TreeMap<>();
        original.byProducer().forEach((id, set) -> sets.put(id, SequenceBitSet.decode(set.encode())));
        ConsumerReceipts rebuilt = ConsumerReceipts.of(sets);
        ProducerSends sends = new ProducerSends(7, "t", new long[] {0, 1_000}, new long[0]);
        assertThat(DeliveryCheck.check(sends, java.util.List.of(rebuilt), 1))
                .isEqualTo(DeliveryCheck.check(sends, java.util.List.of(original), 1))
                .isEqualTo(new DeliveryCheck.Verdict(1, 0));
    }
}
