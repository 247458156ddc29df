package io.msgbench.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profilers of a run, JMH's way ({@code -prof NAME}, repeatable; {@code -lprof} lists them): their figures become
 * secondary metrics of each result under JMH's names. {@code gc} is on unless {@code -prof none} (or a list without
 * it) is given.
 *
 * @param gc the worker JVM's allocation and collections per iteration: {@code gc.alloc.rate} (MB/sec),
 *           {@code gc.alloc.rate.norm} (B/op: per message sent), {@code gc.count}, {@code gc.time} (ms)
 */
public record Profilers(boolean gc) {
    /** Each known profiler with what it measures, for {@code -lprof} and the error that names them. */
    static final Map<String, String> KNOWN = known();

    static final Profilers DEFAULT = new Profilers(true);

    private static Map<String, String> known() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gc", "the worker JVM's heap allocation (rate, and per message) and its collections (count, time), "
                + "from its management beans at iteration boundaries");
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
        boolean gc = false;
        for (String spec : names) {
            String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
            if (!KNOWN.containsKey(name)) {
                throw new UserError("Unknown profiler '" + name + "'; known: " + String.join(", ", KNOWN.keySet())
                        + " (-lprof lists them)");
            }
            if (spec.contains(":")) {
                throw new UserError("Profiler " + name + " takes no options, was given '" + spec + "'");
            }
            gc |= name.equals("gc");
        }
        if (gc && names.stream().anyMatch(n -> n.equals("none"))) {
            throw new UserError("-prof none and -prof gc exclude each other");
        }
        return new Profilers(gc);
    }
}
