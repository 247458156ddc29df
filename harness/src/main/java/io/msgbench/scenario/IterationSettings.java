package io.msgbench.scenario;

import java.time.Duration;

/**
 * How many iterations of what length, how many forks, and how long the final drain may take: the
 * effective values after precedence.
 */
public record IterationSettings(int warmupIterations, Duration warmupTime, int measurementIterations,
                                Duration measurementTime, int forks, Duration timeout) {
    /** msgbench's defaults (DESIGN §6): {@code -f 1 -wi 1 -w 10s -i 3 -r 30s}, and a 30 s drain. */
    public static final IterationSettings DEFAULTS =
            new IterationSettings(1, Duration.ofSeconds(10), 3, Duration.ofSeconds(30), 1, Duration.ofSeconds(30));

    public IterationSettings {
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmup iterations must be 0 or more, was " + warmupIterations);
        }
        if (measurementIterations < 1) {
            throw new IllegalArgumentException("measurement iterations must be at least 1, was " + measurementIterations);
        }
        if (warmupIterations > 0 && (warmupTime.isNegative() || warmupTime.isZero())) {
            throw new IllegalArgumentException("warmup time must be positive, was " + warmupTime);
        }
        if (measurementTime.isNegative() || measurementTime.isZero()) {
            throw new IllegalArgumentException("measurement time must be positive, was " + measurementTime);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (forks < 0) {
            throw new IllegalArgumentException("forks must be 0 or more, was " + forks);
        }
    }

    /** Warmup plus measurement iterations: the counted phases of the scenario. */
    public int phases() {
        return warmupIterations + measurementIterations;
    }

    /** True when phase {@code phase} (1-based) is a warmup iteration. */
    public boolean isWarmup(int phase) {
        return phase <= warmupIterations;
    }

    public Duration timeOf(int phase) {
        return isWarmup(phase) ? warmupTime : measurementTime;
    }
}
