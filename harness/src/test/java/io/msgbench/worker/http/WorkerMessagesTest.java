package io.msgbench.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.metrics.GcActivity;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseRecorder;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.worker.PhaseStats;
import io.msgbench.worker.http.WorkerMessages.PhaseStatsMessage;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class WorkerMessagesTest {
    @Test
    void histogramsCrossTheWireExactly() {
        Histogram h = new Histogram(3);
        for (long v = 1; v < 5_000_000_000L; v = v * 3 + 7) {
            h.recordValue(v);
        }
        h.recordValueWithCount(42_000, 1_000_000);
        assertThat(HistogramCodec.decode(HistogramCodec.encode(h))).isEqualTo(h);
        assertThatThrownBy(() -> HistogramCodec.decode("bm90IGEgaGlzdG9ncmFt")).hasMessageContaining("not an encoded HdrHistogram");
    }

    @Test
    void phaseStatsRoundTripThroughJson() throws Exception {
        PhaseRecorder r = new PhaseRecorder(3);
        r.recordLatency(LatencyMetric.END_TO_END_LATENCY, 0, 1_500_000);
        r.recordLatency(LatencyMetric.PUBLISH_LATENCY, 0, 700_000);
        r.recordLatency(LatencyMetric.PUBLISH_LATENCY, 10, 5);
        r.messageSent();
        r.messageReceived();
        r.messageDuplicated();
        r.messageOutOfOrder();
        r.deliveryChecked(5, 6);
        PhaseStats stats = new PhaseStats(3, 100, 200, 7, 11, r.snapshot(), 150,
                new ProcessCpu(5, 6, 4, new GcActivity(1 << 20, 2, 3_000_000)));

        String json = WorkerServer.JSON.writeValueAsString(PhaseStatsMessage.of(stats));
        PhaseStats back = WorkerServer.JSON.readValue(json, PhaseStatsMessage.class).toStats();

        assertThat(back.phase()).isEqualTo(3);
        assertThat(back.startEpochNanos()).isEqualTo(100);
        assertThat(back.endEpochNanos()).isEqualTo(200);
        assertThat(back.scheduleDebt()).isEqualTo(7);
        assertThat(back.backlog()).isEqualTo(11);
        assertThat(back.takenEpochNanos()).isEqualTo(150);
        assertThat(back.cpu()).isEqualTo(new ProcessCpu(5, 6, 4, new GcActivity(1 << 20, 2, 3_000_000)));
        assertThat(back.snapshot().messagesLost()).isEqualTo(5);
        assertThat(back.snapshot().messagesDuplicated()).isEqualTo(7);
        assertThat(back.snapshot().messagesOutOfOrder()).isEqualTo(1);
        assertThat(back).isEqualTo(stats); // every field, histograms by content
        assertThat(back.snapshot().messagesSent()).isEqualTo(1);
        assertThat(back.snapshot().negativeLatencies()).isEqualTo(1);
        for (LatencyMetric m : LatencyMetric.values()) {
            assertThat(back.snapshot().histogram(m)).as(m.resultName()).isEqualTo(stats.snapshot().histogram(m));
        }
    }
}
