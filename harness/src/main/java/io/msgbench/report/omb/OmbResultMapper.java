package io.msgbench.report.omb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.omb.OmbPlanner;
import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.report.LatencySummary;
import io.msgbench.report.PeriodResult;
import io.msgbench.report.ScenarioResult;
import io.msgbench.scenario.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A scenario as OMB's result file ({@code TestResult}): OMB's fields in OMB's order and nothing else, so
 * OMB's chart script and any reader of OMB's class (Jackson fails on unknown fields by default) read it.
 * Units as OMB: publish and end-to-end latencies in milliseconds, publish delay in whole microseconds.
 * The series hold one value per report period of the measurement iterations, forks one after another;
 * the aggregates and quantile maps come from the merged measurement histograms, the same ones the JMH JSON's
 * percentiles come from. OMB's latencies are msgbench's uncorrected ones: publishLatency (ack − send),
 * publishDelayLatency (send − intended), endToEndLatency (receive − send).
 */
public final class OmbResultMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double NANOS_PER_MS = 1e6;
    private static final double NANOS_PER_US = 1e3;
    /** HdrHistogram's percentile iteration as OMB calls it: {@code percentiles(100)}. */
    private static final int QUANTILE_TICKS_PER_HALF_DISTANCE = 100;

    private OmbResultMapper() {
    }

    /**
     * The scenario as OMB's result: {@code workload} is an OMB file's {@code name} (otherwise the benchmark's
     * simple name), {@code driver} is {@link #driverName}.
     */
    public static ObjectNode toOmb(ScenarioResult r) {
        WorkloadSpec w = r.scenario().workload();
        List<PeriodResult> periods = new ArrayList<>();
        for (ForkResult f : r.forks()) {
            for (IterationResult i : f.measurement()) {
                periods.addAll(i.periods());
            }
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("workload", r.scenario().benchmark().title());
        o.put("driver", driverName(r));
        o.put("messageSize", (long) w.messageSize());
        o.put("topics", w.topics());
        o.put("partitions", w.partitionsPerTopic());
        o.put("producersPerTopic", w.producersPerTopic());
        o.put("consumersPerTopic", w.consumersPerSubscription());

        doubles(o, "publishRate", periods, PeriodResult::publishRate);
        doubles(o, "publishErrorRate", periods, PeriodResult::publishErrorRate);
        doubles(o, "consumeRate", periods, PeriodResult::consumeRate);
        longs(o, "backlog", periods, PeriodResult::backlog);

        millisecondSeries(o, "publishLatency", periods, LatencyMetric.PUBLISH_LATENCY);
        microsecondSeries(o, "publishDelayLatency", periods);

        Histogram publish = r.merged(LatencyMetric.PUBLISH_LATENCY);
        Histogram delay = r.merged(LatencyMetric.PUBLISH_DELAY_LATENCY);
        Histogram endToEnd = r.merged(LatencyMetric.END_TO_END_LATENCY);
        millisecondAggregates(o, "aggregatedPublishLatency", LatencySummary.of(publish));
        LatencySummary d = LatencySummary.of(delay);
        o.put("aggregatedPublishDelayLatencyAvg", d.mean() / NANOS_PER_US);
        for (Percentile p : Percentile.values()) {
            o.put("aggregatedPublishDelayLatency" + p.suffix, micros(p.of(d)));
        }
        o.put("aggregatedPublishDelayLatencyMax", micros(d.max()));
        quantiles(o.putObject("aggregatedPublishLatencyQuantiles"), publish, false);
        quantiles(o.putObject("aggregatedPublishDelayLatencyQuantiles"), delay, true);

        millisecondSeries(o, "endToEndLatency", periods, LatencyMetric.END_TO_END_LATENCY);
        quantiles(o.putObject("aggregatedEndToEndLatencyQuantiles"), endToEnd, false);
        millisecondAggregates(o, "aggregatedEndToEndLatency", LatencySummary.of(endToEnd));
        return o;
    }

    /** An OMB driver file's {@code name} (the {@code driver} parameter of OMB runs), otherwise the client. */
    public static String driverName(ScenarioResult r) {
        return r.scenario().params().getOrDefault(OmbPlanner.DRIVER_PARAM, r.scenario().driver());
    }

    /** OMB's percentile fields: {@code 50pct} … {@code 99999pct}. */
    private enum Percentile {
        P50("50pct"), P75("75pct"), P95("95pct"), P99("99pct"), P999("999pct"), P9999("9999pct"), P99999("99999pct");

        final String suffix;

        Percentile(String suffix) {
            this.suffix = suffix;
        }

        long of(LatencySummary s) {
            return switch (this) {
                case P50 -> s.p50();
                case P75 -> s.p75();
                case P95 -> s.p95();
                case P99 -> s.p99();
                case P999 -> s.p999();
                case P9999 -> s.p9999();
                case P99999 -> s.p99999();
            };
        }
    }

    private static void millisecondSeries(ObjectNode o, String name, List<PeriodResult> periods, LatencyMetric m) {
        doubles(o, name + "Avg", periods, p -> p.latency(m).mean() / NANOS_PER_MS);
        for (Percentile pct : Percentile.values()) {
            doubles(o, name + pct.suffix, periods, p -> pct.of(p.latency(m)) / NANOS_PER_MS);
        }
        doubles(o, name + "Max", periods, p -> p.latency(m).max() / NANOS_PER_MS);
    }

    private static void microsecondSeries(ObjectNode o, String name, List<PeriodResult> periods) {
        LatencyMetric m = LatencyMetric.PUBLISH_DELAY_LATENCY;
        doubles(o, name + "Avg", periods, p -> p.latency(m).mean() / NANOS_PER_US);
        for (Percentile pct : Percentile.values()) {
            longs(o, name + pct.suffix, periods, p -> micros(pct.of(p.latency(m))));
        }
        longs(o, name + "Max", periods, p -> micros(p.latency(m).max()));
    }

    private static void millisecondAggregates(ObjectNode o, String name, LatencySummary s) {
        o.put(name + "Avg", s.mean() / NANOS_PER_MS);
        for (Percentile p : Percentile.values()) {
            o.put(name + p.suffix, p.of(s) / NANOS_PER_MS);
        }
        o.put(name + "Max", s.max() / NANOS_PER_MS);
    }

    /** OMB's quantile map: percentile → value, over HdrHistogram's {@code percentiles(100)} iteration. */
    private static void quantiles(ObjectNode map, Histogram h, boolean microseconds) {
        if (h.getTotalCount() == 0) {
            return;
        }
        for (HistogramIterationValue v : h.percentiles(QUANTILE_TICKS_PER_HALF_DISTANCE)) {
            String key = Double.toString(v.getPercentile());
            if (microseconds) {
                map.put(key, micros(v.getValueIteratedTo()));
            } else {
                map.put(key, v.getValueIteratedTo() / NANOS_PER_MS);
            }
        }
    }

    private static long micros(long nanos) {
        return Math.round(nanos / NANOS_PER_US);
    }

    private static void doubles(ObjectNode o, String name, List<PeriodResult> periods, ToDoubleFunction<PeriodResult> f) {
        ArrayNode a = o.putArray(name);
        periods.forEach(p -> a.add(f.applyAsDouble(p)));
    }

    private static void longs(ObjectNode o, String name, List<PeriodResult> periods, ToLongFunction<PeriodResult> f) {
        ArrayNode a = o.putArray(name);
        periods.forEach(p -> a.add(f.applyAsLong(p)));
    }
}
