package io.msgbench.profile;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gauges sampled now and then, integrated over time (trapezoids between samples, the last value held since), so
 * that any window's mean is the difference of two readings over its length: exact for the samples taken, whatever the
 * window. Names get {@link #SUFFIX}. Thread-safe: a sampling thread and readers.
 */
final class GaugeIntegral {
    /** Suffix of an integrated gauge (value × seconds). */
    static final String SUFFIX = ".integral";

    private final Map<String, Double> integrals = new TreeMap<>();
    private final Map<String, Double> last = new HashMap<>();
    private long lastNanos;

    /** Takes {@code values} as the gauges' values at {@code nanos} ({@link System#nanoTime()}). */
    synchronized void sample(Map<String, Double> values, long nanos) {
        if (lastNanos != 0) {
            double seconds = (nanos - lastNanos) / 1e9;
            values.forEach((name, value) -> integrals.merge(name + SUFFIX,
                    (last.getOrDefault(name, value) + value) / 2 * seconds, Double::sum));
        }
        last.clear();
        last.putAll(values);
        lastNanos = nanos;
    }

    /** The integrals up to {@code nanos}, the last values held since the last sample. */
    synchronized Map<String, Double> upTo(long nanos) {
        Map<String, Double> out = new TreeMap<>(integrals);
        if (lastNanos != 0 && nanos > lastNanos) {
            double seconds = (nanos - lastNanos) / 1e9;
            last.forEach((name, value) -> out.merge(name + SUFFIX, value * seconds, Double::sum));
        }
        return out;
    }

    /** The values of the last sample. */
    synchronized Map<String, Double> last() {
        return new TreeMap<>(last);
    }
}
