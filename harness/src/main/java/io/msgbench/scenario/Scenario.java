package io.msgbench.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a benchmark's parameter space, fully resolved: what runs, with which driver and client
 * settings, for how long. Immutable.
 *
 * @param params   the parameter values as the user sees them (for names and the JMH {@code params})
 * @param producer producer settings the parameters asked for (the driver adds its defaults)
 * @param consumer consumer settings the parameters asked for
 * @param topic    topic configuration the parameters asked for
 */
public record Scenario(BenchmarkDefinition benchmark, Map<String, String> params, String driver,
                       WorkloadSpec workload, Map<String, String> producer, Map<String, String> consumer,
                       Map<String, String> topic, IterationSettings iterations) {
    public Scenario {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        producer = Map.copyOf(producer);
        consumer = Map.copyOf(consumer);
        topic = Map.copyOf(topic);
    }

    /** e.g. {@code LatencyTest (acks=1, client=kafka)}, for the console. */
    public String label() {
        if (params.isEmpty()) {
            return benchmark.simpleName();
        }
        StringBuilder b = new StringBuilder(benchmark.simpleName()).append(" (");
        params.forEach((k, v) -> b.append(k).append('=').append(v).append(", "));
        b.setLength(b.length() - 2);
        return b.append(')').toString();
    }
}
