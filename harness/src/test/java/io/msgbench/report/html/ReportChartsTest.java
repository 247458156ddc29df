package io.msgbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.report.jmh.JmhJsonReader;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportChartsTest {
    /**
     * A result without profiler figures has the charts of latency, rate and p99; with the os figures in its windows
     * the CPU chart comes too, with gc and broker figures also their charts.
     */
    @Test
    void profilerFiguresInThePeriodsAddTheirCharts() throws Exception {
        int without = ReportCharts.of(withProfile(Map.of())).size();
        assertThat(ReportCharts.of(withProfile(Map.of("os.cpu.host", 50.0, "os.loadgen.cpu", 20.0))))
                .hasSize(without + 1);
        assertThat(ReportCharts.of(withProfile(Map.of("os.cpu.host", 50.0, "os.cpus", 2.0, "broker.cpu", 0.5,
                "gc.alloc.rate", 30.0, "broker.handler.idle", 90.0)))).hasSize(without + 3);
    }

    /** The example result with {@code figures} under every window's {@code profile}. */
    private static java.util.List<io.msgbench.report.jmh.JmhBenchmarkResult> withProfile(Map<String, Double> figures)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode tree;
        try (InputStream in = ReportChartsTest.class.getResourceAsStream("/msgbench-examples/latency-two-forks.json")) {
            tree = json.readTree(in);
        }
        if (!figures.isEmpty()) {
            for (JsonNode result : tree) {
                for (JsonNode fork : result.path("msgbench").path("forks")) {
                    for (JsonNode iteration : fork.path("iterations")) {
                        // a file without report periods charts its iterations
                        for (JsonNode window : iteration.path("periods").isEmpty() ? java.util.List.of(iteration)
                                : iteration.path("periods")) {
                            ObjectNode profile = ((ObjectNode) window).putObject("profile");
                            figures.forEach(profile::put);
                        }
                    }
                }
            }
        }
        return JmhJsonReader.parse(json.writeValueAsBytes(tree), "latency-two-forks.json");
    }

    @Test
    void thePercentileAxisIsLabelledAsHdrHistogramLabelsIt() {
        assertThat(ReportCharts.percentileLabel(Math.log10(2))).isEqualTo("50%");
        assertThat(ReportCharts.percentileLabel(1)).isEqualTo("90%");
        assertThat(ReportCharts.percentileLabel(3)).isEqualTo("99.9%");
        assertThat(ReportCharts.percentileLabel(5)).isEqualTo("99.999%");
    }
}
