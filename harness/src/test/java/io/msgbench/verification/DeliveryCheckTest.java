package io.msgbench.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryCheckTest {
    /** Producer 7 sent 0..9 in phase 1 and 10..19 in phase 2; 13 failed. */
    private static final ProducerSends SENDS = new ProducerSends(7, "t", new long[] {0, 10, 20}, new long[] {13});

    @Test
    void phasesOwnContiguousRangesAndAnEmptyPhaseOwnsNone() {
        ProducerSends gap = new ProducerSends(1, "t", new long[] {0, 5, 0, 9}, new long[0]);
        assertThat(gap.phaseStart(1)).isZero();
        assertThat(gap.phaseEnd(1)).isEqualTo(5);
        assertThat(gap.phaseStart(2)).isEqualTo(5);
        assertThat(gap.phaseEnd(2)).isEqualTo(5);
        assertThat(gap.phaseStart(3)).isEqualTo(5);
        assertThat(gap.phaseEnd(3)).isEqualTo(9);
    }

    @Test
    void everythingReceivedOnceIsNeitherLostNorDuplicated() {
        ConsumerReceipts one = receipts(7, 0, 20, 13);
        assertThat(DeliveryCheck.check(SENDS, List.of(one), 1)).isEqualTo(new DeliveryCheck.Verdict(0, 0));
        assertThat(DeliveryCheck.check(SENDS, List.of(one), 2)).isEqualTo(new DeliveryCheck.Verdict(0, 0));
    }

    @Test
    void gapsAreLostInTheirPhaseAndAFailedSendIsNotExpected() {
        ConsumerReceipts c = new ConsumerReceipts();
        for (long s : new long[] {0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19}) {
            c.record(7, s, 0);
        }
        assertThat(DeliveryCheck.check(SENDS, List.of(c), 1).lost()).isEqualTo(1); // 3
        assertThat(DeliveryCheck.check(SENDS, List.of(c), 2).lost()).isEqualTo(1); // 17 (13 failed)
    }

    @Test
    void aFailedSendTheBrokerStoredAnywayIsNotLostNorCountedTwice() {
        ConsumerReceipts c = receipts(7, 0, 20, -1);
        assertThat(DeliveryCheck.check(SENDS, List.of(c), 2)).isEqualTo(new DeliveryCheck.Verdict(0, 0));
    }

    @Test
    void aMessageDeliveredToTwoConsumersOfOneSubscriptionIsOneDuplicate() {
        ConsumerReceipts a = receipts(7, 0, 12, 99);
        ConsumerReceipts b = receipts(7, 8, 20, 13); // 8..11 again, after a rebalance
        assertThat(DeliveryCheck.check(SENDS, List.of(a, b), 1)).isEqualTo(new DeliveryCheck.Verdict(0, 2));
        assertThat(DeliveryCheck.check(SENDS, List.of(a, b), 2)).isEqualTo(new DeliveryCheck.Verdict(0, 2));
    }

    @Test
    void aConsumerThatSawNothingOfTheProducerLosesEverything() {
        ConsumerReceipts other = receipts(8, 0, 20, -1);
        assertThat(DeliveryCheck.check(SENDS, List.of(other), 1).lost()).isEqualTo(10);
        assertThat(DeliveryCheck.check(SENDS, List.of(other), 2).lost()).isEqualTo(9);
    }

    @Test
    void consumerReceiptsTellDuplicatesAndOrderPerPartition() {
        ConsumerReceipts c = new ConsumerReceipts();
        assertThat(c.record(1, 5, 0)).isEqualTo(ConsumerReceipts.FIRST);
        assertThat(c.record(1, 3, 1)).isEqualTo(ConsumerReceipts.FIRST); // another partition: own order
        assertThat(c.record(1, 4, 0)).isEqualTo(ConsumerReceipts.OUT_OF_ORDER);
        assertThat(c.record(1, 5, 0)).isEqualTo(ConsumerReceipts.DUPLICATE);
        assertThat(c.record(2, 0, 0)).isEqualTo(ConsumerReceipts.FIRST); // another producer: own order
        assertThat(c.record(1, 9, -1)).isEqualTo(ConsumerReceipts.FIRST); // no partition
        assertThat(c.record(1, 8, -1)).isEqualTo(ConsumerReceipts.OUT_OF_ORDER);
        assertThat(c.record(1, 100, 40)).isEqualTo(ConsumerReceipts.FIRST); // partitions grow as seen
        assertThat(c.firstDeliveries()).isEqualTo(7);
        assertThat(c.sequencesOf(1).count(0, 200)).isEqualTo(6);
        assertThat(c.sequencesOf(3)).isNull();
    }

    private static ConsumerReceipts receipts(int producer, long from, long to, long skip) {
        ConsumerReceipts c = new ConsumerReceipts();
        for (long s = from; s < to; s++) {
            if (s != skip) {
                c.record(producer, s, 0);
            }
        }
        return c;
    }
}
