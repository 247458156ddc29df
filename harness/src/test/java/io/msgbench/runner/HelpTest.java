package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.report.ResultFormat;
import io.msgbench.report.ResultMark;
import io.msgbench.testing.CommandLineRun;
import io.msgbench.testing.CommandLineRun.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The help is the documentation: {@code -h} of the command and of every subcommand prints no warning (picocli reads
 * descriptions as format strings: a lone {@code %} is one) and names every value its options take.
 */
class HelpTest {
    private static Outcome help(String... command) {
        String[] args = new String[command.length + 1];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "-h";
        Outcome o = CommandLineRun.run(Map.of(), args);
        assertThat(o.exitCode()).as(String.join(" ", args)).isZero();
        assertThat(o.out() + o.err()).as(String.join(" ", args)).doesNotContain("[picocli WARN", "Could not format");
        return o;
    }

    @Test
    void everyHelpIsCleanAndNamesTheValuesItsOptionsTake() {
        String run = help().out();
        for (ResultFormat f : ResultFormat.values()) {
            assertThat(run).as("-rf names " + f.optionName()).contains(f.optionName());
        }
        for (String name : Profilers.KNOWN.keySet()) {
            assertThat(run).as("-prof names " + name).contains(name);
        }
        for (ResultMark m : ResultMark.values()) {
            assertThat(run).as("--fail-on names " + m.optionName()).contains(m.optionName());
        }
        assertThat(run).contains("ns, us, ms, s", "SILENT, NORMAL, EXTRA", ExitCodes.HELP.substring(0, 60),
                "Commands:", "omb", "compare", "report", "worker", "broker");
        assertThat(help("omb").out()).startsWith("Usage: java -jar benchmarks.jar omb").contains("-d, --drivers",
                "-o, --output", "-w, --workers", "-wf, --workers-file", "workload.yaml");
        String compare = help("compare").out();
        assertThat(compare).contains("regressed", "improved", "unchanged", "inconclusive", "text or md",
                "Exit codes: 0", "1 something regressed", "2 unusable input", "3 something inconclusive",
                "--inconclusive-passes", "99% bootstrap interval", "Default threshold 20%");
        String report = help("report").out();
        for (ResultFormat f : ResultFormat.values()) {
            if (f.isReport()) {
                assertThat(report).as("report --format names " + f.optionName()).contains(f.optionName());
            }
        }
        for (String command : List.of("worker", "broker")) {
            assertThat(help(command).out()).startsWith("Usage: java -jar benchmarks.jar " + command);
        }
    }
}
