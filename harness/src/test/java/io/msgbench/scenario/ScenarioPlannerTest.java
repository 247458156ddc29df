package io.msgbench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.api.Fork;
import io.msgbench.api.Measurement;
import io.msgbench.api.Param;
import io.msgbench.api.ProducerRate;
import io.msgbench.api.Warmup;
import io.msgbench.api.Workload;
import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.testing.ConfigOnlyDriverFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import io.msgbench.search.RateObjective;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioPlannerTest {
    @Workload(partitionsPerTopic = 4, messageSize = 100)
    @ProducerRate(500)
    @Param(name = "client", values = "test")
    @Param(name = "acks", values = {"1", "all"})
    @Warmup(iterations = 2)
    @Measurement(time = 5)
    @Fork(2)
    public static class Sample {
    }

    public static class NoWorkload {
    }

    /** One driver, "test", whose clients know a few settings. */
    static final DriverFactory TEST_DRIVER = new ConfigOnlyDriverFactory("test", "test 1",
            Set.of("acks", "linger.ms", "client.id"), Set.of("fetch.min.bytes", "client.id"));

    private final ScenarioPlanner planner = new ScenarioPlanner(DriverRegistry.of(TEST_DRIVER));

    private List<Scenario> plan(Map<String, List<String>> overrides) {
        return planner.plan(List.of(BenchmarkDefinition.of(Sample.class)), overrides, IterationOverrides.NONE);
    }

    @Test
    void annotationsGiveWorkloadParamsAndIterationsOverDefaults() {
        List<Scenario> s = plan(Map.of());
        assertThat(s).hasSize(2);
        Scenario first = s.get(0);
        assertThat(first.driver()).isEqualTo("test");
        assertThat(first.producer()).containsExactly(Map.entry("acks", "1"));
        assertThat(first.consumer()).isEmpty();
        assertThat(first.workload().partitionsPerTopic()).isEqualTo(4);
        assertThat(first.workload().producerRate()).isEqualTo(500);
        assertThat(first.iterations()).isEqualTo(
                new IterationSettings(2, Duration.ofSeconds(10), 3, Duration.ofSeconds(5), 2, Duration.ofSeconds(30)));
        assertThat(first.label()).isEqualTo("ScenarioPlannerTest$Sample (client=test, acks=1)");
    }

    @Test
    void commandLineWinsOverAnnotations() {
        List<Scenario> s = planner.plan(List.of(BenchmarkDefinition.of(Sample.class)), Map.of(),
                new IterationOverrides(0, null, 1, Duration.ofMillis(500), null, Duration.ofSeconds(7)));
        assertThat(s.get(0).iterations()).isEqualTo(
                new IterationSettings(0, Duration.ofSeconds(10), 1, Duration.ofMillis(500), 2, Duration.ofSeconds(7)));
    }

    @Test
    void namesResolveToWorkloadSidesAndClients() {
        Map<String, List<String>> o = new LinkedHashMap<>();
        o.put("messageSize", List.of("2048"));
        o.put("client.id", List.of("x"));
        o.put("consumer.fetch.max.wait.ms", List.of("10"));
        o.put("topic.retention.ms", List.of("1000"));
        o.put("consumerPerSubscription", List.of("2"));
        o.put("keyDistributor", List.of("key_round_robin"));
        o.put("useRandomizedPayloads", List.of("true"));
        o.put("randomBytesRatio", List.of("0.5"));
        Scenario s = plan(o).get(0);
        assertThat(s.workload().keyDistributor()).isEqualTo(io.msgbench.api.KeyDistributor.KEY_ROUND_ROBIN);
        assertThat(s.workload().useRandomizedPayloads()).isTrue();
        assertThat(s.workload().randomBytesRatio()).isEqualTo(0.5);
        assertThat(s.workload().messageSize()).isEqualTo(2048);
        assertThat(s.workload().consumersPerSubscription()).isEqualTo(2);
        assertThat(s.producer()).containsEntry("client.id", "x");
        assertThat(s.consumer()).containsEntry("client.id", "x").containsEntry("fetch.max.wait.ms", "10");
        assertThat(s.topic()).containsExactly(Map.entry("retention.ms", "1000"));
    }

    @Test
    void unresolvableNamesAreErrors() {
        assertThatThrownBy(() -> plan(Map.of("nonsense", List.of("1"))))
                .hasMessageStartingWith("Unknown parameter 'nonsense'");
        assertThatThrownBy(() -> plan(Map.of("client", List.of("nosuch"))))
                .hasMessage("Unknown client 'nosuch'; known drivers: test");
        assertThatThrownBy(() -> plan(Map.of("bootstrap.servers", List.of("x:1"))))
                .hasMessageContaining("--bootstrap");
        assertThatThrownBy(() -> plan(Map.of("messageSize", List.of("16"))))
                .hasMessageContaining("smaller than the 32-byte stamp");
        assertThatThrownBy(() -> plan(Map.of("producerRate", List.of("-5"))))
                .hasMessageContaining("producerRate must be a positive");
        assertThatThrownBy(() -> plan(Map.of("consumerBacklogSizeGB", List.of("1"), "producerRate", List.of("0"))))
                .hasMessageContaining("the backlog test (consumerBacklogSizeGB > 0) needs a fixed producerRate");
        assertThatThrownBy(() -> plan(Map.of("backlogDrainRatio", List.of("1.5"))))
                .hasMessageContaining("backlogDrainRatio must be above 0 and at most 1, was 1.5");
        assertThatThrownBy(() -> plan(Map.of("randomBytesRatio", List.of("1.5"))))
                .hasMessageContaining("randomBytesRatio must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> plan(Map.of("keyDistributor", List.of("BY_COLOUR"))))
                .hasMessageContaining("'BY_COLOUR' is not a key distributor");
        assertThatThrownBy(() -> plan(Map.of("useRandomizedPayloads", List.of("yes"))))
                .hasMessageContaining("'yes' is not a boolean");
        assertThatThrownBy(() -> plan(Map.of("objective", List.of("p99<50ms"))))
                .hasMessageContaining("objective=p99<50ms applies to the maximum-rate search only");
        assertThatThrownBy(() -> plan(Map.of("producerRate", List.of("0"), "objective", List.of("p99>50ms"))))
                .hasMessageContaining("objective 'p99>50ms' is not of the form");
    }

    @Test
    void driverConfigStartsFromTheFileAndTheParametersWin() {
        DriverConfigFiles files = name -> switch (name) {
            case "latency" -> new DriverConfigFiles.DriverConfig("test", (short) 3, Map.of("bootstrap.servers", "x:1",
                    "security.protocol", "PLAINTEXT"), Map.of("acks", "all", "linger.ms", "1"),
                    Map.of("auto.offset.reset", "earliest"), Map.of("min.insync.replicas", "2"));
            default -> throw new IllegalArgumentException("driverConfig=" + name + ": no such file");
        };
        ScenarioPlanner withFiles = new ScenarioPlanner(DriverRegistry.of(TEST_DRIVER), files);
        List<Scenario> s = withFiles.plan(List.of(BenchmarkDefinition.of(Sample.class)),
                Map.of("driverConfig", List.of("latency"), "linger.ms", List.of("7")), IterationOverrides.NONE);
        Scenario first = s.get(0);
        assertThat(first.params()).containsEntry("driverConfig", "latency");
        assertThat(first.replicationFactor()).isEqualTo((short) 3);
        assertThat(first.producer()).containsEntry("linger.ms", "7"); // the parameter wins over the file
        assertThat(first.producer()).containsEntry("acks", s.get(0).params().get("acks")); // Sample's own acks wins too
        assertThat(first.topic()).containsEntry("min.insync.replicas", "2");
        assertThat(first.common()).containsEntry("security.protocol", "PLAINTEXT").doesNotContainKey("bootstrap.servers");
        assertThatThrownBy(() -> withFiles.plan(List.of(BenchmarkDefinition.of(Sample.class)),
                Map.of("driverConfig", List.of("nope")), IterationOverrides.NONE))
                .hasMessageContaining("driverConfig=nope: no such file");
        assertThatThrownBy(() -> plan(Map.of("driverConfig", List.of("latency"))))
                .hasMessageContaining("no driver files available here");
    }

    @Test
    void producerRateZeroSearchesWithTheObjectiveGiven() {
        Scenario s = plan(Map.of("producerRate", List.of("0"), "objective", List.of("publishLatency.p99<5ms"))).get(0);
        assertThat(s.workload().isMaxRate()).isTrue();
        assertThat(s.objective()).isEqualTo(RateObjective.parse("publishLatency.p99<5ms"));
        assertThat(s.params()).containsEntry("objective", "publishLatency.p99<5ms");
        assertThat(plan(Map.of("producerRate", List.of("0"))).get(0).objective()).isNull();
    }

    @Test
    void jmhOrderIsByNameThenAlphabeticalParameterNamesWithDeclaredValueOrder() {
        Map<String, List<String>> o = new LinkedHashMap<>();
        o.put("linger.ms", List.of("5", "0")); // values keep their declared order, not their natural one
        List<Scenario> s = plan(o);
        List<Scenario> sorted = s.stream().sorted(Scenario.JMH_ORDER).toList();
        assertThat(sorted).extracting(x -> x.params().get("acks") + "/" + x.params().get("linger.ms"))
                .containsExactly("1/5", "1/0", "all/5", "all/0");
        Map<String, List<String>> z = new LinkedHashMap<>();
        z.put("client.id", List.of("b", "a"));
        assertThat(plan(z).stream().sorted(Scenario.JMH_ORDER).toList())
                .extracting(x -> x.params().get("client.id") + "/" + x.params().get("acks"))
                .containsExactly("b/1", "a/1", "b/all", "a/all"); // names alphabetical: acks, client, client.id
    }

    @Test
    void classesThatAreNotBenchmarks() {
        assertThatThrownBy(() -> BenchmarkDefinition.of(NoWorkload.class)).hasMessageContaining("needs @Workload");
    }
}
