package io.msgbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhMetric;
import io.msgbench.report.jmh.JmhMetric.HistogramEntry;
import io.msgbench.report.jmh.JmhStatistics;
import io.msgbench.scenario.IterationSettings;
import io.msgbench.scenario.Scenario;
import io.msgbench.search.MaxRateSearch;
import io.msgbench.search.Trial;
import java.util.Locale;
import io.msgbench.worker.RunEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Maps a {@link ScenarioResult} onto JMH's result shape (DESIGN §5): the primary latency in mode
 * {@code sample} with its histogram, rates and latencies as averaged secondaries, counts with JMH's
 * sum semantics, and everything JMH has no field for under the extra key {@code msgbench}.
 *
 * <p>Latency percentiles are HdrHistogram's (the highest value equivalent to the bucket, 3 significant
 * digits), in {@code ms/op} unless {@code -tu} says otherwise; the sample histogram lists one {@code [value, count]} pair per
 * non-empty HdrHistogram bucket.
 */
public final class JmhResultMapper {
    private static final double NANOS_PER_MS = 1e6;
    private static final double[] PERCENTILE_RANKS = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** JMH's unit names ({@code -tu}). */
    private static final Map<TimeUnit, String> UNIT_NAMES = Map.of(TimeUnit.NANOSECONDS, "ns",
            TimeUnit.MICROSECONDS, "us", TimeUnit.MILLISECONDS, "ms", TimeUnit.SECONDS, "s");

    private final String latencyUnit;
    private final double nanosPerUnit;

    private JmhResultMapper(TimeUnit unit) {
        String name = UNIT_NAMES.get(unit);
        if (name == null) {
            throw new IllegalArgumentException("latency unit must be one of " + UNIT_NAMES.values() + ", was " + unit);
        }
        this.latencyUnit = name + "/op";
        this.nanosPerUnit = unit.toNanos(1);
    }

    /** The JMH objects of {@code results}, latencies in {@code unit} ({@code ms/op} by default, {@code -tu}). */
    public static List<JmhBenchmarkResult> toJmh(List<ScenarioResult> results, TimeUnit unit) {
        JmhResultMapper mapper = new JmhResultMapper(unit);
        return results.stream().map(mapper::map).toList();
    }

    /**
     * The profilers' figures ({@link ProfileFigures}: JMH's {@code -prof gc} names and units, {@code os.*},
     * {@code broker.*}), each over the measurement iterations: counts added up, the rest averaged; an iteration without
     * a figure counts as missing.
     */
    private static void profileSecondaries(ScenarioResult r, Map<String, JmhMetric> secondaries) {
        profileUnits(r).forEach((name, first) -> {
            double[][] values = perIteration(r, i -> {
                ProfileFigures.Figure f = ProfileFigures.of(i).get(name);
                return f == null ? Double.NaN : f.value();
            });
            secondaries.put(name, first.summed() ? JmhMetric.ofSum(values, first.unit())
                    : JmhMetric.ofIterations(values, first.unit()));
        });
    }

    /** Every profiler figure of the result's iterations, with its first iteration's figure (for unit and kind). */
    private static Map<String, ProfileFigures.Figure> profileUnits(ScenarioResult r) {
        Map<String, ProfileFigures.Figure> seen = new LinkedHashMap<>();
        for (ForkResult f : r.forks()) {
            f.warmup().forEach(i -> ProfileFigures.of(i).forEach(seen::putIfAbsent));
            f.measurement().forEach(i -> ProfileFigures.of(i).forEach(seen::putIfAbsent));
        }
        return seen;
    }

    /** CPU nanoseconds per acknowledged message, in microseconds (NaN when nothing was sent). */
    private static double perMessageMicros(long cpuNanos, IterationResult i) {
        return i.messagesSent() == 0 ? Double.NaN : cpuNanos / 1e3 / i.messagesSent();
    }

