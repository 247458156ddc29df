package io.msgbench.report.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes JMH result files byte for byte as JMH 1.37 does, so that tools which diff, parse or display JMH files
 * (github-action-benchmark, jmh-visualizer, Bencher, Jenkins) cannot tell the difference.
 *
 * <p>JMH's layout: a top-level array; 4-space indentation; {@code "key" : value}; every array and object
 * element on its own line, closing brackets on their own line (so an empty array or object spans two lines);
 * except the {@code [ value, count ]} pairs of {@code rawDataHistogram}, kept inline; doubles as
 * {@link Double#toString} and non-finite ones as the strings {@code "NaN"}, {@code "+INF"}, {@code "-INF"};
 * after the closing {@code ]} three newlines. The extra {@value JmhBenchmarkResult#EXTRA_KEY} object follows
 * the same rules.
 *
 * <p>One deliberate difference: strings are escaped as JSON requires. JMH escapes {@code "} and {@code \} the
 * same way but silently drops control characters, and it does not escape parameter values, units or names at
 * all (a parameter value with a comma breaks JMH's file); ordinary strings come out identical.
 */
public final class JmhJsonWriter {

    private JmhJsonWriter() {
    }

    /** The file content for {@code results}. */
    public static String toJson(List<JmhBenchmarkResult> results) {
        StringBuilder sb = new StringBuilder();
        try {
            write(results, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /** Streams the file content for {@code results} to {@code out}. */
    public static void write(List<JmhBenchmarkResult> results, Appendable out) throws IOException {
        Emitter e = new Emitter(out);
        e.open(null, '[');
        for (JmhBenchmarkResult r : results) {
            writeResult(e, r);
        }
        e.close(']');
        out.append("\n\n\n");
    }

    /**
     * Writes {@code results} to {@code file} atomically ({@link AtomicFiles}): on any failure, including a
     * result that cannot be serialised, the previous file stays as it was and no temporary file remains.
     */
    public static void writeAtomically(List<JmhBenchmarkResult> results, Path file) throws IOException {
        AtomicFiles.writeText(file, out -> write(results, out));
    }

    private static void writeResult(Emitter e, JmhBenchmarkResult r) throws IOException {
        e.open(null, '{');
        e.field("jmhVersion", string(r.jmhVersion()));
        e.field("benchmark", string(r.benchmark()));
        e.field("mode", string(r.mode()));
        e.field("threads", Integer.toString(r.threads()));
        e.field("forks", Integer.toString(r.forks()));
        e.field("jvm", string(r.jvm()));
        e.open("jvmArgs", '[');
        for (String arg : r.jvmArgs()) {
            e.value(string(arg));
        }
        e.close(']');
        e.field("jdkVersion", string(r.jdkVersion()));
        e.field("vmName", string(r.vmName()));
        e.field("vmVersion", string(r.vmVersion()));
        e.field("warmupIterations", Integer.toString(r.warmupIterations()));
        e.field("warmupTime", string(r.warmupTime()));
        e.field("warmupBatchSize", Integer.toString(r.warmupBatchSize()));
        e.field("measurementIterations", Integer.toString(r.measurementIterations()));
        e.field("measurementTime", string(r.measurementTime()));
        e.field("measurementBatchSize", Integer.toString(r.measurementBatchSize()));
        if (!r.params().isEmpty()) {
            e.open("params", '{');
            for (Map.Entry<String, String> p : r.params().entrySet()) {
                e.field(p.getKey(), string(p.getValue()));
            }
            e.close('}');
        }
        writeMetric(e, "primaryMetric", r.primaryMetric());
        e.open("secondaryMetrics", '{');
        for (Map.Entry<String, JmhMetric> m : r.secondaryMetrics().entrySet()) {
            writeMetric(e, m.getKey(), m.getValue());
        }
        e.close('}');
        JsonNode extra = r.extra();
        if (extra != null) {
            writeNode(e, JmhBenchmarkResult.EXTRA_KEY, extra);
        }
        e.close('}');
    }

    private static void writeMetric(Emitter e, String name, JmhMetric m) throws IOException {
        e.open(name, '{');
        e.field("score", number(m.score()));
        e.field("scoreError", number(m.scoreError()));
        e.open("scoreConfidence", '[');
        e.value(number(m.scoreConfidenceLow()));
        e.value(number(m.scoreConfidenceHigh()));
        e.close(']');
        e.open("scorePercentiles", '{');
        for (Map.Entry<String, Double> p : m.scorePercentiles().entrySet()) {
            e.field(p.getKey(), number(p.getValue()));
        }
        e.close('}');
        e.field("scoreUnit", string(m.scoreUnit()));
        if (m.hasHistogram()) {
            e.open("rawDataHistogram", '[');
            for (List<List<JmhMetric.HistogramEntry>> fork : m.rawDataHistogram()) {
                e.open(null, '[');
                for (List<JmhMetric.HistogramEntry> iteration : fork) {
                    e.open(null, '[');
                    for (JmhMetric.HistogramEntry entry : iteration) {
                        e.value("[ " + number(entry.value()) + ", " + entry.count() + " ]");
                    }
                    e.close(']');
                }
                e.close(']');
            }
        } else {
            e.open("rawData", '[');
            for (double[] fork : m.rawData()) {
                e.open(null, '[');
                for (double v : fork) {
                    e.value(number(v));
                }
                e.close(']');
            }
        }
        e.close(']');
        e.close('}');
    }

    /** Renders a Jackson tree in JMH's style; {@code key} is null for array elements. */
    private static void writeNode(Emitter e, String key, JsonNode node) throws IOException {
        if (node.isObject()) {
            e.open(key, '{');
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                writeNode(e, field.getKey(), field.getValue());
            }
            e.close('}');
        } else if (node.isArray()) {
            e.open(key, '[');
            for (JsonNode element : node) {
                writeNode(e, null, element);
            }
            e.close(']');
        } else {
            String scalar = scalar(node);
            if (key == null) {
                e.value(scalar);
            } else {
                e.field(key, scalar);
            }
        }
    }

    private static String scalar(JsonNode node) {
        if (node.isTextual()) {
            return string(node.textValue());
        } else if (node.isDouble()) {
            return number(node.doubleValue());
        } else if (node.isFloat()) {
            float f = node.floatValue();
            return Float.isFinite(f) ? Float.toString(f) : number(f);
        } else if (node.isNumber()) {
            return node.numberValue().toString(); // integers and BigDecimal: valid JSON as they print
        } else if (node.isBoolean()) {
            return Boolean.toString(node.booleanValue());
        } else if (node.isNull()) {
            return "null";
        }
        throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node into the "
                + JmhBenchmarkResult.EXTRA_KEY + " key; use objects, arrays, strings, numbers, booleans and null");
    }

    /** JMH's number format: {@link Double#toString}, non-finite values as strings. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "\"NaN\"";
        } else if (d == Double.POSITIVE_INFINITY) {
            return "\"+INF\"";
        } else if (d == Double.NEGATIVE_INFINITY) {
            return "\"-INF\"";
        }
        return Double.toString(d);
    }

    /** A JSON string literal. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Places commas, newlines and indentation as JMH's formatter does: each element starts on a new line
     * (preceded by a comma unless first), a container closes on a new line at its opener's indentation.
     */
    private static final class Emitter {
        private static final String INDENT = "    ";

        private final Appendable out;
        private final BitSet hasElements = new BitSet();
        private int depth;

        Emitter(Appendable out) {
            this.out = out;
        }

        void open(String key, char bracket) throws IOException {
            startElement();
            if (key != null) {
                out.append(string(key)).append(" : ");
            }
            out.append(bracket);
            depth++;
            hasElements.clear(depth);
        }

        void close(char bracket) throws IOException {
            depth--;
            out.append('\n');
            indent();
            out.append(bracket);
        }

        void field(String key, String rawValue) throws IOException {
            startElement();
            out.append(string(key)).append(" : ").append(rawValue);
        }

        void value(String rawValue) throws IOException {
            startElement();
            out.append(rawValue);
        }

        private void startElement() throws IOException {
            if (depth == 0) {
                return;
            }
            out.append(hasElements.get(depth) ? ",\n" : "\n");
            hasElements.set(depth);
            indent();
        }

        private void indent() throws IOException {
            for (int i = 0; i < depth; i++) {
                out.append(INDENT);
            }
        }
    }
}
