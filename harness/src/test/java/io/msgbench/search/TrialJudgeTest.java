package io.msgbench.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.metrics.LatencyMetric;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TrialJudgeTest {
    private static final long MS = 1_000_000;
    private final TrialJudge plain = new TrialJudge(null);

    @Test
    void keptScheduleAndFlatBacklogAreSustained() {
        assertThat(plain.judge(new Trial(10_000, 5, 50_000, 3, 40, 90, 0, null)).sustained()).isTrue();
    }

    @Test
    void debtBeyondTheGraceIsAGeneratorBehind() {
        // grace: 1 + 10,000 × 0.05 = 501
        assertThat(plain.judge(new Trial(10_000, 5, 50_000, 501, 0, 0, 0, null)).sustained()).isTrue();
        TrialJudge.Verdict v = plain.judge(new Trial(10_000, 5, 50_000, 502, 0, 0, 0, null));
        assertThat(v.sustained()).isFalse();
        assertThat(v.reason()).isEqualTo("stall: generator behind, 502 messages due and unsent at the end (allowed 501)");
        assertThat(v.unmistakable()).isFalse();
        // a tenth of the trial's 50,000 scheduled messages still owed at its end: overload, no retry needed
        assertThat(plain.judge(new Trial(10_000, 5, 45_000, 5_000, 0, 0, 0, null)).cause())
                .isEqualTo(TrialJudge.Cause.STALL);
        TrialJudge.Verdict overload = plain.judge(new Trial(10_000, 5, 40_000, 5_001, 0, 0, 0, null));
        assertThat(overload.cause()).isEqualTo(TrialJudge.Cause.OVERLOAD);
        assertThat(overload.unmistakable()).isTrue();
        assertThat(overload.reason()).isEqualTo("overload: generator behind by 5,001 messages at the end, more than a "
                + "tenth of the trial's schedule");
    }

    @Test
    void aStallMidTrialShowsInThePublishDelayEvenWhenTheDebtWasPaid() {
        assertThat(plain.judge(new Trial(10_000, 5, 50_000, 0, 0, 0, 50 * MS, null)).sustained()).isTrue();
        assertThat(plain.judge(new Trial(10_000, 5, 50_000, 0, 0, 0, 50 * MS + 1, null)).reason())
                .isEqualTo("stall: generator behind and caught up, publish delay p99.9 50.0 ms (allowed 50 ms)");
    }

    @Test
    void aGrowingBacklogIsConsumersBehind() {
        // allowed: 1 + 10,000 × (0.05 + 0.01 × 5) = 1,001
        assertThat(plain.judge(new Trial(10_000, 5, 50_000, 0, 100, 1_101, 0, null)).sustained()).isTrue();
        assertThat(plain.judge(new Trial(10_000, 5, 50_000, 0, 100, 1_102, 0, null)).reason())
                .isEqualTo("consumers behind: backlog grew by 1,002 (allowed 1,001)");
        assertThat(plain.judge(new Trial(10_000, 5, 50_000, 0, 90_000, 10, 0, null)).sustained()).isTrue(); // shrinking
    }

    @Test
    void theObjectiveDecidesOnTheNamedPercentileAndDistrustsUnreceivedMessages() {
        TrialJudge judge = new TrialJudge(RateObjective.parse("p99<50ms"));
        Histogram h = new Histogram(3);
        h.recordValueWithCount(10 * MS, 990);
        h.recordValueWithCount(60 * MS, 10);
        assertThat(judge.judge(new Trial(200, 5, 1_000, 0, 0, 0, 0, h)).sustained()).isTrue();
        h.recordValueWithCount(60 * MS, 10);
        assertThat(judge.judge(new Trial(200, 5, 1_000, 0, 0, 0, 0, h)).reason()).startsWith("objective p99<50ms missed: 60.0");
        Histogram fast = new Histogram(3);
        fast.recordValueWithCount(MS, 980);
        assertThat(judge.judge(new Trial(200, 5, 1_000, 0, 0, 20, 0, fast)).reason())
                .isEqualTo("objective p99<50ms not shown: 20 of 1,000 messages not received at the end");
    }

    @Test
    void objectivesParseWithMetricPercentileAndUnit() {
        assertThat(RateObjective.parse("p99<50ms")).isEqualTo(new RateObjective(null, 99, 50 * MS));
        assertThat(RateObjective.parse(" publishLatency.p99.9 < 200 us "))
                .isEqualTo(new RateObjective(LatencyMetric.PUBLISH_LATENCY, 99.9, 200_000));
        assertThat(RateObjective.parse("p50<1.5s").limitNanos()).isEqualTo(1_500 * MS);
        assertThat(RateObjective.parse("p100<2ms").percentile()).isEqualTo(100);
        assertThat(RateObjective.parse("p99<50ms").metricOr(LatencyMetric.END_TO_END_LATENCY_CORRECTED))
                .isEqualTo(LatencyMetric.END_TO_END_LATENCY_CORRECTED);
        assertThat(RateObjective.parse("p99.9<0.5ms")).hasToString("p99.9<0.5ms");
        assertThatThrownBy(() -> RateObjective.parse("p99>50ms")).hasMessageStartingWith("objective 'p99>50ms' is not of the form");
        assertThatThrownBy(() -> RateObjective.parse("fooLatency.p99<5ms")).hasMessageContaining("unknown latency 'fooLatency'");
        assertThatThrownBy(() -> RateObjective.parse("p0<5ms")).hasMessageContaining("percentile");
        assertThatThrownBy(() -> RateObjective.parse("p99<0ms")).hasMessageContaining("limit");
    }
}
