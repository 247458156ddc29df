package io.msgbench.report.compare;

/** Which way a metric is better, known from its unit. */
public enum Direction {
    /** Rates and throughputs: {@code ops/s}, {@code MB/s}, any unit per time. */
    HIGHER_IS_BETTER,
    /** Latencies and times per operation: {@code ms/op}, {@code us/op}, {@code s/op}. */
    LOWER_IS_BETTER,
    /** Counts and anything else: a change is reported, never judged. */
    NEUTRAL;

    public static Direction ofUnit(String unit) {
        if (unit.endsWith("/op")) {
            return LOWER_IS_BETTER;
        }
        if (unit.endsWith("/s") || unit.endsWith("/sec") || unit.endsWith("/ms") || unit.endsWith("/us") || unit.endsWith("/ns")
                || unit.endsWith("/min") || unit.endsWith("/hr")) {
            return HIGHER_IS_BETTER;
        }
        return NEUTRAL;
    }
}
