package io.msgbench.report;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.scenario.Scenario;
import io.msgbench.worker.RunEnvironment;
import java.util.List;

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
     * The metric that names the result (DESIGN §5): end-to-end latency corrected for coordinated
     * omission when anything consumes, publish latency corrected otherwise.
     */
    public LatencyMetric primaryMetric() {
        return scenario.workload().subscriptionsPerTopic() > 0
                ? LatencyMetric.END_TO_END_LATENCY_CORRECTED
                : LatencyMetric.PUBLISH_LATENCY_CORRECTED;
    }

    /** The JMH {@code benchmark} name: {@code <fully.qualified.Class>.<primary metric>}. */
    public String benchmarkName() {
        return scenario.benchmark().className() + "." + primaryMetric().resultName();
    }
}
