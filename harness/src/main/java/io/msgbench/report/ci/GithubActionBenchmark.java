package io.msgbench.report.ci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * github-action-benchmark's custom JSON ({@code [{name, unit, value, range, extra}]}): one file for its tool
 * {@code customSmallerIsBetter} (the latency percentiles), one for {@code customBiggerIsBetter} (the rates), since the
 * action takes one tool per file.
 */
public final class GithubActionBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GithubActionBenchmark() {
    }

    /** @param smallerIsBetter the latencies' file ({@code customSmallerIsBetter}), else the rates' */
    public static String of(List<JmhBenchmarkResult> results, boolean smallerIsBetter) {
        ArrayNode entries = JSON.createArrayNode();
        for (CiMeasures.Measure m : CiMeasures.of(results)) {
            if (m.smallerIsBetter() != smallerIsBetter) {
                continue;
            }
            ObjectNode e = entries.addObject();
            e.put("name", m.benchmark() + " " + m.metric() + (m.percentile().isEmpty() ? "" : " " + m.percentile()));
            e.put("unit", m.unit());
            e.put("value", m.value());
            if (Double.isFinite(m.lower()) && Double.isFinite(m.upper())) {
                e.put("range", String.format(Locale.ROOT, "± %.4g", Math.max(m.upper() - m.value(),
                        m.value() - m.lower())));
            }
            e.put("extra", m.detail());
        }
        try {
            return JSON.writeValueAsString(entries) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
