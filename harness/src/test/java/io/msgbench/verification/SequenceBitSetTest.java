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
}
