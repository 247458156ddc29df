package io.msgbench.report.html;

import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.summary.ReportContent;
import io.msgbench.report.summary.ReportContent.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ReportContent} as one self-contained HTML file: the tables of the Markdown report and, per benchmark,
 * its charts as inline SVG. No script, font or style sheet from anywhere else, so it opens offline.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
            th { background: #f2f2f2; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            .warnings { color: #a40000; }
            figure.chart { margin: 1em 0; }
            figure.chart svg { max-width: 100%; height: auto; }
            """;

    private HtmlReport() {
    }

    public static String of(List<JmhBenchmarkResult> results) {
        ReportContent content = ReportContent.of(results);
        Map<String, List<JmhBenchmarkResult>> byBenchmark = new LinkedHashMap<>();
        results.forEach(r -> byBenchmark.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r));

        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Benchmark results</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Benchmark results</h1>\n<table class=\"environment\">\n");
        content.environment().forEach((k, v) -> out.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v))
                .append("</td></tr>\n"));
        out.append("</table>\n");
        for (Section s : content.sections()) {
            out.append("<section class=\"benchmark\">\n<h2>").append(esc(s.benchmark())).append("</h2>\n<p>")
                    .append(esc(s.note())).append("</p>\n");
            table(out, "results", s.header(), s.numeric(), s.rows());
            if (!s.warnings().isEmpty()) {
                out.append("<ul class=\"warnings\">\n");
                s.warnings().forEach(w -> out.append("<li>").append(esc(w)).append("</li>\n"));
                out.append("</ul>\n");
            }
            for (String svg : ReportCharts.of(byBenchmark.get(s.benchmark()))) {
                out.append("<figure class=\"chart\">\n").append(svg).append("\n</figure>\n");
            }
            for (ReportContent.Table t : s.details()) {
                out.append("<h3>").append(esc(t.title())).append("</h3>\n");
                table(out, "details", t.header(), t.numeric(), t.rows());
            }
            out.append("</section>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder out, String kind, List<String> header, List<Boolean> numeric,
                              List<List<String>> rows) {
        out.append("<table class=\"").append(kind).append("\">\n<tr>");
        header.forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
        out.append("</tr>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append(numeric.get(c) ? "<td class=\"n\">" : "<td>").append(esc(row.get(c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static String esc(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
