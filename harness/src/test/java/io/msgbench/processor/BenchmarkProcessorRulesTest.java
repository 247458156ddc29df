package io.msgbench.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.processor.TestCompiler.Result;
import io.msgbench.processor.TestCompiler.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule gives exactly one compile error, with its message, at the offending annotation value (or
 * annotation, or class). {@value #AT} in a case's source marks where the error must point; it is a
 * comment, so the source compiles the same with it.
 */
class BenchmarkProcessorRulesTest {
    private static final String AT = "/*>*/";
    private static final String HEADER = "package p;\nimport io.msgbench.api.*;\nimport java.util.concurrent.TimeUnit;\n\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                // workload sizes and counts
                workload("topics = " + AT + "0", "topics must be at least 1, was 0"),
                workload("partitionsPerTopic = " + AT + "0", "partitionsPerTopic must be at least 1, was 0"),
                workload("partitionsPerTopic = " + AT + "-4", "partitionsPerTopic must be at least 1, was -4"),
                workload("messageSize = " + AT + "16",
                        "messageSize 16 is smaller than the 32-byte stamp every message carries; use at least 32"),
                workload("messageSize = " + AT + "0",
                        "messageSize 0 is smaller than the 32-byte stamp every message carries; use at least 32"),
                workload("producersPerTopic = " + AT + "0", "producersPerTopic must be at least 1, was 0"),
                workload("subscriptionsPerTopic = " + AT + "-1", "subscriptionsPerTopic must be at least 0, was -1"),
                workload("consumersPerSubscription = " + AT + "0", "consumersPerSubscription must be at least 1, was 0"),
                workload("randomBytesRatio = " + AT + "1.5", "randomBytesRatio must be between 0 and 1, was 1.5"),
                workload("useRandomizedPayloads = true, randomizedPayloadPoolSize = " + AT + "0",
                        "randomizedPayloadPoolSize must be at least 1, was 0"),
                workload("consumerBacklogSizeGB = " + AT + "-1", "consumerBacklogSizeGB must be at least 0, was -1.0"),
                workload("backlogDrainRatio = " + AT + "-0.5", "backlogDrainRatio must be above 0 and at most 1, was -0.5"),
                // rate
                benchmark("@ProducerRate(" + AT + "0)", "producerRate must be a positive number of messages per second "
                        + "(max = true searches the maximum), was 0.0"),
                benchmark("@ProducerRate(value = " + AT + "-5)", "producerRate must be a positive number of messages "
                        + "per second (max = true searches the maximum), was -5.0"),
                benchmark("@ProducerRate(Double" + AT + ".POSITIVE_INFINITY)", // javac places a field access at its dot
                        "producerRate must be a positive number of messages per second (max = true searches the "
                                + "maximum), was Infinity"),
                benchmark("@ProducerRate(value = " + AT + "100, max = true)",
                        "@ProducerRate(max = true) searches the rate; give no value with it, was 100.0"),
                benchmark("@ProducerRate(value = 100, objective = " + AT + "\"p99<5ms\")",
                        "an objective applies to the maximum-rate search only: add max = true"),
                benchmark("@ProducerRate(max = true, objective = " + AT + "\"p99 under 5ms\")",
                        "objective 'p99 under 5ms' is not of the form [metric.]p<percentile><<limit><unit>, e.g. "
                                + "p99<50ms or publishLatency.p99.9<10ms (units ns, us, ms, s)"),
                source("no rate", "p.A", AT + "@Workload\npublic class A {}",
                        "a benchmark class needs @ProducerRate: a rate in messages per second, or max = true"),
                // iterations and forks
                benchmark("@Warmup(iterations = " + AT + "-2)", "@Warmup iterations must be at least 0 (or -1 for not set), was -2"),
                benchmark("@Warmup(time = " + AT + "0)", "@Warmup time must be at least 1 (or -1 for not set), was 0"),
                benchmark("@Measurement(iterations = " + AT + "0)",
                        "@Measurement iterations must be at least 1 (or -1 for not set), was 0"),
                benchmark("@Measurement(time = " + AT + "-3, timeUnit = TimeUnit.MINUTES)",
                        "@Measurement time must be at least 1 (or -1 for not set), was -3"),
                benchmark("@Fork(" + AT + "-2)", "@Fork must be at least 0 (or -1 for not set), was -2"),
                benchmark("@Timeout(time = " + AT + "0)", "@Timeout time must be at least 1 (or -1 for not set), was 0"),
                // parameters: alone, repeated (javac's synthesized container), in an explicit @Params
                benchmark("@Param(name = \"acks\", values = " + AT + "{})", "@Param acks must have at least one value, has none"),
                benchmark("@Param(name = \"a\", values = \"1\")\n@Param(name = \"b\", values = " + AT + "{})",
                        "@Param b must have at least one value, has none"),
                benchmark("@Param(name = \"a\", values = \"1\")\n@Param(name = " + AT + "\"a\", values = \"2\")",
                        "@Param a is declared twice; each name may be declared once"),
                benchmark("@Params({@Param(name = \"a\", values = \"1\"), @Param(name = " + AT + "\"a\", values = \"2\")})",
                        "@Param a is declared twice; each name may be declared once"),
                benchmark("@Param(name = " + AT + "\" \", values = \"1\")",
                        "@Param name must be a non-blank parameter name, was \" \""),
                benchmark("@Param(name = \"a\", values = \"1\")\n@Param(name = " + AT + "\"\", values = \"2\")",
                        "@Param name must be a non-blank parameter name, was \"\""),
                // the class
                source("abstract", "p.A", "@Workload @ProducerRate(5)\npublic abstract " + AT + "class A {}",
                        "a benchmark class must be concrete; A is abstract"),
                source("interface", "p.A", "@Workload @ProducerRate(5)\npublic " + AT + "interface A {}",
                        "a benchmark class must be concrete; A is abstract"),
                source("not public", "p.A", "@Workload @ProducerRate(5)\n" + AT + "class A {}",
                        "a benchmark class must be public; A is not"),
                source("inner", "p.Outer", "public class Outer {\n    @Workload @ProducerRate(5)\n    public " + AT
                        + "class Inner {}\n}", "a nested benchmark class must be static; Outer$Inner is an inner class"),
                source("rate without workload", "p.A", AT + "@ProducerRate(5)\npublic class A {}",
                        "@ProducerRate has no effect without @Workload; a benchmark class needs @Workload"),
                source("params without workload", "p.A", AT + "@Param(name = \"a\", values = \"1\")\n"
                        + "@Param(name = \"b\", values = \"2\")\npublic class A {}",
                        "@Param has no effect without @Workload; a benchmark class needs @Workload"),
                source("fork without workload", "p.A", "@Deprecated " + AT + "@Fork(2)\npublic class A {}",
                        "@Fork has no effect without @Workload; a benchmark class needs @Workload"));
    }

    /** A benchmark whose {@code @Workload} has {@code members}. */
    private static Arguments workload(String members, String message) {
        return source(members, "p.A", "@Workload(" + members + ")\n@ProducerRate(100)\npublic class A {}", message);
    }

    /** A valid {@code @Workload} with {@code annotations}, and a rate unless they give one. */
    private static Arguments benchmark(String annotations, String message) {
        String rate = annotations.contains("@ProducerRate") ? "" : "@ProducerRate(100)\n";
        return source(annotations, "p.A", "@Workload\n" + rate + annotations + "\npublic class A {}", message);
    }

    private static Arguments source(String name, String className, String body, String message) {
        return Arguments.of(name.replace(AT, "").replace("\n", " "), className, body, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneErrorAtTheOffendingValue(String name, String className, String body, String message, @TempDir Path out)
            throws IOException {
        String text = HEADER + body + "\n";
        Result result = TestCompiler.compile(out.resolve("classes"), new Source(className, text));

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).as(result.describe()).hasSize(1);
        Diagnostic<? extends JavaFileObject> error = result.errors().get(0);
        assertThat(error.getMessage(Locale.ROOT)).isEqualTo(message);
        String[] lines = text.split("\n", -1);
        int line = 0;
        while (!lines[line].contains(AT)) {
            line++;
        }
        assertThat(error.getLineNumber()).as("line of " + result.describe()).isEqualTo(line + 1);
        assertThat(error.getColumnNumber()).as("column of " + result.describe())
                .isEqualTo(lines[line].indexOf(AT) + AT.length() + 1);
        try (Stream<Path> generated = Files.walk(out)) {
            assertThat(generated.filter(Files::isRegularFile)).as("nothing generated for an invalid benchmark").isEmpty();
        }
    }
}
