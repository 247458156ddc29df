package io.msgbench.report.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real JMH 1.37 output files under {@code src/test/resources/jmh-examples/}, for golden tests. */
final class JmhExamples {

    /** Every example: one iteration, averaged, sample mode, two forks with profilers, a mixed run, a failed one. */
    static final List<String> FILES = List.of("avgt1.json", "avgt.json", "sample.json", "thrpt.json", "result.json", "fail.json");

    private JmhExamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = JmhExamples.class.getResourceAsStream("/jmh-examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /jmh-examples/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static List<JmhBenchmarkResult> read(String name) {
        return JmhJsonReader.parse(text(name), name);
    }

    /** A small valid result to vary in tests. */
    static JmhBenchmarkResult.Builder minimal() {
        return JmhBenchmarkResult.builder()
                .benchmark("io.msgbench.benchmarks.ThroughputTest.publishRate")
                .mode("thrpt")
                .jvm("/opt/java/bin/java")
                .jdkVersion("17.0.15")
                .vmName("OpenJDK 64-Bit Server VM")
                .vmVersion("17.0.15+6")
                .warmup(1, "10 s")
                .measurement(3, "10 s")
                .primaryMetric(JmhMetric.ofIterations(new double[][] {{1000.0, 1100.0, 1050.0}}, "ops/s"));
    }
}
