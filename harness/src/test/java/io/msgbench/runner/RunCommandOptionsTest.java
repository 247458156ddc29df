package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.report.ResultFormat;
import io.msgbench.scenario.ForkJvmArgs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The option forms JMH users type, parsed without running anything. */
class RunCommandOptionsTest {
    private static RunCommand parse(String... args) {
        return parse(Map.of(), args);
    }

    private static RunCommand parse(Map<String, String> environment, String... args) {
        CommandLine cl = Main.commandLine(environment);
        cl.parseArgs(Main.normalize(cl, args));
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
    void valuesGluedToTheirOptionAsJmhAcceptsThem() {
        RunCommand c = parse("-f2", "-wi1", "-i3", "-r5s", "-w100ms", "-t4", "-rff", "x.json");
        assertThat(c.forks).isEqualTo(2);
        assertThat(c.warmupIterations).isEqualTo(1);
        assertThat(c.measurementIterations).isEqualTo(3);
        assertThat(c.measurementTime).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.warmupTime).isEqualTo(Duration.ofMillis(100));
        assertThat(c.threads).isEqualTo(4);
        // values of options are never split, even when they look like glued options
        assertThat(parse("-jvmArgs", "-f2").jvmArgs).isEqualTo("-f2");
    }

    @Test
    void remainingJmhOptions() {
        RunCommand c = parse("-e", "Foo,Bar", "-e", "Baz", "-t", "2", "-to", "45s", "-tu", "us", "-o", "out.txt",
                "-lp", "-v", "EXTRA");
        assertThat(c.excludes).containsExactly("Foo", "Bar", "Baz");
        assertThat(c.threads).isEqualTo(2);
        assertThat(c.timeout).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.timeUnit).isEqualTo(java.util.concurrent.TimeUnit.MICROSECONDS);
        assertThat(c.output.toString()).isEqualTo("out.txt");
        assertThat(c.listWithParams).isTrue();
        assertThat(c.verbosity()).isEqualTo(Verbosity.EXTRA);
        refused("ERROR: Invalid value for option '--time-unit': 'parsecs' is not a time unit", "-tu", "parsecs");
        refused("ERROR: -t must be at least 1, was 0", "-t", "0");
    }

    @Test
    void environmentIsBetweenCommandLineAndAnnotations() {
        Map<String, String> env = Map.of("MSGBENCH_FORKS", "3", "MSGBENCH_WARMUP_ITERATIONS", "2",
                "MSGBENCH_BOOTSTRAP", "h:1", "MSGBENCH_RESULT_FORMAT", "json");
        RunCommand fromEnvironment = parse(env);
        assertThat(fromEnvironment.forks).isEqualTo(3);
        assertThat(fromEnvironment.warmupIterations).isEqualTo(2);
        assertThat(fromEnvironment.bootstrap).isEqualTo("h:1");
        RunCommand commandLineWins = parse(env, "-f", "1");
        assertThat(commandLineWins.forks).isEqualTo(1);
        assertThat(commandLineWins.warmupIterations).isEqualTo(2);
        assertThat(parse(Map.of()).forks).isNull(); // nothing given: the annotations and defaults decide
    }

    @Test
    void helpListsTheEnvironmentVariables() {
        String help = Main.commandLine(Map.of()).getUsageMessage();
        assertThat(help).contains("MSGBENCH_FORKS", "MSGBENCH_WARMUP_ITERATIONS", "MSGBENCH_BOOTSTRAP", "-jvmArgs",
                "-foe", "-lp", "Exit codes");
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
        // each part from the highest source that gives it: command line over @Fork, @Fork over the host JVM
        ForkJvmArgs annotation = new ForkJvmArgs(List.of("-ea"), List.of("-Xmx2g"), List.of("-Dann=1"));
        assertThat(new ForkJvmArgs(null, List.of("-Xmx1g"), null).over(annotation).effective())
                .containsExactly("-ea", "-Xmx1g", "-Dann=1");
        assertThat(ForkJvmArgs.NONE.over(ForkJvmArgs.NONE).effective())
                .isEqualTo(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        assertThat(parse("-foe", "false").failOnError).isFalse();
        refused("ERROR: Invalid value for option '--fail-on-error'", "-foe", "yes");
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
    void resultFormatsAreCommaSeparatedOrRepeatedAndCheckedByName() {
        RunCommand c = parse("-rf", "json,omb", "-rf", "OMB", "--report-interval", "2s");
        assertThat(c.resultFormats).containsExactly("json", "omb", "OMB");
        assertThat(c.resultFormats.stream().map(ResultFormat::of).distinct())
                .containsExactly(ResultFormat.JSON, ResultFormat.OMB);
        assertThat(c.reportInterval).isEqualTo(Duration.ofSeconds(2));
        assertThat(parse().reportInterval).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> ResultFormat.of("latex"))
                .hasMessage("Result format 'latex' is not supported; supported: json, csv, md, html, omb, bmf, "
                        + "github-smaller, github-bigger");
    }

    @Test
    void repeatedParamsAccumulate() {
        assertThat(RunCommand.parseParams(List.of("acks=1", "acks=all", "client=kafka")))
                .containsExactly(java.util.Map.entry("acks", List.of("1", "all")), java.util.Map.entry("client", List.of("kafka")));
    }

    /**
     * Each bad option reaches the code that names it (no benchmark exists in this module, so a check that came after
     * the benchmarks were matched would say "No matching benchmarks" instead) and says so in one line.
     */
    @Test
    void badInputIsOneLineAndExitCodeOne() {
        refused("ERROR: Invalid value for option '--warmup-iterations': 'many' is not an int", "-wi", "many");
        refused("ERROR: Invalid value for option '--measurement-time': '5 parsecs'", "-r", "5 parsecs");
        refused("ERROR: -p novalue: expected name=value[,value...]", "-p", "novalue");
        refused("No matching benchmarks", "NoSuchBenchmarkAnywhere");
        refused("ERROR: no-such-file.json: no such file", "report", "no-such-file.json", "--format", "md");
        refused("ERROR: pom.xml: not valid JSON", "report", "pom.xml", "--format", "md");
        refused("ERROR: --format omb: choose csv, md, html, bmf, github-smaller or github-bigger", "report", "pom.xml",
                "--format", "omb");
    }

    /** Exit 1 and exactly one line on standard error, holding {@code line}. */
    private static void refused(String line, String... args) {
        io.msgbench.testing.CommandLineRun.Outcome o = io.msgbench.testing.CommandLineRun.run(Map.of(), args);
        assertThat(o.exitCode()).as(o.err()).isEqualTo(1);
        assertThat(o.err().lines().toList()).as(String.join(" ", args)).singleElement().asString().contains(line);
    }
}
