package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The option forms JMH users type, parsed without running anything. */
class RunCommandOptionsTest {
    private static RunCommand parse(String... args) {
        CommandLine cl = Main.commandLine();
        cl.parseArgs(args);
        return cl.getCommand();
    }

    @Test
    void jmhOptionNames() {
        RunCommand c = parse("LatencyTest", "Other.*", "-p", "client=kafka", "-p", "acks=1,all", "-wi", "1", "-i", "2",
                "-w", "5s", "-r", "500ms", "-rf", "json", "-rff", "r.json", "--bootstrap", "host:9092");
        assertThat(c.includes).containsExactly("LatencyTest", "Other.*");
        assertThat(c.params).containsExactly("client=kafka", "acks=1,all");
        assertThat(c.warmupIterations).isEqualTo(1);
        assertThat(c.measurementIterations).isEqualTo(2);
        assertThat(c.warmupTime).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.measurementTime).isEqualTo(Duration.ofMillis(500));
        assertThat(c.resultFormats).containsExactly("json");
        assertThat(c.resultFile.toString()).isEqualTo("r.json");
        assertThat(c.bootstrap).isEqualTo("host:9092");
    }

    @Test
    void forkOptions() {
        RunCommand c = parse("-f", "2", "-jvmArgs", "-Xmx1g -Dx=y", "-jvmArgsAppend", "-Da=b", "-jvmArgsPrepend",
                "-server", "-foe", "true");
        assertThat(c.forks).isEqualTo(2);
        assertThat(c.jvmArgs).isEqualTo("-Xmx1g -Dx=y");
        assertThat(c.failOnError).isTrue();
        assertThat(new ForkJvmArgs(List.of("-server"), List.of("-Xmx1g", "-Dx=y"), List.of("-Da=b")).effective())
                .containsExactly("-server", "-Xmx1g", "-Dx=y", "-Da=b");
        assertThat(parse("-foe", "false").failOnError).isFalse();
        assertThat(Main.run("-foe", "yes")).isEqualTo(1);
        assertThat(Main.run("-f", "-1", "NoSuchBenchmarkAnywhere")).isEqualTo(1);
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        RunCommand c = parse();
        assertThat(c.includes).isEmpty();
        assertThat(c.warmupIterations).isNull();
        assertThat(c.resultFormats).containsExactly("json");
        assertThat(c.verbosity()).isEqualTo(Verbosity.NORMAL);
    }

    @Test
    void repeatedParamsAccumulate() {
        assertThat(RunCommand.parseParams(List.of("acks=1", "acks=all", "client=kafka")))
                .containsExactly(java.util.Map.entry("acks", List.of("1", "all")), java.util.Map.entry("client", List.of("kafka")));
    }

    @Test
    void badInputIsOneLineAndExitCodeOne() {
        assertThat(Main.run("-wi", "many")).isEqualTo(1);
        assertThat(Main.run("-r", "5 parsecs")).isEqualTo(1);
        assertThat(Main.run("-p", "novalue")).isEqualTo(1);
        assertThat(Main.run("NoSuchBenchmarkAnywhere")).isEqualTo(1);
    }
}
