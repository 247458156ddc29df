package io.msgbench.report.omb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseRecorder;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.omb.OmbDriver;
import io.msgbench.omb.OmbPlanner;
import io.msgbench.omb.OmbWorkload;
import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.report.PeriodResult;
import io.msgbench.report.ScenarioResult;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.Scenario;
import io.msgbench.testing.ConfigOnlyDriverFactory;
import io.msgbench.worker.Worker.DrainResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OMB result files written from a known result and read back as OMB's own class reads them. */
class OmbResultFilesTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final long MS = 1_000_000;
    private static final long S = 1_000_000_000;
    /** 2026-11-25T12:00:00Z */
    private static final long T0 = 1_795_608_000L * S;

    /** The fields of OMB's result file as ../shared/reference/omb.md lists them. */
    static final List<String> REFERENCE_FIELDS = referenceFields();

    private static List<String> referenceFields() {
        List<String> f = new ArrayList<>(List.of("workload", "driver", "messageSize", "topics", "partitions",
                "producersPerTopic", "consumersPerTopic", "publishRate", "publishErrorRate", "consumeRate", "backlog",
                "aggregatedPublishLatencyQuantiles", "aggregatedPublishDelayLatencyQuantiles",
                "aggregatedEndToEndLatencyQuantiles"));
        for (String latency : List.of("publishLatency", "publishDelayLatency", "endToEndLatency")) {
            for (String figure : List.of("Avg", "50pct", "75pct", "95pct", "99pct", "999pct", "9999pct", "Max")) {
                f.add(latency + figure);
                f.add("aggregated" + Character.toUpperCase(latency.charAt(0)) + latency.substring(1) + figure);
            }
        }
        return List.copyOf(f);
    }

    @TempDir
    Path dir;

    @Test
    void writesEveryReferenceFieldInOmbsUnitsAndReadsBackAsOmbsClass() throws Exception {
        ScenarioResult result = result();
        List<Path> files = OmbResultFiles.write(dir, List.of(result), ZoneOffset.UTC);

        // named as OMB names them; the time is the end of the measurement
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("1-topic-16-partitions-1kb-Kafka-2026-11-25-12-00-40.json");
        JsonNode tree = new ObjectMapper().readTree(files.get(0).toFile());
        for (String field : REFERENCE_FIELDS) {
            assertThat(tree.has(field)).as(field).isTrue();
        }
        // OMB's own class reads it (Jackson fails on a field the class does not have)
        OmbTestResult omb = new ObjectMapper().readValue(files.get(0).toFile(), OmbTestResult.class);

        assertThat(omb.workload).isEqualTo("1 topic / 16 partitions / 1Kb");
        assertThat(omb.driver).isEqualTo("Kafka");
        assertThat(omb.messageSize).isEqualTo(1024);
        assertThat(omb.topics).isEqualTo(1);
        assertThat(omb.partitions).isEqualTo(16);
        assertThat(omb.producersPerTopic).isEqualTo(1);
        assertThat(omb.consumersPerTopic).isEqualTo(1);

        // series: one value per period, iteration 1's two periods then iteration 2's
        assertThat(omb.publishRate).containsExactly(100.0, 10.0, 200.0, 0.0);
        assertThat(omb.consumeRate).containsExactly(90.0, 20.0, 200.0, 0.0);
        assertThat(omb.publishErrorRate).containsExactly(0.0, 0.1, 0.0, 0.0);
        assertThat(omb.backlog).containsExactly(10L, 0L, 0L, 0L);
        assertThat(omb.publishLatency50pct.get(0)).isCloseTo(1.0, within(0.001)); // ms
        assertThat(omb.publishLatency50pct.get(1)).isCloseTo(3.0, within(0.003)); // only what period 2 recorded
        assertThat(omb.publishLatencyMax.get(1)).isCloseTo(3.0, within(0.003));
        assertThat(omb.publishLatency50pct.get(2)).isCloseTo(2.0, within(0.002));
        assertThat(omb.publishLatencyAvg.get(3)).isZero(); // an empty period: zeros, as HdrHistogram reports
        // µs; HdrHistogram reports a bucket's highest equivalent value: 2 ms is 2,000,895 ns at 3 digits
        assertThat(omb.publishDelayLatency99pct).containsExactly(250L, 2001L, 250L, 0L);
        assertThat(omb.endToEndLatency50pct.get(0)).isCloseTo(5.0, within(0.005));

        // aggregates: the merged measurement histograms, the ones the JMH JSON's percentiles come from
        Histogram publish = result.merged(LatencyMetric.PUBLISH_LATENCY);
        assertThat(omb.aggregatedPublishLatency99pct).isEqualTo(publish.getValueAtPercentile(99) / 1e6);
        assertThat(omb.aggregatedPublishLatency50pct).isCloseTo(2.0, within(0.002));
        assertThat(omb.aggregatedPublishLatencyMax).isEqualTo(publish.getMaxValue() / 1e6);
        assertThat(omb.aggregatedPublishLatencyAvg).isEqualTo(publish.getMean() / 1e6);
        assertThat(omb.aggregatedPublishDelayLatency50pct).isEqualTo(250L);
        assertThat(omb.aggregatedPublishDelayLatencyMax).isEqualTo(2001L);
        assertThat(omb.aggregatedEndToEndLatency99pct)
                .isEqualTo(result.merged(LatencyMetric.END_TO_END_LATENCY).getValueAtPercentile(99) / 1e6);

        // quantile maps as OMB fills them: the share of values at or below each value → the value (3 values here)
        assertThat(omb.aggregatedPublishLatencyQuantiles).hasSize(3)
                .containsEntry(1_000.0 / 3_100 * 100, publish.getValueAtPercentile(1) / 1e6)
                .containsEntry(100.0, publish.getMaxValue() / 1e6);
        assertThat(omb.aggregatedPublishDelayLatencyQuantiles).containsEntry(100.0, 2001L);
        Iterator<Double> values = omb.aggregatedEndToEndLatencyQuantiles.values().iterator();
        double previous = 0;
        while (values.hasNext()) {
            double v = values.next();
            assertThat(v).isGreaterThanOrEqualTo(previous);
            previous = v;
        }
    }

    @Test
    void aNameTakenInTheRunGetsANumberAndKeepsItWhenRewritten() throws Exception {
        ScenarioResult r = result();
        List<String> first = OmbResultFiles.names(List.of(r), ZoneOffset.UTC);
        List<String> both = OmbResultFiles.names(List.of(r, r), ZoneOffset.UTC);
        assertThat(both).containsExactly(first.get(0), first.get(0).replace(".json", "-2.json"));
        OmbResultFiles.write(dir, List.of(r, r), ZoneOffset.UTC);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(both);
        }
    }

    /**
     * One fork, two 20-s iterations of two 10-s periods each, recorded through a {@link PhaseRecorder} as a worker
     * records: iteration 1's first period publish latencies 1 ms (×1,000), its second 3 ms (×100) and one error;
     * iteration 2's first period 2 ms (×2,000), its second nothing.
     */
    private static ScenarioResult result() {
        DriverRegistry kafka = DriverRegistry.of(new ConfigOnlyDriverFactory("kafka", "test 1.0", Set.of(), Set.of(),
                Set.of("io.openmessaging.benchmark.driver.kafka.KafkaBenchmarkDriver")));
        OmbWorkload w = OmbWorkload.read(REPO.resolve("workloads/1-topic-16-partitions-1kb.yaml"), x -> { });
        OmbDriver d = OmbDriver.read(REPO.resolve("drivers/kafka/kafka-throughput.yaml"), kafka, x -> { });
        Scenario scenario = OmbPlanner.plan(List.of(w), List.of(d), IterationOverrides.NONE).get(0);

        IterationResult first = iteration(1, T0,
                new Period(1_000, 0, 900, 1 * MS, 250_000, 5 * MS, 10),
                new Period(100, 1, 200, 3 * MS, 2 * MS, 6 * MS, 0));
        IterationResult second = iteration(2, T0 + 20 * S,
                new Period(2_000, 0, 2_000, 2 * MS, 250_000, 5 * MS, 0),
                new Period(0, 0, 0, 0, 0, 0, 0));
        ForkResult fork = new ForkResult(null, List.of(), List.of(first, second),
                new DrainResult(true, 0, 3_100, 3_100, 0, 0, 0, 0, 0, 0), 0, null, null, List.of());
        return new ScenarioResult(scenario, 1, null, List.of(fork), List.of());
    }

    /** What a period records: sends, errors, receptions, one value of each latency for every send. */
    private record Period(int sent, int errors, int received, long publish, long delay, long endToEnd, long backlog) {
    }

    private static IterationResult iteration(int index, long start, Period... periods) {
        PhaseRecorder recorder = new PhaseRecorder(index);
        List<PeriodResult> results = new ArrayList<>();
        PhaseSnapshot before = null;
        long periodStart = start;
        for (Period p : periods) {
            for (int i = 0; i < p.sent; i++) {
                recorder.messageSent();
                recorder.recordLatency(LatencyMetric.PUBLISH_LATENCY, 0, p.publish);
                recorder.recordLatency(LatencyMetric.PUBLISH_DELAY_LATENCY, 0, p.delay);
                recorder.recordLatency(LatencyMetric.END_TO_END_LATENCY, 0, p.endToEnd);
            }
            for (int i = 0; i < p.errors; i++) {
                recorder.publishError();
            }
            for (int i = 0; i < p.received; i++) {
                recorder.receivedDuringWindow();
            }
            PhaseSnapshot after = recorder.snapshot();
            results.add(PeriodResult.between(periodStart, before, periodStart + 10 * S, after, p.backlog, 1024));
            before = after;
            periodStart += 10 * S;
        }
        Map<LatencyMetric, Histogram> latencies = before.histograms();
        return new IterationResult(index, false, start, periodStart - start, before.messagesSent(),
                before.publishErrors(), before.messagesSent(), before.receivedInWindow(), 0, 0, 0, 0, 0, 0, 0, 1024,
                latencies, results, ProcessCpu.NONE);
    }

    /** OMB's {@code io.openmessaging.benchmark.TestResult}: its public fields, with their types. */
    @SuppressWarnings("unused")
    public static class OmbTestResult {
        public String workload;
        public String driver;
        public long messageSize;
        public int topics;
        public int partitions;
        public int producersPerTopic;
        public int consumersPerTopic;
        public List<Double> publishRate;
        public List<Double> publishErrorRate;
        public List<Double> consumeRate;
        public List<Long> backlog;
        public List<Double> publishLatencyAvg;
        public List<Double> publishLatency50pct;
        public List<Double> publishLatency75pct;
        public List<Double> publishLatency95pct;
        public List<Double> publishLatency99pct;
        public List<Double> publishLatency999pct;
        public List<Double> publishLatency9999pct;
        public List<Double> publishLatency99999pct;
        public List<Double> publishLatencyMax;
        public List<Double> publishDelayLatencyAvg;
        public List<Long> publishDelayLatency50pct;
        public List<Long> publishDelayLatency75pct;
        public List<Long> publishDelayLatency95pct;
        public List<Long> publishDelayLatency99pct;
        public List<Long> publishDelayLatency999pct;
        public List<Long> publishDelayLatency9999pct;
        public List<Long> publishDelayLatency99999pct;
        public List<Long> publishDelayLatencyMax;
        public double aggregatedPublishLatencyAvg;
        public double aggregatedPublishLatency50pct;
        public double aggregatedPublishLatency75pct;
        public double aggregatedPublishLatency95pct;
        public double aggregatedPublishLatency99pct;
        public double aggregatedPublishLatency999pct;
        public double aggregatedPublishLatency9999pct;
        public double aggregatedPublishLatency99999pct;
        public double aggregatedPublishLatencyMax;
        public double aggregatedPublishDelayLatencyAvg;
        public long aggregatedPublishDelayLatency50pct;
        public long aggregatedPublishDelayLatency75pct;
        public long aggregatedPublishDelayLatency95pct;
        public long aggregatedPublishDelayLatency99pct;
        public long aggregatedPublishDelayLatency999pct;
        public long aggregatedPublishDelayLatency9999pct;
        public long aggregatedPublishDelayLatency99999pct;
        public long aggregatedPublishDelayLatencyMax;
        public Map<Double, Double> aggregatedPublishLatencyQuantiles = new java.util.TreeMap<>();
        public Map<Double, Long> aggregatedPublishDelayLatencyQuantiles = new java.util.TreeMap<>();
        public List<Double> endToEndLatencyAvg;
        public List<Double> endToEndLatency50pct;
        public List<Double> endToEndLatency75pct;
        public List<Double> endToEndLatency95pct;
        public List<Double> endToEndLatency99pct;
        public List<Double> endToEndLatency999pct;
        public List<Double> endToEndLatency9999pct;
        public List<Double> endToEndLatency99999pct;
        public List<Double> endToEndLatencyMax;
        public Map<Double, Double> aggregatedEndToEndLatencyQuantiles = new java.util.TreeMap<>();
        public double aggregatedEndToEndLatencyAvg;
        public double aggregatedEndToEndLatency50pct;
        public double aggregatedEndToEndLatency75pct;
        public double aggregatedEndToEndLatency95pct;
        public double aggregatedEndToEndLatency99pct;
        public double aggregatedEndToEndLatency999pct;
        public double aggregatedEndToEndLatency9999pct;
        public double aggregatedEndToEndLatency99999pct;
        public double aggregatedEndToEndLatencyMax;
    }
}
