package io.msgbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Several workers' statistics merged are the statistics of all their messages together, percentile for percentile. */
class PhaseSnapshotTest {
    @Test
    void mergedHistogramsAreTheHistogramOfTheUnion() {
        SplittableRandom random = new SplittableRandom(13);
        Histogram[] workers = {new Histogram(3), new Histogram(3), new Histogram(3)};
        Histogram union = new Histogram(3);
        for (int i = 0; i < 30_000; i++) {
            long nanos = 200_000 + (long) (random.nextDouble() * random.nextDouble() * 400_000_000L);
            workers[i % 3 == 0 ? 0 : random.nextInt(3)].recordValue(nanos);
            union.recordValue(nanos);
        }
        PhaseSnapshot merged = snapshot(workers[0], 100).plus(snapshot(workers[1], 200)).plus(snapshot(workers[2], 300));
        Histogram h = merged.histogram(LatencyMetric.END_TO_END_LATENCY);
        assertThat(h.getTotalCount()).isEqualTo(union.getTotalCount());
        for (double p : new double[] {0, 50, 90, 99, 99.9, 99.99, 100}) {
            assertThat(h.getValueAtPercentile(p)).as("p%s", p).isEqualTo(union.getValueAtPercentile(p));
        }
        assertThat(merged.messagesSent()).isEqualTo(600);
        // the parts are left as they were
        assertThat(workers[0].getTotalCount() + workers[1].getTotalCount() + workers[2].getTotalCount())
                .isEqualTo(union.getTotalCount());
    }

    private static PhaseSnapshot snapshot(Histogram e2e, long sent) {
        return new PhaseSnapshot(1, sent, 0, sent, sent, 0, 0, 0, 0, Map.of(LatencyMetric.END_TO_END_LATENCY, e2e));
    }
}
