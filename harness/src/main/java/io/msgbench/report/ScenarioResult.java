package io.msgbench.report;

import io.msgbench.metrics.LatencyMetric;
import io.msgbench.scenario.Scenario;
import java.util.List;

/**
 * Everything a scenario produced, the one model every writer reads. Writers never re-measure.
 *
 * @param threads  sender threads per worker
 * @param warnings things a user must see next to the figures (incomplete drain, errors, debt)
 */
public record ScenarioResult(Scenario scenario, int threads, BrokerDescription broker, RunEnvironment environment,
                             List<ForkResult> forks, List<String> warnings) {
    public ScenarioResult {
        forks = List.copyOf(forks);
        warnings = List.copyOf(warnings);
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