    private JmhBenchmarkResult map(ScenarioResult r) {
        Scenario s = r.scenario();
        IterationSettings it = s.iterations();
        LatencyMetric primary = r.primaryMetric();
        boolean consumes = s.workload().subscriptionsPerTopic() > 0;

        boolean searched = r.isMaxRate();
        Saturation saturation = r.saturation();
        boolean throughput = searched || saturation != null;
        JmhMetric publishRate = JmhMetric.ofIterations(perIteration(r, IterationResult::publishRate), "ops/s");
        // After a search, or at a rate the producers could not hold, the rate is the result (mode thrpt);
        // otherwise the primary latency (mode sample).
        JmhMetric primaryMetric = throughput ? publishRate
                : JmhMetric.ofHistogram(sampleHistogram(r, primary), latencyUnit)
                        .withScorePercentiles(hdrPercentiles(r.merged(primary)));

        Map<String, JmhMetric> secondaries = new TreeMap<>();
        if (searched) {
            double[][] found = r.forks().stream()
                    .map(f -> new double[] {f.search().maxSustainableRate()}).toArray(double[][]::new);
            secondaries.put("maxSustainableRate", JmhMetric.ofIterations(found, "ops/s"));
        } else if (!throughput) {
            secondaries.put(ScenarioResult.PUBLISH_RATE, publishRate);
        }
        if (r.forks().stream().allMatch(f -> f.backlog() != null && f.backlog().drained())) {
            double[][] drain = r.forks().stream()
                    .map(f -> new double[] {f.backlog().netDrainRate()}).toArray(double[][]::new);
            secondaries.put("backlogDrainRate", JmhMetric.ofIterations(drain, "ops/s"));
        }
        secondaries.put("publishThroughput",
                JmhMetric.ofIterations(perIteration(r, IterationResult::publishThroughputMB), "MB/s"));
        if (consumes) {
            secondaries.put("consumeRate", JmhMetric.ofIterations(perIteration(r, IterationResult::consumeRate), "ops/s"));
            secondaries.put("consumeThroughput",
                    JmhMetric.ofIterations(perIteration(r, IterationResult::consumeThroughputMB), "MB/s"));
        }
        for (LatencyMetric m : LatencyMetric.values()) {
            boolean endToEnd = m == LatencyMetric.END_TO_END_LATENCY || m == LatencyMetric.END_TO_END_LATENCY_CORRECTED;
            // At an unreachable rate the latencies from the intended time only measure the falling behind.
            boolean dominated = saturation != null && Saturation.SCHEDULE_DOMINATED.contains(m);
            if ((m == primary && !throughput) || (endToEnd && !consumes) || dominated) {
                continue;
            }
            double[][] means = perIteration(r, i -> i.latency(m).getTotalCount() == 0 ? Double.NaN
                    : i.latency(m).getMean() / nanosPerUnit);
            secondaries.put(m.resultName(), JmhMetric.ofIterations(means, latencyUnit)
                    .withScorePercentiles(hdrPercentiles(r.merged(m))));
        }
        // The load generator's CPU per message: the worker JVM's, and the client processes' (agents) where they run.
        secondaries.put("workerCpuPerMessage", JmhMetric.ofIterations(
                perIteration(r, i -> perMessageMicros(i.cpu().workerNanos(), i)), "us/op"));
        if (r.forks().stream().flatMap(f -> f.measurement().stream()).anyMatch(i -> i.cpu().clientProcessesNanos() > 0)) {
            secondaries.put("agentCpuPerMessage", JmhMetric.ofIterations(
                    perIteration(r, i -> perMessageMicros(i.cpu().clientProcessesNanos(), i)), "us/op"));
            secondaries.put("busiestAgentCpu", JmhMetric.ofIterations(
                    perIteration(r, i -> 100.0 * i.cpu().busiestClientProcessNanos() / i.durationNanos()), "%"));
        }
        profileSecondaries(r, secondaries);
        secondaries.put("messagesUnsent", JmhMetric.ofSum(perFork(r, f -> f.drain().unsent()), "#"));
        secondaries.put("messagesSent", JmhMetric.ofSum(perIteration(r, i -> i.messagesSent()), "#"));
        secondaries.put("publishErrors", JmhMetric.ofSum(perIteration(r, i -> i.publishErrors()), "#"));
        secondaries.put("negativeLatencies", JmhMetric.ofSum(perIteration(r, i -> i.negativeLatencies()), "#"));
        if (consumes) {
            secondaries.put("messagesReceived", JmhMetric.ofSum(perIteration(r, i -> i.messagesReceived()), "#"));
            secondaries.put("messagesLost", JmhMetric.ofSum(perIteration(r, i -> i.messagesLost()), "#"));
            secondaries.put("messagesDuplicated", JmhMetric.ofSum(perIteration(r, i -> i.messagesDuplicated()), "#"));
            secondaries.put("messagesOutOfOrder", JmhMetric.ofSum(perIteration(r, i -> i.messagesOutOfOrder()), "#"));
        }
        if (!throughput) {
            // JMH's sample-mode percentile companions, from HdrHistogram like every other percentile here.
            Histogram all = r.merged(primary);
            JmhMetric.SAMPLE_PERCENTILES.forEach((name, rank) -> secondaries.put(name,
                    JmhMetric.ofPercentile(all.getValueAtPercentile(rank) / nanosPerUnit,
                            perIteration(r, i -> i.latency(primary).getValueAtPercentile(rank) / nanosPerUnit),
                            latencyUnit)));
        }

        RunEnvironment env = r.environment();
        return JmhBenchmarkResult.builder()
                .benchmark(r.benchmarkName())
                .mode(throughput ? "thrpt" : "sample")
                .threads(r.threads())
                .forks(s.iterations().forks()) // as JMH: 0 when run in the host JVM, with one rawData row
                .jvm(env.jvm())
                .jvmArgs(env.jvmArgs())
                .jdkVersion(env.jdkVersion())
                .vmName(env.vmName())
                .vmVersion(env.vmVersion())
                .warmup(it.warmupIterations(), JmhBenchmarkResult.timeValue(it.warmupTime()))
                .warmupBatchSize(1)
                .measurement(it.measurementIterations(), JmhBenchmarkResult.timeValue(it.measurementTime()))
                .measurementBatchSize(1)
                .params(new TreeMap<>(s.params()))
                .primaryMetric(primaryMetric)
                .secondaryMetrics(secondaries)
                .extra(extra(r))
                .build();
    }

