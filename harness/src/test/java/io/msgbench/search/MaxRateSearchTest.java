package io.msgbench.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.search.MaxRateSearch.Stage;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxRateSearchTest {
    private static final TrialJudge.Verdict OK = new TrialJudge.Verdict(TrialJudge.Cause.SUSTAINED, "sustained");
    private static final TrialJudge.Verdict BEHIND = new TrialJudge.Verdict(TrialJudge.Cause.OVERLOAD, "behind");
    private static final TrialJudge.Verdict STALLED = new TrialJudge.Verdict(TrialJudge.Cause.STALL, "stall");

    /** Runs the search against a system that sustains exactly the rates {@code sustains} accepts. */
    private static MaxRateSearch run(double start, int maxTrials, DoublePredicate sustains) {
        MaxRateSearch search = new MaxRateSearch(start, maxTrials);
        while (!search.isDone()) {
            search.record(null, sustains.test(search.nextRate()) ? OK : BEHIND);
        }
        return search;
    }

    @ParameterizedTest
    @ValueSource(doubles = {37, 1_000, 9_999, 10_000, 15_000, 123_456, 2_000_000})
    void convergesWithinThePrecisionBelowAnyCapacityInBoundedTrials(double capacity) {
        MaxRateSearch search = run(10_000, 24, rate -> rate <= capacity);
        assertThat(search.failure()).isNull();
        double found = search.result().orElseThrow();
        assertThat(found).isLessThanOrEqualTo(capacity).isGreaterThanOrEqualTo(capacity / (1 + MaxRateSearch.PRECISION) - 1);
        // bracket: one trial per doubling or halving to the capacity and one past it; bisection from a factor of 2
        // to 5 %: 4 or 5 (6 at tens of msg/s, where whole rates are coarse); confirmation: 2
        int bracket = (int) Math.ceil(Math.abs(Math.log(capacity / 10_000) / Math.log(2))) + 1;
        assertThat(search.log().size()).isLessThanOrEqualTo(bracket + 8);
        // the answer was held twice in a row at the end
        var log = search.log();
        assertThat(log.get(log.size() - 1).stage()).isEqualTo(Stage.CONFIRM);
        assertThat(log.get(log.size() - 2).stage()).isEqualTo(Stage.CONFIRM);
        assertThat(log.get(log.size() - 1).rate()).isEqualTo(found);
        assertThat(log.get(log.size() - 2).rate()).isEqualTo(found);
    }

    @Test
    void bracketsByDoublingThenBisectsGeometrically() {
        MaxRateSearch search = run(10_000, 24, rate -> rate <= 30_000);
        assertThat(search.log().stream().map(MaxRateSearch.Step::rate).toList())
                .startsWith(10_000.0, 20_000.0, 40_000.0, Math.floor(Math.sqrt(20_000.0 * 40_000.0)));
        assertThat(search.log().get(3).stage()).isEqualTo(Stage.BISECT);
    }

    @Test
    void aCandidateThatFailsItsConfirmationIsLoweredAndConfirmedAgain() {
        // sustained once at 20,000 (a lucky trial), never again: the confirmations must catch it
        int[] trialsAt20k = {0};
        MaxRateSearch search = run(10_000, 24, rate -> {
            if (rate == 20_000) {
                return trialsAt20k[0]++ == 0;
            }
            return rate <= 18_000;
        });
        double found = search.result().orElseThrow();
        assertThat(found).isLessThanOrEqualTo(18_000).isGreaterThan(16_000);
        assertThat(search.log().stream().filter(s -> s.stage() == Stage.CONFIRM && !s.verdict().sustained())).isNotEmpty();
    }

    @Test
    void nothingSustainedEndsWithAReasonNotAHang() {
        MaxRateSearch search = run(10_000, 24, rate -> false);
        assertThat(search.result()).isEmpty();
        assertThat(search.failure()).startsWith("no rate sustained down to");
        assertThat(search.log().get(search.log().size() - 1).rate()).isLessThan(2 * MaxRateSearch.MIN_RATE);
    }

    @Test
    void aFlakySystemRunsOutOfTrialsAndSaysSo() {
        int[] n = {0};
        MaxRateSearch search = run(10_000, 10, rate -> n[0]++ % 2 == 0);
        assertThat(search.log()).hasSize(10);
        assertThat(search.result()).isEmpty();
        assertThat(search.failure()).startsWith("no confirmed rate within 10 trials");
    }

    @Test
    void unlimitedSystemStopsGrowingAtTheCeiling() {
        MaxRateSearch search = run(10_000, 24, rate -> true);
        assertThat(search.result().orElseThrow()).isEqualTo(MaxRateSearch.MAX_RATE);
    }

    @Test
    void aTransientStallIsRetriedAndDoesNotCapTheSearch() {
        // capacity 150,000; the first trial at 20,000 meets a stall (a segment deletion), the retry holds
        int[] trialsAt20k = {0};
        MaxRateSearch search = new MaxRateSearch(10_000, 30);
        while (!search.isDone()) {
            double rate = search.nextRate();
            boolean stalled = rate == 20_000 && trialsAt20k[0]++ == 0;
            search.record(null, stalled ? STALLED : rate <= 150_000 ? OK : BEHIND);
        }
        assertThat(search.result().orElseThrow()).isBetween(150_000 / (1 + MaxRateSearch.PRECISION) - 1, 150_000.0);
        assertThat(search.log().get(1).stage()).isEqualTo(Stage.BRACKET);
        assertThat(search.log().get(2).stage()).isEqualTo(Stage.RETRY);
        assertThat(search.log().get(2).rate()).isEqualTo(20_000);
        assertThat(search.log().get(3).rate()).isEqualTo(40_000); // the bracket goes on doubling
    }

    @Test
    void aFailureConfirmedByItsRetryBoundsTheSearch() {
        MaxRateSearch search = new MaxRateSearch(10_000, 30);
        while (!search.isDone()) {
            double rate = search.nextRate();
            search.record(null, rate <= 30_000 ? OK : STALLED);
        }
        assertThat(search.result().orElseThrow()).isBetween(30_000 / (1 + MaxRateSearch.PRECISION) - 1, 30_000.0);
        assertThat(search.log().stream().filter(s -> s.stage() == Stage.RETRY).map(MaxRateSearch.Step::rate))
                .allMatch(rate -> rate > 30_000).isNotEmpty();
    }
}
