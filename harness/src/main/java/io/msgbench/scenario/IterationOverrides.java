package io.msgbench.scenario;

import java.time.Duration;

/**
 * Iteration settings as one source gives them (command line, or a benchmark's annotations), each
 * {@code null} when that source is silent. {@link #over} applies one source over the next lower one:
 * the precedence chain is explicit, one setting at a time, as JMH's options are.
 */
public record IterationOverrides(Integer warmupIterations, Duration warmupTime, Integer measurementIterations,
                                 Duration measurementTime, Integer forks, Duration timeout) {
    public static final IterationOverrides NONE = new IterationOverrides(null, null, null, null, null, null);

    /** These values where given, {@code lower}'s elsewhere. */
    public IterationSettings over(IterationSettings lower) {
        return new IterationSettings(
                warmupIterations != null ? warmupIterations : lower.warmupIterations(),
                warmupTime != null ? warmupTime : lower.warmupTime(),
                measurementIterations != null ? measurementIterations : lower.measurementIterations(),
                measurementTime != null ? measurementTime : lower.measurementTime(),
                forks != null ? forks : lower.forks(),
                timeout != null ? timeout : lower.timeout());
    }
}
