package io.msgbench.verification;

import java.util.ArrayList;
import java.util.List;

/**
 * Loss and duplication of one producer's messages in one subscription, phase by phase, from what the
 * producer sent and what each consumer of the subscription received. A message is lost when it was
 * acknowledged and no consumer of the subscription received it; it is duplicated once for every
 * consumer beyond the first that received it (duplicates within one consumer are counted as they
 * arrive, by {@link ConsumerReceipts}).
 */
public final class DeliveryCheck {
    private DeliveryCheck() {
    }

    /** Lost and cross-consumer duplicated messages of one phase. */
    public record Verdict(long lost, long duplicated) {
    }

    public static Verdict check(ProducerSends sends, List<ConsumerReceipts> subscription, int phase) {
        List<SequenceBitSet> seen = new ArrayList<>();
        for (ConsumerReceipts c : subscription) {
            c.firstDeliveries(); // volatile read: the bits counted below are visible
            SequenceBitSet s = c.sequencesOf(sends.producerId());
            if (s != null) {
                seen.add(s);
            }
        }
        long from = sends.phaseStart(phase);
        long to = sends.phaseEnd(phase);
        long received = SequenceBitSet.countUnion(seen, from, to);
        long failedNotReceived = 0;
        for (long f : sends.failedIn(from, to)) {
            if (seen.stream().noneMatch(s -> s.contains(f))) {
                failedNotReceived++;
            }
        }
        return new Verdict(to - from - received - failedNotReceived, SequenceBitSet.countOverlaps(seen, from, to));
    }
}
