package io.msgbench.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader accepts what JMH writes and says in one line where and why anything else is not a JMH file. */
class JmhJsonReaderTest {

    @Test
    void readsJmhsFieldsIncludingHistogramsAndNaN() {
        List<JmhBenchmarkResult> sample = JmhExamples.read("sample.json");
        List<JmhBenchmarkResult> fail = JmhExamples.read("fail.json");

        JmhBenchmarkResult s = sample.get(0);
        assertThat(s.mode()).isEqualTo("sample");
        assertThat(s.params()).containsExactly(java.util.Map.entry("codec", "b"), java.util.Map.entry("size", "256"));
        assertThat(s.primaryMetric().rawDataHistogram().get(0).get(0).get(0)).isEqualTo(new JmhMetric.HistogramEntry(0.07, 18));
        assertThat(s.secondaryMetrics()).containsKeys("p0.00", "p1.00");
        assertThat(s.extra()).isNull();
        JmhBenchmarkResult f = fail.get(0);
        assertThat(f.jvmArgs()).isEmpty();
        assertThat(f.params()).isEmpty();
        assertThat(f.primaryMetric().scoreError()).isNaN();
        assertThat(f.primaryMetric().scoreConfidence()).containsExactly(Double.NaN, Double.NaN);
        assertThat(fail.get(1).mode()).isEqualTo("ss");
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("avgt.json");
        Files.write(file, JmhExamples.bytes("avgt.json"));

        assertThat(JmhJsonReader.read(file)).isEqualTo(JmhExamples.read("avgt.json"));
    }

    @Test
    void unknownKeysAreIgnored() {
        String json = JmhExamples.text("avgt.json").replace("\"jmhVersion\" : \"1.37\",", "\"jmhVersion\" : \"1.37\",\n\"futureKey\" : {\"a\" : [1]},");

        assertThat(JmhJsonReader.parse(json, "avgt.json")).isEqualTo(JmhExamples.read("avgt.json"));
    }

    @Test
    void emptyFileIsExplained(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jmh-result.json");
        Files.createFile(file);

        assertOneLine(() -> JmhJsonReader.read(file))
                .hasMessage(file + ": not a JMH result file: it is empty (JMH leaves an empty file when a benchmark fails with -foe true)");
    }

    @Test
    void topLevelObjectIsNotAJmhFile() {
        assertOneLine(() -> JmhJsonReader.parse("{\"benchmark\" : \"x\"}", "r.json"))
                .hasMessage("r.json: not a JMH result file: expected a JSON array of results at the top level, found an object");
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertOneLine(() -> JmhJsonReader.parse("[\n    {\n        \"benchmark\" : \n", "r.json"))
                .hasMessageStartingWith("r.json: not valid JSON at line ");
        assertOneLine(() -> JmhJsonReader.parse("[] []", "r.json")).hasMessageStartingWith("r.json: not valid JSON");
        assertOneLine(() -> JmhJsonReader.parse(new byte[] {'[', (byte) 0xff, ']'}, "r.json"))
                .hasMessageStartingWith("r.json: not valid JSON");
    }

    @Test
    void missingFieldNamesItsPath() {
        String json = JmhExamples.text("avgt.json").replace("\"scoreUnit\" : \"ns/op\",", "");

        assertOneLine(() -> JmhJsonReader.parse(json, "avgt.json"))
                .hasMessage("avgt.json: [0].primaryMetric: missing \"scoreUnit\"");
    }

    @Test
    void wrongTypeNamesItsPathAndValue() {
        String badScore = JmhExamples.text("avgt.json").replace("\"score\" : 55.184435448442095", "\"score\" : \"fast\"");
        String badThreads = JmhExamples.text("avgt.json").replace("\"threads\" : 1", "\"threads\" : 1.5");
        String badMode = JmhExamples.text("avgt.json").replace("\"mode\" : \"avgt\"", "\"mode\" : \"all\"");

        assertOneLine(() -> JmhJsonReader.parse(badScore, "a.json"))
                .hasMessage("a.json: [0].primaryMetric.score: expected a number, found \"fast\"");
        assertOneLine(() -> JmhJsonReader.parse(badThreads, "a.json"))
                .hasMessage("a.json: [0].threads: expected an integer, found 1.5");
        assertOneLine(() -> JmhJsonReader.parse(badMode, "a.json"))
                .hasMessageStartingWith("a.json: [0]: unknown JMH mode 'all'");
    }

    @Test
    void badHistogramEntryNamesItsPath() {
        String json = JmhExamples.text("sample.json").replace("[ 0.07, 18 ],", "[ 0.07, 0 ],");

        assertOneLine(() -> JmhJsonReader.parse(json, "s.json"))
                .hasMessage("s.json: [0].primaryMetric.rawDataHistogram[0][0][0][1]: expected a positive integer count, found 0");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertOneLine(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        AbstractThrowableAssert<?, ? extends Throwable> a = assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
        a.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        return a;
    }
}
