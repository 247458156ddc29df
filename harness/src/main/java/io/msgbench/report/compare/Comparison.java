package io.msgbench.report.compare;

import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.summary.ReportContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A base result file against a new one: scenarios paired by benchmark and parameters, and for each compared
 * metric a verdict. A regression (or an improvement) needs both: the change is significant — the 99 % bootstrap
 * interval of new/base, resampling forks and their iterations (never messages: they are autocorrelated), excludes
 * no change — and it is larger than the threshold. Which way is better follows from the unit.
 *
 * @param rows     one per pair and metric, in the base file's order
 * @param notes    what the reader must know: single forks, scenarios without a partner, metrics missing
 * @param warnings the self-diagnosis of the paired results (msgbench's {@code warnings}: a generator behind, a busy
 *                 host, a GC-bound worker...), each prefixed with its side and scenario: a verdict on a result
 *                 marked so is only as good as that run
 */
public record Comparison(List<Row> rows, List<String> notes, List<String> warnings) {
    /** Two-sided confidence of the interval. */
    public static final double CONFIDENCE = 0.99;

    public Comparison {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /**
     * What a metric did. A change counts when the interval excludes zero and the change exceeds the threshold; no
     * change is shown only when the whole interval lies within ± the threshold (equivalence); anything else is
     * inconclusive — the data cannot tell, which is not "no change".
     */
    public enum Verdict {
        UNCHANGED("unchanged"),
        IMPROVED("improved"),
        REGRESSED("regressed"),
        /** Significant and beyond the threshold, for a metric with no better direction (a count). */
        CHANGED("changed"),
        /** Neither a change nor its absence is shown: the interval is too wide for the threshold. */
        INCONCLUSIVE("inconclusive");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * @param change       new/base − 1
     * @param changeLow    lower end of the interval of the change
     * @param changeHigh   upper end
     * @param settle       for an inconclusive verdict, what would settle it (more forks), else empty
     */
    public record Row(String benchmark, String params, String metric, String unit, double base, double changed,
                      double change, double changeLow, double changeHigh, Verdict verdict, String settle) {
    }

    public boolean regressed() {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSED);
    }

    public boolean inconclusive() {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.INCONCLUSIVE);
    }

