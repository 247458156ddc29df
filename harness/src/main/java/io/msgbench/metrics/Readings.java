package io.msgbench.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a profiler read from one source at one moment, by name: running totals (counters, and gauges integrated over
 * time, in value-seconds), whose differences give a window's figures exactly, and levels (gauges as they were at that
 * moment). Names are the profilers' own; a source that cannot say a thing leaves it out.
 *
 * @param totals cumulative since some start of the source's choosing
 * @param levels the current values
 */
public record Readings(Map<String, Double> totals, Map<String, Double> levels) {
    public static final Readings NONE = new Readings(Map.of(), Map.of());
    /**
     * The total under which {@link #at} stamps when a reading was taken (seconds on a monotonic clock): the difference
     * of two stamped readings is the exact time their window spans, whatever it was meant to span.
     */
    public static final String READ_SECONDS = "msgbench.read.seconds";

    public Readings {
        totals = Map.copyOf(totals);
        levels = Map.copyOf(levels);
    }

    /** What accrued from {@code earlier} to this reading (totals it lacks count from 0); this reading's levels. */
    public Readings since(Readings earlier) {
        Map<String, Double> accrued = new TreeMap<>();
        totals.forEach((name, value) -> accrued.put(name, value - earlier.totals.getOrDefault(name, 0.0)));
        return new Readings(accrued, levels);
    }

    /** This reading stamped with when it was taken, {@code nanoTime} of {@link System#nanoTime()}. */
    public Readings at(long nanoTime) {
        Map<String, Double> t = new TreeMap<>(totals);
        t.put(READ_SECONDS, nanoTime / 1e9);
        return new Readings(t, levels);
    }

    /** The seconds between two stamped readings this window is the difference of, or {@code otherwise}. */
    public double spanSeconds(double otherwise) {
        Double span = totals.get(READ_SECONDS);
        return span == null || !(span > 0) ? otherwise : span;
    }

    /** Two sources together (two workers' processes, two brokers): totals and levels added up. */
    public Readings plus(Readings other) {
        Map<String, Double> t = new TreeMap<>(totals);
        other.totals.forEach((name, value) -> t.merge(name, value, Double::sum));
        Map<String, Double> l = new TreeMap<>(levels);
        other.levels.forEach((name, value) -> l.merge(name, value, Double::sum));
        return new Readings(t, l);
    }

    /** The total under {@code name}, or NaN when the source did not say. */
    public double total(String name) {
        Double v = totals.get(name);
        return v == null ? Double.NaN : v;
    }

    /** The level under {@code name}, or NaN when the source did not say. */
    public double level(String name) {
        Double v = levels.get(name);
        return v == null ? Double.NaN : v;
    }

    /** Whether the source said nothing (not a bean property: readings travel as JSON). */
    public boolean saidNothing() {
        return totals.isEmpty() && levels.isEmpty();
    }
}
