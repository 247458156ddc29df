package io.msgbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.msgbench.driver.DriverRegistry;
import io.msgbench.metrics.GcActivity;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.omb.OmbDriver;
import io.msgbench.omb.OmbPlanner;
import io.msgbench.omb.OmbWorkload;
import io.msgbench.report.jmh.JmhMetric;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.Scenario;
import io.msgbench.testing.ConfigOnlyDriverFactory;
import io.msgbench.driver.MessagingDriver.EffectiveClientConfig;
import io.msgbench.worker.RunEnvironment;
import io.msgbench.worker.Worker.DrainResult;
import io.msgbench.worker.Worker.WorkerInfo;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The {@code gc} profiler's figures as JMH names them: known allocation and collections give known secondaries. */
class GcSecondariesTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void allocationAndCollectionsBecomeJmhsGcSecondaries() {
        // two 2-s iterations of 1,000 messages: 10 MiB and 30 MiB allocated, 1 and 2 collections of 4 and 6 ms
        Map<String, JmhMetric> s = secondaries(new GcActivity(10L << 20, 1, 4_000_000),
                new GcActivity(30L << 20, 2, 6_000_000));
        assertThat(s.get("gc.alloc.rate").score()).isCloseTo(10.0, within(1e-9)); // (5 + 15) / 2 MB/sec
        assertThat(s.get("gc.alloc.rate").scoreUnit()).isEqualTo("MB/sec");
        assertThat(s.get("gc.alloc.rate.norm").score()).isCloseTo(20 * 1048.576, within(1e-6)); // B per message
        assertThat(s.get("gc.alloc.rate.norm").scoreUnit()).isEqualTo("B/op");
        assertThat(s.get("gc.count").score()).isEqualTo(3.0);
        assertThat(s.get("gc.count").scoreUnit()).isEqualTo("counts");
        assertThat(s.get("gc.time").score()).isCloseTo(10.0, within(1e-9));
        assertThat(s.get("gc.time").scoreUnit()).isEqualTo("ms");
    }

    @Test
    void withoutTheProfilerThereAreNone() {
        assertThat(secondaries(null, null)).doesNotContainKeys("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count",
                "gc.time");
    }

    @Test
    void workersAddUpAndAReadingSinceStartOnlyGrows() {
        ProcessCpu a = new ProcessCpu(1, 0, 0, new GcActivity(100, 1, 10));
        ProcessCpu b = new ProcessCpu(2, 0, 0, new GcActivity(50, 0, 0));
        assertThat(a.plus(b).workerGc()).isEqualTo(new GcActivity(150, 1, 10));
        assertThat(a.plus(ProcessCpu.NONE).workerGc()).isEqualTo(a.workerGc());
        assertThat(a.withoutGc().workerGc()).isNull();
        GcActivity before = GcActivity.sinceStart();
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[16 * 1024];
        }
        GcActivity used = GcActivity.sinceStart().since(before);
        assertThat(used.allocatedBytes()).as("this thread allocated 1 MiB").isGreaterThanOrEqualTo(1L << 20);
        assertThat(used.collections()).isNotNegative();
        assertThat(garbage[63]).hasSize(16 * 1024);
    }

    private static Map<String, JmhMetric> secondaries(GcActivity first, GcActivity second) {
        DriverRegistry kafka = DriverRegistry.of(new ConfigOnlyDriverFactory("kafka", "test 1.0", Set.of(), Set.of(),
                Set.of("io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver")));
        OmbWorkload w = OmbWorkload.read(REPO.resolve("workloads/1-topic-16-partitions-1kb.yaml"), x -> { });
        OmbDriver d = OmbDriver.read(REPO.resolve("drivers/kafka/kafka-throughput.yaml"), kafka, x -> { });
        Scenario scenario = OmbPlanner.plan(List.of(w), List.of(d), IterationOverrides.NONE).get(0);
        WorkerInfo worker = new WorkerInfo("kafka", "test 1.0", new EffectiveClientConfig(Map.of(), Map.of(), Map.of()),
                0, RunEnvironment.current());
        ForkResult fork = new ForkResult(worker, List.of(), List.of(iteration(1, first), iteration(2, second)),
                new DrainResult(true, 0, 2_000, 2_000, 0, 0, 0, 0, 0, 0), 0, null, null, List.of());
        ScenarioResult r = new ScenarioResult(scenario, 1, new BrokerDescription("external", "4.4.0", "127.0.0.1:9092",
                Map.of()), List.of(fork), List.of());
        return JmhResultMapper.toJmh(List.of(r), TimeUnit.MILLISECONDS).get(0).secondaryMetrics();
    }

    private static IterationResult iteration(int index, GcActivity gc) {
        Map<LatencyMetric, Histogram> latencies = new EnumMap<>(LatencyMetric.class);
        for (LatencyMetric m : LatencyMetric.values()) {
            Histogram h = new Histogram(3);
            h.recordValue(1_000_000);
            latencies.put(m, h);
        }
        return new IterationResult(index, false, 0, 2_000_000_000L, 1_000, 0, 1_000, 1_000, 0, 0, 0, 0, 0, 0, 0, 1024,
                latencies, List.of(), new ProcessCpu(1_000_000, 0, 0, gc));
    }
}
