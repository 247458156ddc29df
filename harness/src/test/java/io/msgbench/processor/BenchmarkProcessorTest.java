package io.msgbench.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.processor.TestCompiler.Result;
import io.msgbench.processor.TestCompiler.Source;
import io.msgbench.scenario.BenchmarkDefinition;
import io.msgbench.scenario.BenchmarkIndex;
import io.msgbench.scenario.ForkJvmArgs;
import io.msgbench.scenario.GeneratedBenchmark;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.WorkloadSpec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a valid compilation produces: generated classes that rebuild the definitions, and the merged index. */
class BenchmarkProcessorTest {
    private static final String HEADER = "package p;\nimport io.msgbench.api.*;\nimport java.util.concurrent.TimeUnit;\n\n";

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("classes");
    }

    private static Source benchmark(String simpleName, String annotations) {
        return new Source("p." + simpleName, HEADER + annotations + "\npublic class " + simpleName + " {}\n");
    }

    /** A valid benchmark that does not care about its settings. */
    private static Source simple(String simpleName) {
        return benchmark(simpleName, "@Workload @ProducerRate(100)");
    }

    private Result compile(Source... sources) {
        return TestCompiler.compile(out(), sources);
    }

    private List<String> index() throws IOException {
        return Files.readAllLines(out().resolve(BenchmarkIndex.RESOURCE), StandardCharsets.UTF_8);
    }

    private BenchmarkDefinition definitionOf(String generatedClass) throws ReflectiveOperationException, IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out().toUri().toURL()}, getClass().getClassLoader())) {
            Object generated = Class.forName(generatedClass, true, loader).getDeclaredConstructor().newInstance();
            return ((GeneratedBenchmark) generated).definition();
        }
    }

    /** The JVM arguments of the @Fork above; prepend not set. */
    private static final ForkJvmArgs FORK_JVM_ARGS = new ForkJvmArgs(null, List.of("-Xmx1g", "-Dq=\"x\""), List.of("-Da=b"));

    @Test
    void validBenchmarkCompilesWithoutWarningsIntoAGeneratedClassAndTheIndex() throws Exception {
        Result result = compile(benchmark("LatencyTest", """
                @Workload(topics = 2, partitionsPerTopic = 16, messageSize = 1024,
                          producersPerTopic = 3, subscriptionsPerTopic = 0, consumersPerSubscription = 4)
                @ProducerRate(10_000.5)
                @Param(name = "client", values = "kafka")
                @Param(name = "acks", values = {"1", "all"})
                @Warmup(iterations = 0, time = 1500, timeUnit = TimeUnit.MILLISECONDS)
                @Measurement(iterations = 3)
                @Fork(value = 0, jvmArgs = {"-Xmx1g", "-Dq=\\"x\\""}, jvmArgsAppend = "-Da=b")
                @Timeout(time = 2, timeUnit = TimeUnit.MINUTES)"""));

        assertThat(result.success()).as(result.describe()).isTrue();
        assertThat(result.diagnostics()).as(result.describe()).isEmpty();
        assertThat(TestCompiler.generatedSources(out()).resolve("p/LatencyTest_MsgbenchBenchmark.java")).isRegularFile();
        assertThat(index()).containsExactly(
                "# Written by io.msgbench.processor.BenchmarkProcessor: <benchmark class> <generated class>",
                "p.LatencyTest p.LatencyTest_MsgbenchBenchmark");

        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("client", List.of("kafka"));
        params.put("acks", List.of("1", "all"));
        BenchmarkDefinition expected = new BenchmarkDefinition("p.LatencyTest",
                new WorkloadSpec(2, 16, 1024, 3, 0, 4, 10_000.5), params,
                new IterationOverrides(0, Duration.ofMillis(1500), 3, null, 0, Duration.ofMinutes(2)), FORK_JVM_ARGS);
        assertThat(definitionOf("p.LatencyTest_MsgbenchBenchmark")).isEqualTo(expected);
        assertThat(definitionOf("p.LatencyTest_MsgbenchBenchmark").params().keySet()).containsExactly("client", "acks");
    }

    @Test
    void settingsLeftUnsetAreNull() throws Exception {
        Result result = compile(benchmark("Defaults", "@Workload @ProducerRate(1) @Warmup @Measurement(time = 2)"));

        assertThat(result.success()).as(result.describe()).isTrue();
        assertThat(definitionOf("p.Defaults_MsgbenchBenchmark")).isEqualTo(new BenchmarkDefinition("p.Defaults",
                new WorkloadSpec(1, 1, 1024, 1, 1, 1, 1), Map.of(),
                new IterationOverrides(null, null, null, Duration.ofSeconds(2), null, null), ForkJvmArgs.NONE));
    }

    @Test
    void stringsSurviveTheGeneratedSourceExactly() throws Exception {
        // Java source text inside the annotations: each value below is what javac hands the processor.
        String[][] cases = {
                {"\"q\\\"uote\"", "q\"uote"},
                {"\"back\\\\slash\"", "back\\slash"},
                {"\"not an escape: \\\\u0022\"", "not an escape: \\u0022"},
                {"\"line\\nbreak\\r\\ttab\\0nul\\u007fdel\"", "line\nbreak\r\ttab\0nul\u007fdel"},
                {"\"caf\u00e9 \u20ac \ud83d\ude00 \u2028\"", "caf\u00e9 \u20ac \ud83d\ude00 \u2028"},
                {"\"*/ /* // \\\\\"", "*/ /* // \\"},
        };
        StringBuilder annotations = new StringBuilder("@Workload @ProducerRate(1)\n");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < cases.length; i++) {
            annotations.append("@Param(name = ").append(cases[i][0]).append(", values = {\"v\", ")
                    .append(cases[i][0]).append("})\n");
            expected.put(cases[i][1], List.of("v", cases[i][1]));
        }
        Result result = TestCompiler.compile(out(), new Source("p.L\u00e4ufer",
                HEADER + annotations + "public class L\u00e4ufer {}\n"));

        assertThat(result.success()).as(result.describe()).isTrue();
        Path source = TestCompiler.generatedSources(out()).resolve("p/L\u00e4ufer_MsgbenchBenchmark.java");
        assertThat(Files.readString(source, StandardCharsets.ISO_8859_1)).as("ASCII only").matches("\\p{ASCII}*");
        BenchmarkDefinition definition = definitionOf("p.L\u00e4ufer_MsgbenchBenchmark");
        assertThat(definition.className()).isEqualTo("p.L\u00e4ufer");
        assertThat(definition.params()).containsExactlyEntriesOf(expected);
        assertThat(index()).contains("p.L\u00e4ufer p.L\u00e4ufer_MsgbenchBenchmark");
    }

    @Test
    void nestedBenchmarksAreFlattenedAndTheRunnerFindsThemAll() throws Exception {
        Result result = compile(new Source("p.Outer", HEADER + """
                public class Outer {
                    @Workload(messageSize = 100) @ProducerRate(5)
                    public static class Inner {
                        @Workload(messageSize = 200) @ProducerRate(6)
                        public static class Deeper {}
                    }
                }
                """), simple("Top"));

        assertThat(result.success()).as(result.describe()).isTrue();
        assertThat(index()).containsExactly(index().get(0),
                "p.Outer$Inner p.Outer_Inner_MsgbenchBenchmark",
                "p.Outer$Inner$Deeper p.Outer_Inner_Deeper_MsgbenchBenchmark",
                "p.Top p.Top_MsgbenchBenchmark");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out().toUri().toURL()}, getClass().getClassLoader())) {
            BenchmarkIndex runnerView = BenchmarkIndex.load(loader);
            assertThat(runnerView.all()).extracting(BenchmarkDefinition::className)
                    .containsExactly("p.Outer$Inner", "p.Outer$Inner$Deeper", "p.Top");
            assertThat(runnerView.all().get(1).workload().messageSize()).isEqualTo(200);
            assertThat(runnerView.all().get(1).simpleName()).isEqualTo("Outer$Inner$Deeper");
            assertThat(runnerView.matching(List.of("Inner$"))).extracting(BenchmarkDefinition::className)
                    .containsExactly("p.Outer$Inner");
        }
    }

    @Test
    void incrementalCompilationsMergeTheIndex() throws Exception {
        assertThat(compile(simple("A"), simple("B"), new Source("p.Outer", HEADER
                + "public class Outer {\n  @Workload @ProducerRate(1)\n  public static class Inner {}\n}\n")).success()).isTrue();
        assertThat(index()).containsExactly(index().get(0), "p.A p.A_MsgbenchBenchmark",
                "p.B p.B_MsgbenchBenchmark", "p.Outer$Inner p.Outer_Inner_MsgbenchBenchmark");

        // Only C is compiled: the other classes still exist (their class files are on the classpath).
        assertThat(compile(simple("C")).success()).isTrue();
        assertThat(index()).containsExactly(index().get(0), "p.A p.A_MsgbenchBenchmark",
                "p.B p.B_MsgbenchBenchmark", "p.C p.C_MsgbenchBenchmark",
                "p.Outer$Inner p.Outer_Inner_MsgbenchBenchmark");

        // B's source was deleted and the build removed its classes; A is recompiled without @Workload.
        Files.delete(out().resolve("p/B.class"));
        Files.delete(out().resolve("p/B_MsgbenchBenchmark.class"));
        assertThat(compile(new Source("p.A", HEADER + "public class A {}\n")).success()).isTrue();
        assertThat(index()).containsExactly(index().get(0), "p.C p.C_MsgbenchBenchmark",
                "p.Outer$Inner p.Outer_Inner_MsgbenchBenchmark");
    }

    @Test
    void aPreviousHandWrittenListIsReplaced() throws Exception {
        Files.createDirectories(out().resolve(BenchmarkIndex.RESOURCE).getParent());
        Files.writeString(out().resolve(BenchmarkIndex.RESOURCE), "# by hand\np.A\n");

        assertThat(compile(simple("A")).success()).isTrue();
        assertThat(index()).containsExactly(index().get(0), "p.A p.A_MsgbenchBenchmark");
    }

    @Test
    void classesWithoutMsgbenchAnnotationsAreIgnored() throws IOException {
        Result result = compile(new Source("p.Plain", HEADER + """
                @Deprecated
                public class Plain {
                    @SuppressWarnings("unused") private static class Nested {}
                }
                """));

        assertThat(result.success()).as(result.describe()).isTrue();
        assertThat(result.diagnostics()).as(result.describe()).isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out().relativize(p).toString()))
                    .containsExactlyInAnyOrder("p/Plain.class", "p/Plain$Nested.class");
        }
    }
}
