package io.msgbench.report.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.report.ResultFormat;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reports from real result files: {@code msgbench-examples/latency-two-forks.json} is msgbench's own output
 * ({@code LatencyTest -f 2 -wi 0 -i 2 -r 2s -p producerRate=500}), {@code jmh-examples/} are JMH 1.37's.
 */
class ReportsTest {
    static List<JmhBenchmarkResult> read(String resource) {
        try (InputStream in = ReportsTest.class.getResourceAsStream("/" + resource)) {
            return JmhJsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<JmhBenchmarkResult> MSGBENCH = read("msgbench-examples/latency-two-forks.json");

    @Test
    void csvHasJmhsColumnsAndOneRowPerScenarioWithTheSecondariesAsColumns() {
        String csv = Reports.render(ResultFormat.CSV, MSGBENCH);
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(csv).endsWith("\r\n").doesNotContain("\n\n");
        assertThat(lines).hasSize(3);
        List<String> header = cells(lines.get(0));
        assertThat(header.subList(0, 10)).containsExactly("\"Benchmark\"", "\"Mode\"", "\"Threads\"", "\"Samples\"",
                "\"Score\"", "\"Score Error (99.9%)\"", "\"Unit\"", "\"Param: acks\"", "\"Param: client\"",
                "\"Param: producerRate\"");
        assertThat(header).contains("\"publishRate (ops/s)\"", "\"messagesLost (#)\"", "\"publishLatency (ms/op)\"")
                .doesNotContain("\"endToEndLatencyCorrected (ms/op)\""); // the primary is the Score, not a column

        JmhBenchmarkResult acks1 = MSGBENCH.get(0);
        List<String> row = cells(lines.get(1));
        assertThat(row.subList(0, 3)).containsExactly("\"" + acks1.benchmark() + "\"", "\"sample\"", "1");
        // samples: one per message received
        assertThat(Long.parseLong(row.get(3))).isEqualTo((long) acks1.secondaryMetrics().get("messagesReceived").score());
        assertThat(Double.parseDouble(row.get(4))).isCloseTo(acks1.primaryMetric().score(),
                within(1e-6));
        assertThat(row.subList(6, 10)).containsExactly("\"ms/op\"", "1", "kafka", "500");
        assertThat(Double.parseDouble(row.get(header.indexOf("\"publishRate (ops/s)\""))))
                .isCloseTo(acks1.secondaryMetrics().get("publishRate").score(), within(1e-6));
    }

    @Test
    void csvOfJmhsOwnSampleModeFileCountsItsSamples() {
        List<JmhBenchmarkResult> jmh = read("jmh-examples/sample.json");
        String csv = Reports.render(ResultFormat.CSV, jmh);
        List<String> row = cells(csv.split("\r\n")[1]);
        long samples = jmh.get(0).primaryMetric().rawDataHistogram().stream().flatMap(List::stream)
                .flatMap(List::stream).mapToLong(e -> e.count()).sum();
        assertThat(row.get(3)).isEqualTo(Long.toString(samples));
        assertThat(row.get(1)).isEqualTo("\"sample\"");
    }

    @Test
    void markdownHasTheEnvironmentThenOneTablePerBenchmarkAndItsWarnings() {
        ObjectNode extra = MSGBENCH.get(1).extra();
        extra.putArray("warnings").add("iteration 2: generator behind schedule, publish delay p99 80.0 ms");
        List<JmhBenchmarkResult> results = List.of(MSGBENCH.get(0), MSGBENCH.get(1).withExtra(extra));

        String md = Reports.render(ResultFormat.MD, results);
        assertThat(md).startsWith("# Benchmark results\n\n| environment | |\n|---|---|\n| harness | msgbench dev |\n"
                + "| broker | embedded Kafka 4.4.0 |\n| clients | kafka (kafka-clients 4.4.0) |\n| JVM | 17.0.15,");
        assertThat(md).contains("\n## io.msgbench.benchmarks.LatencyTest.endToEndLatencyCorrected\n\nFixed rate, 2 × 2 s per fork;",
                "| acks | client | producerRate | publish msg/s | consume msg/s | publish MB/s | p50 ms | p99 ms | p99.9 ms | max ms | lost | errors |\n"
                        + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n| 1 | kafka | 500 | 500 | ",
                "\n| all | kafka | 500 | 500 | ",
                "\nWarnings:\n\n- acks=all, client=kafka, producerRate=500: iteration 2: generator behind schedule, "
                        + "publish delay p99 80.0 ms\n");
        // each row's p99 is the merged percentile of the result file, as printed everywhere
        double p99 = MSGBENCH.get(0).primaryMetric().scorePercentiles().get("99.0");
        assertThat(md).contains(" | " + io.msgbench.report.Figures.latency(p99) + " | ");
        // under the main table: every latency of every row, and each client's settings as it received them
        double publishP50 = MSGBENCH.get(0).secondaryMetrics().get("publishLatency").scorePercentiles().get("50.0");
        assertThat(md).contains("\n### Every latency\n\n| acks | client | producerRate | latency | p50 ms | p99 ms | p99.9 ms | max ms |\n",
                "| 1 | kafka | 500 | publishLatency | " + io.msgbench.report.Figures.latency(publishP50) + " | ",
                "\n### Effective client settings (each client's own names)\n\n| acks | client | producerRate | client library | producer | consumer |\n",
                "| 1 | kafka | 500 | kafka-clients 4.4.0 | acks=1,");
    }

    @Test
    void markdownOfJmhsOwnFileShowsScoreErrorAndUnit() {
        String md = Reports.render(ResultFormat.MD, read("jmh-examples/thrpt.json"));
        assertThat(md).startsWith("# Benchmark results\n\n| environment | |\n|---|---|\n| harness | JMH 1.37 |\n")
                .contains("| Mode | Score | Error (99.9%) | Unit |").contains("| thrpt | ");
    }

    @Test
    void htmlIsOneSelfContainedFileWithTheTablesAndInlineCharts() {
        String html = Reports.render(ResultFormat.HTML, MSGBENCH);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table class=\"results\">", "<td class=\"n\">500</td>");
        // nothing fetched from anywhere: no script, no style sheet or image by reference
        assertThat(html).doesNotContain("<script", "<link", "src=", "@import");
        assertThat(html.replace("url(#", "")).as("only references within the file").doesNotContain("url(");
        Matcher clip = Pattern.compile("<clipPath id=\"([^\"]+)\"").matcher(html);
        List<String> ids = new ArrayList<>();
        while (clip.find()) {
            ids.add(clip.group(1));
        }
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
                .replace("xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "")).doesNotContain("http://", "https://");
        // five latency distributions, two figures over time, two comparisons
        assertThat(count(html, "<svg")).isEqualTo(9);
        assertThat(html).doesNotContain("<?xml", "<!DOCTYPE svg");

        assertThat(count(Reports.render(ResultFormat.HTML, read("jmh-examples/sample.json")), "<svg"))
                .as("JMH's own sample-mode file: its distribution and a comparison").isEqualTo(2);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** RFC 4180 cells of one line, quotes kept. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(\"(?:[^\"]|\"\")*\"|[^,]*)(,|$)").matcher(line);
        while (m.find() && !(m.group(1).isEmpty() && m.group(2).isEmpty() && m.end() == line.length() && out.size() > 0
                && m.start() == line.length())) {
            out.add(m.group(1));
            if (m.group(2).isEmpty()) {
                break;
            }
        }
        return out;
    }
}
