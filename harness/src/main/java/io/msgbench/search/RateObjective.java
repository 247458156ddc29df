package io.msgbench.search;

import io.msgbench.metrics.LatencyMetric;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A latency objective for the maximum-rate search: the highest rate whose latency percentile stays
 * below a limit, e.g. {@code p99<50ms}, {@code p99.9<200ms}, {@code publishLatency.p99<10ms}.
 *
 * @param metric     the latency, or null for the scenario's primary latency
 * @param percentile 0 &lt; percentile &lt; 100... or 100 for the maximum ({@code p100})
 * @param limitNanos the percentile must be below this
 */
public record RateObjective(LatencyMetric metric, double percentile, long limitNanos) {
    private static final Pattern SYNTAX = Pattern.compile(
            "(?:([A-Za-z]+)\\.)?p(\\d+(?:\\.\\d+)?)\\s*<\\s*(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)");

    public RateObjective {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("objective percentile must be in (0, 100], was " + percentile);
        }
        if (limitNanos <= 0) {
            throw new IllegalArgumentException("objective limit must be positive, was " + limitNanos + " ns");
        }
    }

    /** Parses {@code [metric.]p<percentile><<number><ns|us|ms|s>}; the message says what is wrong. */
    public static RateObjective parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("objective '" + text + "' is not of the form [metric.]p<percentile>"
                    + "<<limit><unit>, e.g. p99<50ms or publishLatency.p99.9<10ms (units ns, us, ms, s)");
        }
        LatencyMetric metric = null;
        if (m.group(1) != null) {
            try {
                metric = LatencyMetric.byResultName(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("objective '" + text + "': unknown latency '" + m.group(1)
                        + "'; known: " + String.join(", ", LatencyMetric.resultNames()));
            }
        }
        double limit = Double.parseDouble(m.group(3));
        TimeUnit unit = switch (m.group(4)) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us", "µs" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            default -> TimeUnit.SECONDS;
        };
        return new RateObjective(metric, Double.parseDouble(m.group(2)), Math.round(limit * unit.toNanos(1)));
    }

    /** The latency this objective is about, {@code primary} when none was named. */
    public LatencyMetric metricOr(LatencyMetric primary) {
        return metric == null ? primary : metric;
    }

    @Override
    public String toString() {
        String p = percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
        return (metric == null ? "" : metric.resultName() + ".") + "p" + p + "<"
                + String.format(Locale.ROOT, "%.6g", limitNanos / 1e6).replaceAll("\\.?0+$", "") + "ms";
    }
}
