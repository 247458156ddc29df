package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.metrics.ManualClock;
import io.msgbench.scenario.BenchmarkDefinition;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.ScenarioPlanner;
import io.msgbench.testing.ConfigOnlyDriverFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunProgressTest {
    private static final long S = 1_000_000_000L;

    @Workload(partitionsPerTopic = 4, messageSize = 100)
    @ProducerRate(500)
    @Param(name = "client", values = "test")
    @Param(name = "acks", values = {"1", "all"})
    @Warmup(iterations = 2, time = 10)
    @Measurement(iterations = 3, time = 5)
    @Fork(2)
    public static class Sample {
    }

    private static List<Scenario> plan() {
        ScenarioPlanner planner = new ScenarioPlanner(DriverRegistry.of(
                new ConfigOnlyDriverFactory("test", "test 1", Set.of("acks"), Set.of())));
        return planner.plan(List.of(BenchmarkDefinition.of(Sample.class)), Map.of(), IterationOverrides.NONE);
    }

    @Test
    void remainingTimeIsThePlannedIterationsPlusTheOverheadForksTook() {
        ManualClock clock = new ManualClock(0);
        RunProgress p = new RunProgress(plan(), clock);
        // 2 scenarios × 2 forks × (2 × 10 s + 3 × 5 s + 10 s assumed for set-up and drain)
        assertThat(p.status()).isEqualTo("starting; about 3 min 0 s left");

        p.scenario(0);
        p.fork(1);
        p.phase("warmup 1 of 2");
        clock.advance(20 * S);
        assertThat(p.status()).isEqualTo(
                "scenario 1 of 2 (RunProgressTest$Sample (client=test, acks=1)), fork 1 of 2, warmup 1 of 2; about 2 min 40 s left");

        clock.advance(30 * S); // the fork took 50 s: 15 s beyond its 35 s of iterations
        p.forkDone();
        p.fork(2);
        assertThat(p.status()).isEqualTo(
                "scenario 1 of 2 (RunProgressTest$Sample (client=test, acks=1)), fork 2 of 2, setting up; about 2 min 30 s left");

        clock.advance(100 * S); // later than planned: never negative
        p.phase("draining");
        assertThat(p.remainingNanos()).isEqualTo(2 * 50 * S);
    }

    @Test
    void theTerminalStatusLineIsClearedBeforeAnyOtherOutput() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        TerminalStatusLine status = new TerminalStatusLine(terminal, () -> "scenario 1 of 1; about 5 s left");
        PrintStream out = new PrintStream(status, true, StandardCharsets.UTF_8);
        status.refresh();
        out.println("Iteration 1: ...");
        status.refresh();
        out.close();
        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\r\033[K# scenario 1 of 1; about 5 s left\r\033[KIteration 1: ...\n"
                        + "\r\033[K# scenario 1 of 1; about 5 s left\r\033[K");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(RunProgress.duration(45 * S)).isEqualTo("45 s");
        assertThat(RunProgress.duration(200 * S)).isEqualTo("3 min 20 s");
        assertThat(RunProgress.duration(3_900 * S)).isEqualTo("1 h 5 min");
    }
}
