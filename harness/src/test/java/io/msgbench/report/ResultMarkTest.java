package io.msgbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.msgbench.report.SaturationTest.iteration;

import io.msgbench.driver.DriverRegistry;
import io.msgbench.omb.OmbDriver;
import io.msgbench.omb.OmbPlanner;
import io.msgbench.omb.OmbWorkload;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.Scenario;
import io.msgbench.testing.ConfigOnlyDriverFactory;
import io.msgbench.worker.Worker.DrainResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What marks a result, by kind, read from its figures: the policy of the run's exit code 4 ({@code --fail-on}). */
class ResultMarkTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final DrainResult CLEAN = new DrainResult(true, 0, 100, 100, 0, 0, 0, 0, 0, 0);

    @Test
    void aCleanResultHasNoMark() {
        assertThat(ResultMark.of(result(50_000, List.of(), CLEAN, iteration(500_000, 0)))).isEmpty();
    }

    @Test
    void lostAndLateMessagesAreLossEachNamedForWhatItIs() {
        DrainResult lost = new DrainResult(false, 0, 100, 97, 3, 0, 0, 0, 0, 0, false);
        DrainResult late = new DrainResult(false, 0, 100, 98, 2, 0, 0, 0, 0, 0, true);
        assertThat(ResultMark.of(result(50_000, List.of("w"), lost, iteration(500_000, 0))))
                .containsEntry(ResultMark.LOSS, "3 lost").containsKey(ResultMark.WARNINGS)
                .doesNotContainKeys(ResultMark.ERRORS, ResultMark.SCHEDULE);
        assertThat(ResultMark.of(result(50_000, List.of("w"), late, iteration(500_000, 0))))
                .containsEntry(ResultMark.LOSS, "2 not received within the drain bound");
    }

    @Test
    void failedAndUnacknowledgedSendsAreErrors() {
        DrainResult unacknowledged = new DrainResult(false, 4, 100, 100, 0, 0, 0, 0, 0, 0);
        assertThat(ResultMark.of(result(50_000, List.of(), unacknowledged, iteration(499_000, 1_000))))
                .containsOnlyKeys(ResultMark.ERRORS)
                .containsEntry(ResultMark.ERRORS, "1000 publish errors, 4 sends never acknowledged");
    }

    @Test
    void aFixedRateNotHeldIsMarkedUnlessItAskedForAsFastAsItGoes() {
        assertThat(ResultMark.of(result(50_000, List.of(), CLEAN, iteration(200_000, 0))))
                .containsEntry(ResultMark.SCHEDULE, "schedule not held (40.0 % of 50000 msg/s sent)");
        // OMB's unthrottled producerRate: a throughput measurement, as asked
        assertThat(ResultMark.of(result(10_000_000, List.of(), CLEAN, iteration(200_000, 0)))).isEmpty();
        // ... unless failing sends, not capacity, held it back
        assertThat(ResultMark.of(result(10_000_000, List.of(), CLEAN, iteration(200_000, 100_000))))
                .containsKeys(ResultMark.SCHEDULE, ResultMark.ERRORS);
        DrainResult debt = new DrainResult(true, 0, 100, 100, 0, 0, 0, 0, 0, 70);
        assertThat(ResultMark.of(result(50_000, List.of(), debt, iteration(500_000, 0))))
                .containsEntry(ResultMark.SCHEDULE, "70 messages due never sent");
    }

    @Test
    void kindsAreNamedAsTheOptionTakesThem() {
        assertThat(ResultMark.of("Loss")).isEqualTo(ResultMark.LOSS);
        assertThat(ResultMark.names()).isEqualTo("loss, errors, schedule, warnings");
        assertThatThrownBy(() -> ResultMark.of("nothing")).hasMessage("--fail-on nothing: choose loss, errors, "
                + "schedule, warnings, all or none");
    }

    /** A 10-s measurement iteration of the simple OMB workload at {@code rate} msg/s. */
    private static ScenarioResult result(double rate, List<String> warnings, DrainResult drain,
                                         IterationResult iteration) {
        DriverRegistry kafka = DriverRegistry.of(new ConfigOnlyDriverFactory("kafka", "test 1.0", Set.of(), Set.of(),
                Set.of("io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver")));
        OmbWorkload w = OmbWorkload.read(REPO.resolve("workloads/1-topic-16-partitions-1kb.yaml"), x -> { });
        OmbDriver d = OmbDriver.read(REPO.resolve("drivers/kafka/kafka-throughput.yaml"), kafka, x -> { });
        Scenario scenario = OmbPlanner.plan(List.of(w), List.of(d), IterationOverrides.NONE,
                Map.of("producerRate", List.of(Long.toString((long) rate)))).get(0);
        ForkResult fork = new ForkResult(null, List.of(), List.of(iteration), drain, 0, null, null, List.of());
        return new ScenarioResult(scenario, 1, null, List.of(fork), warnings);
    }
}
