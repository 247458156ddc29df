package io.msgbench.runner;

import io.msgbench.report.jmh.JmhBenchmarkResult;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JMH's time syntax: a number with an optional unit ({@code 100ms}, {@code 1s}, {@code 2m} or
 * {@code 2min}, {@code 1hr}, {@code 500us}, {@code 10ns}, {@code 1day}); a bare number is seconds.
 * Printed back in JMH's result form, e.g. {@code "10 s"}, {@code "100 ms"}.
 */
final class TimeValues {
    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]*)\\s*");

    private TimeValues() {
    }

    static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time (examples: 10s, 100ms, 2m, 30)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "", "s", "sec" -> Duration.ofSeconds(n);
            case "ms" -> Duration.ofMillis(n);
            case "us", "µs" -> Duration.ofNanos(n * 1000);
            case "ns" -> Duration.ofNanos(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h", "hr" -> Duration.ofHours(n);
            case "d", "day" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("'" + text + "': unknown time unit '" + unit
                    + "' (ns, us, ms, s, m/min, hr, day)");
        };
    }

    /** JMH's result form, e.g. {@code "10 s"}: one implementation, the JSON writer's. */
    static String format(Duration d) {
        return JmhBenchmarkResult.timeValue(d);
    }

    /** JMH's "Total time" form: {@code 00:01:23}. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