    /**
     * @param threshold the smallest relative change that counts (0.2 = 20 %)
     * @param metrics   the metrics to compare, or empty for each pair's defaults
     * @throws IllegalArgumentException one line when nothing can be compared
     */
    public static Comparison of(List<JmhBenchmarkResult> base, List<JmhBenchmarkResult> changed, double threshold,
                                List<String> metrics) {
        Map<String, JmhBenchmarkResult> byKey = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (JmhBenchmarkResult r : changed) {
            if (byKey.putIfAbsent(key(r), r) != null) {
                notes.add("NEW has " + label(r) + " more than once; the first is compared");
            }
        }
        Set<String> paired = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> singleFork = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        for (JmhBenchmarkResult b : base) {
            JmhBenchmarkResult n = byKey.get(key(b));
            if (n == null) {
                notes.add("only in BASE: " + label(b));
                continue;
            }
            if (!paired.add(key(b))) {
                continue;
            }
            warnings(b, "BASE", warnings);
            warnings(n, "NEW", warnings);
            for (String metric : metrics.isEmpty() ? ComparedMetrics.defaults(b) : metrics) {
                Replicates rb = ComparedMetrics.of(b, metric);
                Replicates rn = ComparedMetrics.of(n, metric);
                if (rb == null || rn == null) {
                    missing.add(metric + " (" + label(b) + ")");
                    continue;
                }
                if (rb.forks() < 2) {
                    singleFork.add("BASE");
                }
                if (rn.forks() < 2) {
                    singleFork.add("NEW");
                }
                rows.add(row(b, metric, rb, rn, threshold, Math.max(rb.forks(), rn.forks())));
            }
        }
        for (JmhBenchmarkResult n : changed) {
            if (!paired.contains(key(n))) {
                notes.add("only in NEW: " + label(n));
            }
        }
        if (paired.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no scenario (benchmark and parameters) is in both files");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no paired scenario has " + String.join(", ", metrics)
                    + "; metrics there are: " + String.join(", ", ComparedMetrics.available(base.get(0))));
        }
        missing.forEach(m -> notes.add("not compared, missing on a side: " + m));
        for (String side : singleFork) {
            notes.add(side + " has a single fork: its interval covers iterations only, not the run-to-run noise "
                    + "that forks show; run both with -f 3 or more for a verdict that holds across runs");
        }
        return new Comparison(rows, notes, warnings);
    }

    private static Row row(JmhBenchmarkResult b, String metric, Replicates rb, Replicates rn, double threshold,
                           int forks) {
        double base = rb.estimate();
        double changed = rn.estimate();
        SplittableRandom random = new SplittableRandom(0x6d7362L ^ (b.benchmark() + b.params() + metric).hashCode());
        double[] ratios = Bootstrap.sortedRatios(Bootstrap.resample(rb, random), Bootstrap.resample(rn, random));
        String unit = ComparedMetrics.unit(b, metric);
        Direction direction = Direction.ofUnit(unit == null ? "" : unit);
        double change = changed / base - 1;
        String label = ReportContent.paramsLabel(b);
        if (rb.sameData(rn)) {
            // the same data: no noise can stand between them
            return new Row(b.benchmark(), label, metric, unit, base, changed, 0, 0, 0, Verdict.UNCHANGED, "");
        }
        if (ratios.length == 0 || Double.isNaN(change) || Double.isInfinite(change)) {
            return new Row(b.benchmark(), label, metric, unit, base, changed, Double.NaN, Double.NaN, Double.NaN,
                    Verdict.INCONCLUSIVE, "a side has no value to compare");
        }
        double low = Bootstrap.quantile(ratios, (1 - CONFIDENCE) / 2) - 1;
        double high = Bootstrap.quantile(ratios, 1 - (1 - CONFIDENCE) / 2) - 1;
        Verdict verdict = verdict(change, low, high, threshold, direction);
        return new Row(b.benchmark(), label, metric, unit, base, changed, change, low, high, verdict,
                verdict == Verdict.INCONCLUSIVE ? settle(change, low, high, threshold, forks) : "");
    }

    /** The verdict on a change and its interval (fractions), for a metric whose better direction is {@code direction}. */
    static Verdict verdict(double change, double low, double high, double threshold, Direction direction) {
        boolean significant = low > 0 || high < 0;
        if (significant && Math.abs(change) > threshold) {
            return switch (direction) {
                case NEUTRAL -> Verdict.CHANGED;
                case HIGHER_IS_BETTER -> change > 0 ? Verdict.IMPROVED : Verdict.REGRESSED;
                case LOWER_IS_BETTER -> change < 0 ? Verdict.IMPROVED : Verdict.REGRESSED;
            };
        }
        return low >= -threshold && high <= threshold ? Verdict.UNCHANGED : Verdict.INCONCLUSIVE;
    }

    /**
     * How many forks would settle an inconclusive verdict: the interval narrows as one over the square root of the
     * forks, and must narrow to within the threshold around the change (to show no change) or to exclude zero (to
     * show it).
     */
    static String settle(double change, double low, double high, double threshold, int forks) {
        double half = (high - low) / 2;
        double room = Math.abs(change) < threshold ? threshold - Math.abs(change) : Math.abs(change);
        if (room <= 0 || half <= 0) {
            return "more forks on both sides";
        }
        double factor = Math.pow(half / room, 2);
        long needed = Math.max(Math.max(3, forks + 1), (long) Math.ceil(Math.max(1, forks) * factor));
        return needed > 100 * Math.max(1, forks) ? "a quieter machine, or a larger threshold: more forks alone would "
                + "need over " + 100 * Math.max(1, forks)
                : String.format(Locale.ROOT, "about -f %d on both sides (the interval is ±%.0f %% wide)", needed,
                        100 * half);
    }

    private static String key(JmhBenchmarkResult r) {
        return r.benchmark() + " " + new java.util.TreeMap<>(r.params());
    }

    /** The result's own warnings (none in JMH's files), as {@code SIDE label: line}. */
    private static void warnings(JmhBenchmarkResult r, String side, List<String> out) {
        if (r.extra() != null) {
            for (com.fasterxml.jackson.databind.JsonNode w : r.extra().path("warnings")) {
                out.add(side + " " + label(r) + ": " + w.asText());
            }
        }
    }

    private static String label(JmhBenchmarkResult r) {
        return r.benchmark() + (r.params().isEmpty() ? "" : " (" + ReportContent.paramsLabel(r) + ")");
    }

    /** e.g. {@code +12.3 %}. */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%+.1f %%", 100 * fraction);
    }
}
