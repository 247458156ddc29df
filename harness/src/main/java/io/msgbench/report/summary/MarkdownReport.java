package io.msgbench.report.summary;

import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.summary.ReportContent.Section;
import java.util.List;

/** {@link ReportContent} as GitHub-flavoured Markdown, ready to paste into a pull request. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String of(List<JmhBenchmarkResult> results) {
        return of(ReportContent.of(results));
    }

    public static String of(ReportContent content) {
        StringBuilder out = new StringBuilder("# Benchmark results\n\n");
        out.append("| environment | |\n|---|---|\n");
        content.environment().forEach((k, v) -> out.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
        for (Section s : content.sections()) {
            out.append("\n## ").append(cell(s.benchmark())).append("\n\n").append(s.note()).append("\n\n");
            table(out, s.header(), s.numeric(), s.rows());
            if (!s.warnings().isEmpty()) {
                out.append("\nWarnings:\n\n");
                s.warnings().forEach(w -> out.append("- ").append(cell(w)).append('\n'));
            }
            for (ReportContent.Table t : s.details()) {
                out.append("\n### ").append(cell(t.title())).append("\n\n");
                table(out, t.header(), t.numeric(), t.rows());
            }
        }
        return out.toString();
    }

    private static void table(StringBuilder out, List<String> header, List<Boolean> numeric, List<List<String>> rows) {
        out.append('|');
        header.forEach(h -> out.append(' ').append(cell(h)).append(" |"));
        out.append("\n|");
        numeric.forEach(n -> out.append(n ? "---:|" : "---|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append('|');
            row.forEach(v -> out.append(' ').append(cell(v)).append(" |"));
            out.append('\n');
        }
    }

    /** A table cell: pipes escaped, no line breaks. */
    private static String cell(String v) {
        return v.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
