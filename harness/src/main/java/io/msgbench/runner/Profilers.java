package io.msgbench.runner;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * The profilers of a run, JMH's way ({@code -prof NAME}, repeatable; {@code -lprof} lists them): their figures become
 * secondary metrics of each result under JMH's names, and series per report period in its {@code msgbench} key.
 * {@code gc}, {@code os} and {@code broker} are on unless {@code -prof none} (or a list without them) is given.
 *
 * @param gc     the worker JVM's allocation and collections per iteration: {@code gc.alloc.rate} (MB/sec),
 *               {@code gc.alloc.rate.norm} (B/op: per message sent), {@code gc.count}, {@code gc.time} (ms)
 * @param os     the load generator's host and processes ({@code os.*})
 * @param broker the broker's own figures where its system exposes them ({@code broker.*})
 * @param client the clients' own metrics ({@code client.*}), not by default
 * @param jfr    a JDK Flight Recording of each fork next to the results, not by default
 */
public record Profilers(boolean gc, boolean os, boolean broker, boolean client, boolean jfr) {
    /** Each known profiler with what it measures, for {@code -lprof} and the error that names them. */
    static final Map<String, String> KNOWN = known();

    static final Profilers DEFAULT = new Profilers(true, true, true, false, false);
    static final Profilers NONE = new Profilers(false, false, false, false, false);

    private static Map<String, String> known() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gc", "the worker JVM's heap allocation (rate, and per message) and its collections (count, time), "
                + "from its management beans at iteration boundaries");
        m.put("os", "the load generator's host (CPU by kind, load, memory, swap, context switches, network and disk "
                + "bytes, its cgroup's limits and use) and processes (CPU, resident memory, threads), sampled at 1 Hz");
        m.put("broker", "the broker's own figures (Kafka: over JMX from the embedded broker's JVM: bytes and messages "
                + "in and out, request handler and network idle, produce and fetch times, process CPU and GC)");
        m.put("client", "the clients' own metrics (Kafka: record queue time, batch size, request latency, buffer pool "
                + "waits, retries, fetch latency, records lag; their averages over 1-s windows, sampled at 1 Hz)");
        m.put("jfr", "a JDK Flight Recording (default settings) of each fork's JVM, next to the result file");
        m.put("none", "no profiler");
        return m;
    }

    /**
     * The profilers {@code -prof} names (none given: the default ones).
     *
     * @throws UserError one line naming the unknown profiler and the known ones
     */
    static Profilers of(List<String> names) {
        if (names.isEmpty()) {
            return DEFAULT;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String spec : names) {
            String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
            if (!KNOWN.containsKey(name)) {
                throw new UserError("Unknown profiler '" + name + "'; known: " + String.join(", ", KNOWN.keySet())
                        + " (-lprof lists them)");
            }
            if (spec.contains(":")) {
                throw new UserError("Profiler " + name + " takes no options, was given '" + spec + "'");
            }
            chosen.add(name);
        }
        if (chosen.contains("none") && chosen.size() > 1) {
            chosen.remove("none");
            throw new UserError("-prof none and -prof " + chosen.iterator().next() + " exclude each other");
        }
        return new Profilers(chosen.contains("gc"), chosen.contains("os"), chosen.contains("broker"),
                chosen.contains("client"), chosen.contains("jfr"));
    }
}
