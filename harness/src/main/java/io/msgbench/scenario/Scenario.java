package io.msgbench.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a benchmark's parameter space, fully resolved: what runs, with which driver and client
 * settings, for how long. Immutable.
 *
 * @param params   the parameter values as the user sees them (for names and the JMH {@code params})
 * @param common   settings for every client (OMB's commonConfig; empty for annotated benchmarks)
 * @param producer producer settings the parameters asked for (the driver adds its defaults)
 * @param consumer consumer settings the parameters asked for
 * @param topic    topic configuration the parameters asked for
 * @param replicationFactor of the scenario's topics (OMB driver files set it; 1 otherwise)
 * @param space    the parameter space the scenario is a point of (for JMH's result order)
 * @param objective the latency objective of a maximum-rate search, or null
 */
public record Scenario(BenchmarkDefinition benchmark, Map<String, String> params, String driver,
                       WorkloadSpec workload, Map<String, String> common, Map<String, String> producer, Map<String, String> consumer,
                       Map<String, String> topic, short replicationFactor, IterationSettings iterations, ParameterSpace space,
                       io.msgbench.search.RateObjective objective) {
    public Scenario {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        common = Map.copyOf(common);
        producer = Map.copyOf(producer);
        consumer = Map.copyOf(consumer);
        topic = Map.copyOf(topic);
    }

    /**
     * JMH's order of results: by benchmark, then by parameters with their names in alphabetical order and
     * their values in declaration order.
     */
    public static final java.util.Comparator<Scenario> JMH_ORDER = (a, b) -> {
        int byName = a.benchmark().className().compareTo(b.benchmark().className());
        if (byName != 0) {
            return byName;
        }
        for (String name : new java.util.TreeSet<>(a.params().keySet())) {
            int c = Integer.compare(a.space().indexOf(name, a.params().get(name)),
                    b.space().indexOf(name, b.params().get(name)));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

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
