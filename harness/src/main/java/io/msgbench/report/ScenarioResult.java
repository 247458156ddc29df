package io.msgbench.report;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseRecorder;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.WorkloadSpec;
import io.msgbench.worker.RunEnvironment;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Everything a scenario produced, the one model every writer reads. Writers never re-measure.
 *
 * @param threads  sender threads per worker
 * @param warnings things a user must see next to the figures (incomplete drain, errors, debt)
 */
public record ScenarioResult(Scenario scenario, int threads, BrokerDescription broker, List<ForkResult> forks,
                             List<String> warnings) {
    public ScenarioResult {
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("a scenario result has at least one fork");
        }
        forks = List.copyOf(forks);
        warnings = List.copyOf(warnings);
    }

    /** The JVM the (first) fork ran in: JMH reports the forked JVM, not the host. */
    public RunEnvironment environment() {
        return forks.get(0).worker().environment();
    }

    /**
     * The latency that names a fixed-rate result (DESIGN §5): end-to-end latency corrected for
     * coordinated omission when anything consumes, publish latency corrected otherwise.
     */
    public LatencyMetric primaryMetric() {
        return primaryLatency(scenario.workload());
    }

    /** {@link #primaryMetric()} of a workload. */
    public static LatencyMetric primaryLatency(WorkloadSpec workload) {
        return workload.subscriptionsPerTopic() > 0
                ? LatencyMetric.END_TO_END_LATENCY_CORRECTED
                : LatencyMetric.PUBLISH_LATENCY_CORRECTED;
    }

    /**
     * The latency a reader looks at first: {@link #primaryMetric()}, or its uncorrected counterpart when the
     * rate was unreachable (the corrected one then only measures how far behind the schedule the producers fell).
     */
    public LatencyMetric mainLatency() {
        if (saturation() == null) {
            return primaryMetric();
        }
        return scenario.workload().subscriptionsPerTopic() > 0 ? LatencyMetric.END_TO_END_LATENCY
                : LatencyMetric.PUBLISH_LATENCY;
    }

    /** True when the rate was searched: the primary metric is then the publish rate held at the rate found. */
    public boolean isMaxRate() {
        return scenario.workload().isMaxRate();
    }

    /**
     * The fixed rate's saturation (the producers could not hold it), or null when it was reachable or
     * searched.
     */
    public Saturation saturation() {
        return isMaxRate() ? null : Saturation.of(scenario.workload().producerRate(), forks);
    }

    /** True when the result is a rate (mode thrpt): after a search, or when the fixed rate was unreachable. */
    public boolean isThroughput() {
        return isMaxRate() || saturation() != null;
    }

    /**
     * The name of the primary metric: {@code publishRate} after a search or when the rate was unreachable,
     * else {@link #primaryMetric()}'s.
     */
    public String primaryName() {
        return isThroughput() ? PUBLISH_RATE : primaryMetric().resultName();
    }

    public static final String PUBLISH_RATE = "publishRate";

    /** The measurement iterations of every fork merged into one histogram (nanoseconds): a new one, the caller's. */
    public Histogram merged(LatencyMetric metric) {
        Histogram h = new Histogram(PhaseRecorder.SIGNIFICANT_DIGITS);
        for (ForkResult f : forks) {
            for (IterationResult i : f.measurement()) {
                h.add(i.latency(metric));
            }
        }
        return h;
    }

    /** The JMH {@code benchmark} name: {@code <fully.qualified.Class>.<primary metric>}. */
    public String benchmarkName() {
        return scenario.benchmark().className() + "." + primaryName();
    }
}