    /** rawDataHistogram: [fork][iteration][[ms, count]] over HdrHistogram's non-empty buckets. */
    private List<List<List<HistogramEntry>>> sampleHistogram(ScenarioResult r, LatencyMetric m) {
        List<List<List<HistogramEntry>>> forks = new ArrayList<>();
        for (ForkResult f : r.forks()) {
            List<List<HistogramEntry>> iterations = new ArrayList<>();
            for (IterationResult i : f.measurement()) {
                List<HistogramEntry> entries = new ArrayList<>();
                for (HistogramIterationValue v : i.latency(m).recordedValues()) {
                    entries.add(new HistogramEntry(v.getValueIteratedTo() / nanosPerUnit, v.getCountAtValueIteratedTo()));
                }
                iterations.add(entries);
            }
            forks.add(iterations);
        }
        return forks;
    }

    /** A per-fork count as JMH rows: the fork's figure in its last measurement iteration, 0 in the others. */
    private static double[][] perFork(ScenarioResult r, ToDoubleFunction<ForkResult> value) {
        double[][] out = new double[r.forks().size()][];
        for (int f = 0; f < out.length; f++) {
            ForkResult fork = r.forks().get(f);
            out[f] = new double[Math.max(1, fork.measurement().size())];
            out[f][out[f].length - 1] = value.applyAsDouble(fork);
        }
        return out;
    }

    private static double[][] perIteration(ScenarioResult r, ToDoubleFunction<IterationResult> value) {
        double[][] out = new double[r.forks().size()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = r.forks().get(f).measurement().stream().mapToDouble(value).toArray();
        }
        return out;
    }

