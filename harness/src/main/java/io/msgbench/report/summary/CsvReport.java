package io.msgbench.report.summary;

import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhMetric;
import io.msgbench.report.jmh.JmhMetric.HistogramEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CSV as JMH writes it (RFC 4180, CRLF, {@code "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)",
 * "Unit","Param: ..."}, numbers with {@code %f}), but one row per scenario: each secondary metric is a column
 * {@code "<name> (<unit>)"} holding its score, instead of a row of its own.
 */
public final class CsvReport {
    private static final String DELIMITER = ",";
    private static final String NEWLINE = "\r\n";

    private CsvReport() {
    }

    public static String of(List<JmhBenchmarkResult> results) {
        Set<String> params = new TreeSet<>();
        Map<String, String> secondaryUnits = new LinkedHashMap<>();
        results.forEach(r -> params.addAll(r.params().keySet()));
        results.stream().flatMap(r -> r.secondaryMetrics().entrySet().stream())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> secondaryUnits.putIfAbsent(e.getKey(), e.getValue().scoreUnit()));

        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("Benchmark", "Mode", "Threads", "Samples", "Score",
                "Score Error (99.9%)", "Unit"));
        params.forEach(p -> header.add("Param: " + p));
        secondaryUnits.forEach((name, unit) -> header.add(name + " (" + unit + ")"));
        out.append(String.join(DELIMITER, header.stream().map(CsvReport::quoted).toList())).append(NEWLINE);

        for (JmhBenchmarkResult r : results) {
            List<String> row = new ArrayList<>();
            JmhMetric primary = r.primaryMetric();
            row.add(quoted(r.benchmark()));
            row.add(quoted(r.mode()));
            row.add(Integer.toString(r.threads()));
            row.add(Long.toString(samples(primary)));
            row.add(number(primary.score()));
            row.add(number(primary.scoreError()));
            row.add(quoted(primary.scoreUnit()));
            params.forEach(p -> row.add(r.params().containsKey(p) ? emit(r.params().get(p)) : ""));
            secondaryUnits.keySet().forEach(s -> {
                JmhMetric m = r.secondaryMetrics().get(s);
                row.add(m == null ? "" : number(m.score()));
            });
            out.append(String.join(DELIMITER, row)).append(NEWLINE);
        }
        return out.toString();
    }

    /** JMH's sample count: the samples of a histogram, otherwise the iterations of all forks. */
    static long samples(JmhMetric m) {
        if (m.rawDataHistogram() != null) {
            return m.rawDataHistogram().stream().flatMap(List::stream).flatMap(List::stream)
                    .mapToLong(HistogramEntry::count).sum();
        }
        long n = 0;
        for (double[] fork : m.rawData()) {
            n += fork.length;
        }
        return n;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%f", v);
    }

    private static String quoted(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** JMH quotes a parameter value only when it must. */
    private static String emit(String v) {
        boolean mustQuote = v.contains(DELIMITER) || v.contains(" ") || v.contains("\n") || v.contains("\r")
                || v.contains("\"");
        return mustQuote ? quoted(v) : v;
    }
}
