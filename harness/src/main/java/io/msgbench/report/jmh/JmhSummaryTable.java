package io.msgbench.report.jmh;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table JMH prints at the end of a run ({@code Benchmark (params) Mode Cnt Score Error Units}), from the results
 * the JSON holds: a row for each benchmark's primary metric, then one per secondary metric, labelled
 * {@code Benchmark:secondary}, sorted by name, as JMH 1.37 prints them. Benchmark names lose the package all of them
 * share; a parameter a benchmark lacks is {@code N/A}.
 */
public final class JmhSummaryTable {
    private JmhSummaryTable() {
    }

    /** The table's lines, header first. */
    public static List<String> lines(List<JmhBenchmarkResult> results) {
        Set<String> params = new LinkedHashSet<>();
        results.forEach(r -> params.addAll(r.params().keySet()));
        String prefix = commonPackage(results);
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Benchmark"));
        params.forEach(p -> header.add("(" + p + ")"));
        header.addAll(List.of("Mode", "Cnt", "Score", "", "Error", "Units"));
        rows.add(header.toArray(String[]::new));
        for (JmhBenchmarkResult r : results) {
            String name = r.benchmark().substring(prefix.length());
            rows.add(row(name, r, params, r.primaryMetric(), true));
            r.secondaryMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> rows.add(row(name + ":" + e.getKey(), r, params, e.getValue(), false)));
        }
        int columns = header.size();
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                boolean left = c == 0 || c == columns - 1;
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                b.append(c == 0 ? "" : " ").append(left ? cell + pad : pad + cell);
            }
            lines.add(b.toString().stripTrailing());
        }
        return lines;
    }

    private static String[] row(String name, JmhBenchmarkResult r, Set<String> params, JmhMetric m, boolean primary) {
        List<String> cells = new ArrayList<>(List.of(name));
        params.forEach(p -> cells.add(r.params().getOrDefault(p, "N/A")));
        boolean hasError = Double.isFinite(m.scoreError());
        cells.add(r.mode());
        cells.add(count(m, primary));
        cells.add(score(m.score()));
        cells.add(hasError ? "±" : "");
        cells.add(hasError ? score(m.scoreError()) : "");
        cells.add(m.scoreUnit());
        return cells.toArray(String[]::new);
    }

    /** JMH's Cnt: the samples of a histogram primary, else the iteration values behind a score with an error. */
    private static String count(JmhMetric m, boolean primary) {
        if (primary && m.rawDataHistogram() != null) {
            long n = 0;
            for (List<List<JmhMetric.HistogramEntry>> fork : m.rawDataHistogram()) {
                for (List<JmhMetric.HistogramEntry> iteration : fork) {
                    for (JmhMetric.HistogramEntry e : iteration) {
                        n += e.count();
                    }
                }
            }
            return Long.toString(n);
        }
        if (m.rawData() == null || !Double.isFinite(m.scoreError())) {
            return "";
        }
        int n = 0;
        for (double[] fork : m.rawData()) {
            n += fork.length;
        }
        return Integer.toString(n);
    }

    /** JMH's score format: three decimals, {@code ≈ 0} for what rounds to nothing but is not zero, {@code NaN}. */
    static String score(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v != 0 && Math.abs(v) < 0.0005) {
            return "≈ 0";
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The package every benchmark's name starts with, dot included, or nothing. */
    private static String commonPackage(List<JmhBenchmarkResult> results) {
        String prefix = null;
        for (JmhBenchmarkResult r : results) {
            String name = r.benchmark();
            // the class is the part before the method (JMH names are package.Class.method)
            int method = name.lastIndexOf('.');
            int cls = method <= 0 ? -1 : name.lastIndexOf('.', method - 1);
            String pkg = cls < 0 ? "" : name.substring(0, cls + 1);
            prefix = prefix == null ? pkg : common(prefix, pkg);
        }
        return prefix == null ? "" : prefix;
    }

    private static String common(String a, String b) {
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        String shared = a.substring(0, n);
        return shared.substring(0, shared.lastIndexOf('.') + 1);
    }
}
