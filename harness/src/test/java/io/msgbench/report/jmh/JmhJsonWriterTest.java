package io.msgbench.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the golden files cannot show: the extra key, omitted params, escaping, non-finite numbers, atomicity. */
class JmhJsonWriterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ObjectNode extra() {
        ObjectNode extra = NODES.objectNode();
        extra.put("harnessVersion", "0.1.0");
        ObjectNode config = extra.putObject("configuration");
        config.put("workload", "fixed \"rate\"\nline two");
        config.put("messageSize", 1024);
        config.put("rate", 1.9E9);
        config.putArray("brokers").add("localhost:9092").add(2);
        config.putObject("empty");
        config.putArray("none");
        extra.put("warmupOk", true);
        extra.putNull("scheduleDebt");
        return extra;
    }

    @Test
    void extraKeyIsWrittenLastInJmhStyle() {
        String json = JmhJsonWriter.toJson(List.of(JmhExamples.minimal().extra(extra()).build()));

        assertThat(json).endsWith(String.join("\n",
                "        \"secondaryMetrics\" : {",
                "        },",
                "        \"msgbench\" : {",
                "            \"harnessVersion\" : \"0.1.0\",",
                "            \"configuration\" : {",
                "                \"workload\" : \"fixed \\\"rate\\\"\\nline two\",",
                "                \"messageSize\" : 1024,",
                "                \"rate\" : 1.9E9,",
                "                \"brokers\" : [",
                "                    \"localhost:9092\",",
                "                    2",
                "                ],",
                "                \"empty\" : {",
                "                },",
                "                \"none\" : [",
                "                ]",
                "            },",
                "            \"warmupOk\" : true,",
                "            \"scheduleDebt\" : null",
                "        }",
                "    }",
                "]",
                "",
                "",
                ""));
    }

    @Test
    void extraKeyParsesBackWithTheReaderAndWithJackson() throws Exception {
        JmhBenchmarkResult result = JmhExamples.minimal().extra(extra()).build();
        String json = JmhJsonWriter.toJson(List.of(result, result.toBuilder().param("size", "16").build()));

        List<JmhBenchmarkResult> back = JmhJsonReader.parse(json, "test.json");
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(back.get(0)).isEqualTo(result);
        assertThat(back.get(0).extra()).isEqualTo(extra());
        assertThat(tree.get(1).get("msgbench")).isEqualTo(extra());
        List<String> keys = new ArrayList<>();
        tree.get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).endsWith("primaryMetric", "secondaryMetrics", "msgbench");
    }

    @Test
    void emptyOrAbsentExtraIsOmitted() {
        String absent = JmhJsonWriter.toJson(List.of(JmhExamples.minimal().build()));
        String empty = JmhJsonWriter.toJson(List.of(JmhExamples.minimal().extra(NODES.objectNode()).build()));

        assertThat(absent).doesNotContain("\"msgbench\" :").isEqualTo(empty);
    }

    @Test
    void paramsAreOmittedWhenEmptyAndKeptInOrderOtherwise() {
        String without = JmhJsonWriter.toJson(List.of(JmhExamples.minimal().build()));
        String with = JmhJsonWriter.toJson(List.of(JmhExamples.minimal().param("size", "16").param("codec", "a").build()));

        assertThat(without).doesNotContain("\"params\"");
        assertThat(with).contains("        \"params\" : {\n            \"size\" : \"16\",\n            \"codec\" : \"a\"\n        },\n");
    }

    @Test
    void nonFiniteNumbersAreJmhsStringsAndReadBack() {
        JmhMetric odd = new JmhMetric(Double.POSITIVE_INFINITY, Double.NaN, Double.NEGATIVE_INFINITY, Double.NaN,
                JmhStatistics.of(1.0).scorePercentiles(), "ops/s", new double[][] {{Double.NaN, -0.0}}, null);
        JmhBenchmarkResult result = JmhExamples.minimal().primaryMetric(odd).build();

        String json = JmhJsonWriter.toJson(List.of(result));

        assertThat(json).contains("\"score\" : \"+INF\",", "\"scoreError\" : \"NaN\",",
                "\"scoreConfidence\" : [\n                \"-INF\",\n                \"NaN\"\n            ],",
                "                    \"NaN\",\n                    -0.0\n");
        assertThat(JmhJsonReader.parse(json, "x.json")).containsExactly(result);
    }

    @Test
    void stringsAreJsonEscaped() throws Exception {
        JmhBenchmarkResult result = JmhExamples.minimal()
                .jvmArgs(List.of("-Dpath=C:\\tmp", "-Dq=\"x\"", "-Dtab=a\tb", "-Dlist=a,b[c]{d}"))
                .build();

        String json = JmhJsonWriter.toJson(List.of(result));

        assertThat(json).contains("\"-Dpath=C:\\\\tmp\"", "\"-Dq=\\\"x\\\"\"", "\"-Dtab=a\\tb\"", "\"-Dlist=a,b[c]{d}\"");
        assertThat(new ObjectMapper().readTree(json).get(0).get("jvmArgs").get(2).textValue()).isEqualTo("-Dtab=a\tb");
        assertThat(JmhJsonReader.parse(json, "x.json")).containsExactly(result);
    }

    @Test
    void emptyListIsJmhsEmptyFile() {
        assertThat(JmhJsonWriter.toJson(List.of())).isEqualTo("[\n]\n\n\n");
    }

    @Test
    void atomicWriteCreatesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results.json");
        List<JmhBenchmarkResult> results = JmhExamples.read("thrpt.json");

        JmhJsonWriter.writeAtomically(results, target);
        JmhJsonWriter.writeAtomically(results.subList(0, 1), target);

        assertThat(listing(dir)).containsExactly(target);
        assertThat(Files.readString(target)).isEqualTo(JmhJsonWriter.toJson(results.subList(0, 1)));
    }

    @Test
    void failureHalfWayLeavesThePreviousFileUntouched(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("results.json");
        JmhJsonWriter.writeAtomically(JmhExamples.read("avgt.json"), target);
        byte[] before = Files.readAllBytes(target);
        // ~90 kB of good results go to the temporary file before the last one fails to serialise.
        ObjectNode unwritable = NODES.objectNode();
        unwritable.putPOJO("notJson", new Object());
        List<JmhBenchmarkResult> results = new ArrayList<>(JmhExamples.read("result.json"));
        results.add(JmhExamples.minimal().extra(unwritable).build());

        assertThatThrownBy(() -> JmhJsonWriter.writeAtomically(results, target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POJO");

        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(listing(dir)).containsExactly(target);
    }

    @Test
    void failureOnANewFileLeavesNothing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("new.json");
        List<String> duringWrite = new ArrayList<>();

        assertThatThrownBy(() -> AtomicFiles.writeText(target, out -> {
            out.write("[\n".repeat(50_000));
            out.flush();
            for (Path p : listing(dir)) {
                duringWrite.add(p.getFileName() + " " + Files.size(p));
            }
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(duringWrite).singleElement().asString().matches("\\.new\\.json\\.[0-9a-f]+\\.tmp 100000");
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void resultsAreValidated() {
        JmhMetric histogram = JmhMetric.ofHistogram(List.of(List.of(List.of(new JmhMetric.HistogramEntry(1.0, 3)))), "us/op");

        assertThatThrownBy(() -> JmhExamples.minimal().mode("fast").build()).hasMessageContaining("unknown JMH mode 'fast'");
        assertThatThrownBy(() -> JmhExamples.minimal().primaryMetric(histogram).build()).hasMessageContaining("iff the mode is sample");
        assertThatThrownBy(() -> JmhExamples.minimal().secondaryMetric("h", histogram).build()).hasMessageContaining("secondary metric h has a histogram");
        assertThatThrownBy(() -> JmhBenchmarkResult.builder().benchmark("a.B.c").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("JMH result a.B.c lacks mode, warmup, measurement, primaryMetric");
        assertThat(JmhExamples.minimal().mode("sample").primaryMetric(histogram).build().mode()).isEqualTo("sample");
    }

    @Test
    void resultsAreImmutable() {
        ObjectNode extra = extra();
        double[][] raw = {{1.0, 2.0, 3.0}};
        JmhBenchmarkResult result = JmhExamples.minimal().primaryMetric(JmhMetric.ofIterations(raw, "ops/s")).extra(extra).build();

        extra.put("harnessVersion", "changed");
        raw[0][0] = 99.0;
        result.extra().put("harnessVersion", "changed too");
        result.primaryMetric().rawData()[0][1] = 99.0;

        assertThat(result.extra().get("harnessVersion").textValue()).isEqualTo("0.1.0");
        assertThat(result.primaryMetric().rawData()).isEqualTo(new double[][] {{1.0, 2.0, 3.0}});
    }

    @Test
    void timesAreSpelledAsJmhSpellsThem() {
        assertThat(JmhBenchmarkResult.timeValue(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(JmhBenchmarkResult.timeValue(Duration.ofMillis(100))).isEqualTo("100 ms");
        assertThat(JmhBenchmarkResult.timeValue(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(JmhBenchmarkResult.timeValue(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(JmhBenchmarkResult.timeValue(Duration.ofHours(1))).isEqualTo("1 hr");
        assertThat(JmhBenchmarkResult.timeValue(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(JmhBenchmarkResult.timeValue(Duration.ofNanos(1500))).isEqualTo("1500 ns");
        assertThat(JmhBenchmarkResult.timeValue(Duration.ZERO)).isEqualTo("0 s");
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
