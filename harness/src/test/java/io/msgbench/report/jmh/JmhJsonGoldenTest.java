package io.msgbench.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a real JMH 1.37 file and writing it back must give the same bytes: the format is sealed by JMH's output. */
class JmhJsonGoldenTest {

    static List<String> files() {
        return JmhExamples.FILES;
    }

    @ParameterizedTest
    @MethodSource("files")
    void writesBackJmhsExactBytes(String file) {
        String original = JmhExamples.text(file);

        String written = JmhJsonWriter.toJson(JmhExamples.read(file));

        assertThat(written).isEqualTo(original);
    }

    @ParameterizedTest
    @MethodSource("files")
    void atomicFileWriteGivesTheSameBytes(String file, @TempDir Path dir) throws Exception {
        Path target = dir.resolve("results.json");

        JmhJsonWriter.writeAtomically(JmhExamples.read(file), target);

        assertThat(Files.readAllBytes(target)).isEqualTo(JmhExamples.bytes(file));
    }

    @ParameterizedTest
    @MethodSource("files")
    void readingWhatWeWroteGivesEqualResults(String file) {
        List<JmhBenchmarkResult> results = JmhExamples.read(file);

        List<JmhBenchmarkResult> again = JmhJsonReader.parse(JmhJsonWriter.toJson(results), file);

        assertThat(again).isEqualTo(results);
    }

    @ParameterizedTest
    @MethodSource("files")
    void examplesEndAsJmhEndsThem(String file) {
        String text = new String(JmhExamples.bytes(file), StandardCharsets.UTF_8);

        // JMH's formatter leaves a blank line after "]" and println adds one more.
        assertThat(text).endsWith("    }\n]\n\n\n");
    }
}
