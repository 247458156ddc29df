package io.msgbench.report.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads JMH result files — JMH's own and msgbench's — into {@link JmhBenchmarkResult}s, e.g. for {@code compare}
 * or to check a file before it is published.
 *
 * <p>Lenient where JMH files vary: unknown keys are ignored, {@code params} and {@code secondaryMetrics} may be
 * absent, numbers may be the strings {@code "NaN"}, {@code "+INF"}, {@code "-INF"}. Strict about the rest: every
 * problem is one {@link IllegalArgumentException} line naming the file, the JSON path and what is wrong, e.g.
 * {@code results.json: [0].primaryMetric.score: expected a number, found "abc"}. The extra
 * {@value JmhBenchmarkResult#EXTRA_KEY} key is kept as a Jackson tree.
 */
public final class JmhJsonReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JmhJsonReader() {
    }

    /** Reads a JMH result file; I/O errors as {@link IOException}, format errors as {@link IllegalArgumentException}. */
    public static List<JmhBenchmarkResult> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /**
     * Parses JMH result JSON; {@code source} names it in error messages (a file name, or e.g. {@code "<stdin>"}).
     */
    public static List<JmhBenchmarkResult> parse(String json, String source) {
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    /** Parses the bytes of a JMH result file; Jackson detects the encoding, bad bytes are a JSON error. */
    public static List<JmhBenchmarkResult> parse(byte[] json, String source) {
        if (isBlank(json)) {
            throw new IllegalArgumentException(source + ": not a JMH result file: it is empty"
                    + " (JMH leaves an empty file when a benchmark fails with -foe true)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(source + ": not valid JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory: not expected
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException(source + ": not a JMH result file: expected a JSON array of results"
                    + " at the top level, found " + describe(root));
        }
        List<JmhBenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(new At(source, "[" + i + "]", root.get(i)).result());
        }
        return List.copyOf(results);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode node) {
        if (node.isContainerNode()) {
            return node.isArray() ? "an array" : "an object";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** A node with its path, so every error can say where it is. */
    private record At(String source, String path, JsonNode node) {

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(source + ": " + path + ": " + problem);
        }

        At get(String key) {
            JsonNode child = node.get(key);
            if (child == null) {
                throw error("missing \"" + key + "\"");
            }
            return new At(source, path + "." + key, child);
        }

        At get(int index) {
            return new At(source, path + "[" + index + "]", node.get(index));
        }

        At object() {
            if (!node.isObject()) {
                throw error("expected an object, found " + describe(node));
            }
            return this;
        }

        At array() {
            if (!node.isArray()) {
                throw error("expected an array, found " + describe(node));
            }
            return this;
        }

        String text() {
            if (!node.isTextual()) {
                throw error("expected a string, found " + describe(node));
            }
            return node.textValue();
        }

        int integer() {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw error("expected an integer, found " + describe(node));
            }
            return node.intValue();
        }

        long count() {
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1) {
                throw error("expected a positive integer count, found " + describe(node));
            }
            return node.longValue();
        }

        /** A JSON number, or JMH's spelling of a non-finite one. */
        double number() {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            if (node.isTextual()) {
                switch (node.textValue()) {
                    case "NaN":
                        return Double.NaN;
                    case "+INF":
                        return Double.POSITIVE_INFINITY;
                    case "-INF":
                        return Double.NEGATIVE_INFINITY;
                    default:
                        break;
                }
            }
            throw error("expected a number, found " + describe(node));
        }

        List<At> elements() {
            array();
            List<At> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                out.add(get(i));
            }
            return out;
        }

        /** The fields of an optional object; empty when the key is absent. */
        Map<String, At> fields(String key) {
            Map<String, At> out = new LinkedHashMap<>();
            if (node.has(key)) {
                At obj = get(key).object();
                for (Map.Entry<String, JsonNode> e : obj.node.properties()) {
                    out.put(e.getKey(), new At(source, obj.path + "." + e.getKey(), e.getValue()));
                }
            }
            return out;
        }

        JmhBenchmarkResult result() {
            object();
            Map<String, String> params = new LinkedHashMap<>();
            fields("params").forEach((k, v) -> params.put(k, v.text()));
            Map<String, JmhMetric> secondaries = new LinkedHashMap<>();
            fields("secondaryMetrics").forEach((k, v) -> secondaries.put(k, v.metric()));
            ObjectNode extra = null;
            if (node.has(JmhBenchmarkResult.EXTRA_KEY)) {
                extra = (ObjectNode) get(JmhBenchmarkResult.EXTRA_KEY).object().node;
            }
            try {
                return new JmhBenchmarkResult(
                        get("jmhVersion").text(),
                        get("benchmark").text(),
                        get("mode").text(),
                        get("threads").integer(),
                        get("forks").integer(),
                        get("jvm").text(),
                        get("jvmArgs").elements().stream().map(At::text).toList(),
                        get("jdkVersion").text(),
                        get("vmName").text(),
                        get("vmVersion").text(),
                        get("warmupIterations").integer(),
                        get("warmupTime").text(),
                        get("warmupBatchSize").integer(),
                        get("measurementIterations").integer(),
                        get("measurementTime").text(),
                        get("measurementBatchSize").integer(),
                        params,
                        get("primaryMetric").metric(),
                        secondaries,
                        extra);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(source + ": ")) {
                    throw e;
                }
                throw error(e.getMessage());
            }
        }

        JmhMetric metric() {
            object();
            Map<String, Double> percentiles = new LinkedHashMap<>();
            fields("scorePercentiles").forEach((k, v) -> percentiles.put(k, v.number()));
            List<At> confidence = get("scoreConfidence").elements();
            if (confidence.size() != 2) {
                throw get("scoreConfidence").error("expected [low, high], found " + confidence.size() + " values");
            }
            double[][] rawData = null;
            List<List<List<JmhMetric.HistogramEntry>>> histogram = null;
            if (node.has("rawDataHistogram")) {
                histogram = get("rawDataHistogram").elements().stream()
                        .map(fork -> fork.elements().stream()
                                .map(iteration -> iteration.elements().stream().map(At::histogramEntry).toList())
                                .toList())
                        .toList();
            } else if (node.has("rawData")) {
                rawData = get("rawData").elements().stream()
                        .map(fork -> fork.elements().stream().mapToDouble(At::number).toArray())
                        .toArray(double[][]::new);
            } else {
                throw error("missing \"rawData\" (or \"rawDataHistogram\")");
            }
            return new JmhMetric(get("score").number(), get("scoreError").number(), confidence.get(0).number(),
                    confidence.get(1).number(), percentiles, get("scoreUnit").text(), rawData, histogram);
        }

        JmhMetric.HistogramEntry histogramEntry() {
            List<At> pair = elements();
            if (pair.size() != 2) {
                throw error("expected [value, count], found " + pair.size() + " values");
            }
            return new JmhMetric.HistogramEntry(pair.get(0).number(), pair.get(1).count());
        }
    }
}
