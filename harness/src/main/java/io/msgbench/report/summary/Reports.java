package io.msgbench.report.summary;

import io.msgbench.report.ResultFormat;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import java.util.List;

/**
 * The reports and the CI tools' files, rendered from JMH-shaped results: during a run and from saved files alike.
 */
public final class Reports {
    private Reports() {
    }

    /** @throws IllegalArgumentException for a format that is not a report ({@link ResultFormat#isReport()}) */
    public static String render(ResultFormat format, List<JmhBenchmarkResult> results) {
        return switch (format) {
            case CSV -> CsvReport.of(results);
            case MD -> MarkdownReport.of(results);
            case HTML -> io.msgbench.report.html.HtmlReport.of(results);
            case BMF -> io.msgbench.report.ci.BencherMetricFormat.of(results);
            case GITHUB_SMALLER -> io.msgbench.report.ci.GithubActionBenchmark.of(results, true);
            case GITHUB_BIGGER -> io.msgbench.report.ci.GithubActionBenchmark.of(results, false);
            default -> throw new IllegalArgumentException("'" + format + "' is not rendered from results (csv, md, html, "
                    + "bmf, github-smaller, github-bigger)");
        };
    }
}