    private Map<String, Double> hdrPercentiles(Histogram h) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (double rank : PERCENTILE_RANKS) {
            out.put(Double.toString(rank), h.getTotalCount() == 0 ? Double.NaN
                    : (rank == 100.0 ? h.getMaxValue() : h.getValueAtPercentile(rank)) / nanosPerUnit);
        }
        return out;
    }

    /** The extra key: effective configuration, per-iteration figures, warnings, iteration-level intervals. */
    static ObjectNode extra(ScenarioResult r) {
        Scenario s = r.scenario();
        RunEnvironment env = r.environment();
        ObjectNode root = JSON.objectNode();
        root.put("harnessVersion", env.harnessVersion());
        root.put("primaryMetric", r.primaryName());
        root.put("percentiles", "HdrHistogram, highest equivalent value, 3 significant digits");
        root.put("unitOfLatenciesHere", "ms");
        root.put("forkMode", s.iterations().forks() == 0 ? "in-process" : "forked JVM per fork");
        ObjectNode config = root.putObject("configuration");
        ObjectNode workload = config.putObject("workload");
        s.workload().asMap().forEach((k, v) -> {
            if (v instanceof Integer i) {
                workload.put(k, i);
            } else if (v instanceof Long l) {
                workload.put(k, l);
            } else if (v instanceof Double d) {
                workload.put(k, d);
            } else if (v instanceof Boolean b) {
                workload.put(k, b);
            } else {
                workload.put(k, String.valueOf(v));
            }
        });
        config.put("driver", s.driver());
        if (!r.forks().isEmpty()) {
            var info = r.forks().get(0).worker();
            config.put("clientVersion", info.clientVersion());
            putSorted(config.putObject("producer"), info.clientConfig().producer());
            putSorted(config.putObject("consumer"), info.clientConfig().consumer());
            putSorted(config.putObject("topic"), info.clientConfig().topic());
            root.put("clockAnchorErrorNanos", info.clockAnchorErrorNanos());
        }
        ObjectNode broker = config.putObject("broker");
        broker.put("kind", r.broker().kind());
        broker.put("version", r.broker().version());
        broker.put("bootstrapServers", r.broker().bootstrapServers());
        putSorted(broker.putObject("settings"), r.broker().settings());
        ObjectNode host = config.putObject("host");
        host.put("name", env.host());
        host.put("os", env.os());
        host.put("cpus", env.cpus());
        host.put("maxHeapBytes", env.maxHeapBytes());
        host.put("memoryBytes", env.memoryBytes());
        Saturation saturation = r.saturation();
        if (saturation != null) {
            ObjectNode o = root.putObject("saturation");
            o.put("scheduledRate", saturation.scheduledRate());
            o.put("achievedRate", saturation.achievedRate());
            o.put("messagesUnsent", saturation.unsent());
            ArrayNode left = o.putArray("latenciesLeftOut");
            for (LatencyMetric m : LatencyMetric.values()) {
                if (Saturation.SCHEDULE_DOMINATED.contains(m)) {
                    left.add(m.resultName());
                }
            }
            o.put("note", saturation.describe());
        }
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);

        Map<String, ProfileFigures.Figure> profiled = profileUnits(r);
        if (!profiled.isEmpty()) {
            // the unit of each figure under the iterations' and periods' "profile"
            ObjectNode units = root.putObject("profileUnits");
            profiled.forEach((name, f) -> units.put(name, f.unit()));
        }
        ArrayNode forks = root.putArray("forks");
        for (ForkResult f : r.forks()) {
            ObjectNode fork = forks.addObject();
            fork.put("probeMillis", f.probeNanos() / NANOS_PER_MS);
            ArrayNode byWorker = fork.putArray("clockOffsets"); // per worker, its estimates in time order
            for (List<ClockOffset> worker : f.clockOffsets()) {
                ArrayNode offsets = byWorker.addArray();
                for (ClockOffset o : worker) {
                    offsets.addObject().put("atEpochNanos", o.atEpochNanos()).put("offsetNanos", o.offsetNanos())
                            .put("uncertaintyNanos", o.uncertaintyNanos());
                }
            }
            ObjectNode cost = fork.putObject("coordinatorCost"); // the coordinator's own work, per kind
            work(cost, "reportPeriods", f.coordinatorCost().reportPeriods());
            work(cost, "iterationEnds", f.coordinatorCost().iterationEnds());
            work(cost, "drain", f.coordinatorCost().drain());
            work(cost, "clockEstimates", f.coordinatorCost().clocks());
            ObjectNode drain = fork.putObject("drain");
            drain.put("complete", f.drain().complete());
            drain.put("expected", f.drain().expected());
            drain.put("received", f.drain().received());
            drain.put("inFlight", f.drain().inFlight());
            drain.put("lost", f.drain().lost());
            drain.put("duplicated", f.drain().duplicated());
            drain.put("outOfOrder", f.drain().outOfOrder());
            drain.put("unrecognised", f.drain().unrecognised());
            drain.put("millis", f.drain().waitedNanos() / NANOS_PER_MS);
            drain.put("unsent", f.drain().unsent());
            drain.put("stillArriving", f.drain().stillArriving());
            if (f.search() != null) {
                fork.set("search", search(f.search()));
            }
            if (f.backlog() != null) {
                BacklogResult b = f.backlog();
                ObjectNode o = fork.putObject("backlog");
                o.put("targetMessages", b.targetMessages());
                o.put("builtMessages", b.builtMessages());
                o.put("buildSeconds", b.buildSeconds());
                o.put("drainedLevel", b.drainedLevel());
                o.put("drained", b.drained());
                o.put("drainSeconds", b.drainSeconds());
                o.put("leftMessages", b.leftMessages());
                o.put("netDrainRate", b.netDrainRate());
            }
            ArrayNode iterations = fork.putArray("iterations");
            List<IterationResult> each = new ArrayList<>(f.warmup());
            each.addAll(f.measurement());
            for (IterationResult i : each) {
                ObjectNode o = iterations.addObject();
                o.put("kind", i.warmup() ? "warmup" : "measurement");
                o.put("index", i.index());
                o.put("startEpochNanos", i.startEpochNanos());
                o.put("durationNanos", i.durationNanos());
                o.put("messagesSent", i.messagesSent());
                o.put("messagesReceived", i.messagesReceived());
                o.put("publishErrors", i.publishErrors());
                o.put("negativeLatencies", i.negativeLatencies());
                o.put("messagesLost", i.messagesLost());
                o.put("messagesDuplicated", i.messagesDuplicated());
                o.put("messagesOutOfOrder", i.messagesOutOfOrder());
                o.put("scheduleDebt", i.scheduleDebt());
                o.put("backlogAtStart", i.backlogAtStart());
                o.put("backlogAtEnd", i.backlogAtEnd());
                if (i.longestStallNanos() > 0) {
                    o.put("longestStallMillis", i.longestStallNanos() / NANOS_PER_MS);
                }
                o.put("publishRate", i.publishRate());
                o.put("consumeRate", i.consumeRate());
                for (LatencyMetric m : LatencyMetric.values()) {
                    putLatency(o, m, LatencySummary.of(i.latency(m)));
                }
                putProfile(o, i);
                // the report periods (--report-interval) inside the iteration: OMB's series, charts over time
                ArrayNode periods = o.putArray("periods");
                for (PeriodResult p : i.periods()) {
                    ObjectNode q = periods.addObject();
                    q.put("startEpochNanos", p.startEpochNanos());
                    q.put("durationNanos", p.durationNanos());
                    q.put("messagesSent", p.messagesSent());
                    q.put("publishErrors", p.publishErrors());
                    q.put("backlog", p.backlog());
                    q.put("publishRate", p.publishRate());
                    q.put("consumeRate", p.consumeRate());
                    for (LatencyMetric m : LatencyMetric.values()) {
                        putLatency(q, m, p.latency(m));
                    }
                    putProfile(q, p);
                }
            }
        }
        root.set("statistics", statistics(r));
        return root;
    }

    /** A latency's figures in ms under its name, when it has values. */
    private static void work(ObjectNode parent, String name, CoordinatorCost.Work w) {
        parent.putObject(name).put("count", w.count()).put("wallMillis", w.wallNanos() / NANOS_PER_MS)
                .put("cpuMillis", w.cpuNanos() / NANOS_PER_MS);
    }

    /** The profilers' figures of a window under {@code profile}, by name, when it has any: the series of the charts. */
    private static void putProfile(ObjectNode parent, ProfiledWindow w) {
        Map<String, ProfileFigures.Figure> figures = ProfileFigures.of(w);
        if (!figures.isEmpty()) {
            ObjectNode profile = parent.putObject("profile");
            figures.forEach((name, f) -> {
                if (Double.isFinite(f.value())) {
                    profile.put(name, f.value());
                }
            });
        }
    }

    private static void putLatency(ObjectNode parent, LatencyMetric m, LatencySummary s) {
        if (s.count() > 0) {
            ObjectNode l = parent.putObject(m.resultName());
            l.put("count", s.count());
            l.put("p50", s.p50() / NANOS_PER_MS);
            l.put("p99", s.p99() / NANOS_PER_MS);
            l.put("p99.9", s.p999() / NANOS_PER_MS);
            l.put("max", s.max() / NANOS_PER_MS);
        }
    }

    /** The search log: the rate found and each trial, with its figures and the verdict's reason. */
    private static ObjectNode search(RateSearchResult s) {
        ObjectNode o = JSON.objectNode();
        o.put("maxSustainableRate", s.maxSustainableRate());
        if (s.objective() != null) {
            o.put("objective", s.objective());
        }
        ArrayNode steps = o.putArray("trials");
        for (MaxRateSearch.Step step : s.steps()) {
            ObjectNode t = steps.addObject();
            t.put("trial", step.number());
            t.put("stage", step.stage().name().toLowerCase(Locale.ROOT));
            t.put("targetRate", step.rate());
            t.put("sustained", step.verdict().sustained());
            t.put("reason", step.verdict().reason());
            Trial trial = step.trial();
            t.put("seconds", trial.seconds());
            t.put("publishRate", trial.publishRate());
            t.put("scheduleDebt", trial.debtAtEnd());
            t.put("backlogGrowth", trial.backlogGrowth());
        }
        return o;
    }

    /**
     * Intervals whose unit of noise is the iteration (and the fork, once there are several), since
     * per-message samples are autocorrelated and JMH's sample-count interval is far too narrow.
     */
    private static ObjectNode statistics(ScenarioResult r) {
        ObjectNode stats = JSON.objectNode();
        stats.put("confidence", JmhStatistics.CONFIDENCE);
        LatencyMetric primary = r.mainLatency();
        Map<String, ToDoubleFunction<IterationResult>> figures = new LinkedHashMap<>();
        figures.put(primary.resultName() + ".mean", i -> i.latency(primary).getMean() / NANOS_PER_MS);
        figures.put(primary.resultName() + ".p50", i -> i.latency(primary).getValueAtPercentile(50) / NANOS_PER_MS);
        figures.put(primary.resultName() + ".p99", i -> i.latency(primary).getValueAtPercentile(99) / NANOS_PER_MS);
        figures.put("publishRate", IterationResult::publishRate);
        figures.forEach((name, f) -> {
            ObjectNode o = stats.putObject(name);
            double[][] raw = perIteration(r, f);
            interval(o.putObject("iterations"), JmhStatistics.of(raw));
            double[] forkMeans = new double[raw.length];
            for (int k = 0; k < raw.length; k++) {
                forkMeans[k] = JmhStatistics.of(raw[k]).mean();
            }
            interval(o.putObject("forks"), JmhStatistics.of(forkMeans));
        });
        return stats;
    }

    private static void interval(ObjectNode o, JmhStatistics s) {
        o.put("n", s.n());
        o.put("mean", s.mean());
        double[] ci = s.confidenceIntervalAt(JmhStatistics.CONFIDENCE);
        ArrayNode a = o.putArray("interval");
        a.add(ci[0]);
        a.add(ci[1]);
    }

    private static void putSorted(ObjectNode node, Map<String, String> values) {
        new TreeMap<>(values).forEach(node::put);
    }
}
