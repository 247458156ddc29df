package io.msgbench.verification;

import java.util.Arrays;

/**
 * What one producer sent, for verification: its sequences are 0, 1, 2, ... in sending order, phase by
 * phase (phases only move forward), so each phase owns one contiguous range.
 *
 * @param phaseEnds one past the last sequence sent in each phase (index = phase), 0 where it sent
 *                  nothing
 * @param failed    sequences whose send failed (not acknowledged): never expected, sorted
 */
public record ProducerSends(int producerId, String topic, long[] phaseEnds, long[] failed) {
    public ProducerSends {
        phaseEnds = phaseEnds.clone();
        failed = failed.clone();
        Arrays.sort(failed);
    }

    /** First sequence of {@code phase}. */
    public long phaseStart(int phase) {
        long start = 0;
        for (int p = 0; p < phase; p++) {
            start = Math.max(start, phaseEnds[p]);
        }
        return start;
    }

    /** One past the last sequence of {@code phase}; equal to its start when it sent nothing. */
    public long phaseEnd(int phase) {
        return Math.max(phaseStart(phase), phaseEnds[phase]);
    }

    /** Failed sequences in {@code [from, to)}. */
    long[] failedIn(long from, long to) {
        int a = lowerBound(failed, from);
        int b = lowerBound(failed, to);
        return Arrays.copyOfRange(failed, a, b);
    }

    private static int lowerBound(long[] sorted, long value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }
}
