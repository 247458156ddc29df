package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.report.ResultFormat;
import io.msgbench.report.ResultMark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help, README and code agree: every option of {@code -h} is in the README's option table and every option the table
 * names is in {@code -h}; each row names the values its option takes and, where the help gives a default, says the
 * default; the exit codes and subcommands of {@code -h} are in the README.
 */
class ReadmeOptionsTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** The option table's rows by the option names their first cell gives. */
    private static Map<String, String> rows() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Options");
        assertThat(start).as("README has an '## Options' section").isPositive();
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            String first = line.substring(1, line.indexOf(" |", 2));
            Matcher m = CODE.matcher(first);
            while (m.find()) {
                String name = m.group(1).split(" ")[0];
                if (name.startsWith("-")) {
                    rows.put(name, line);
                }
            }
        }
        return rows;
    }

    private static List<OptionSpec> helpOptions() {
        return Main.commandLine(Map.of()).getCommandSpec().options().stream().filter(o -> !o.hidden()).toList();
    }

    @Test
    void everyOptionOfTheHelpIsInTheTableAndTheOtherWayRound() throws Exception {
        Map<String, String> rows = rows();
        Set<String> known = new HashSet<>();
        for (OptionSpec o : helpOptions()) {
            known.addAll(List.of(o.names()));
            assertThat(List.of(o.names())).as("README's option table has a row for %s", String.join(", ", o.names()))
                    .anyMatch(rows::containsKey);
        }
        assertThat(rows.keySet()).as("options of README's table that -h does not know").allMatch(known::contains);
    }

    @Test
    void eachRowNamesItsValuesAndItsDefault() throws Exception {
        Map<String, String> rows = rows();
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("-rf", java.util.Arrays.stream(ResultFormat.values()).map(ResultFormat::optionName).toList());
        values.put("-prof", new ArrayList<>(Profilers.KNOWN.keySet()));
        List<String> kinds = new ArrayList<>(java.util.Arrays.stream(ResultMark.values()).map(ResultMark::optionName)
                .toList());
        kinds.addAll(List.of("all", "none"));
        values.put("--fail-on", kinds);
        values.put("-v", java.util.Arrays.stream(Verbosity.values()).map(Enum::name).toList());
        values.put("-tu", List.of("ns", "us", "ms", "s"));
        values.forEach((option, taken) -> assertThat(rows.get(option)).as("README's row of %s", option)
                .contains(taken));
        for (OptionSpec o : helpOptions()) {
            String description = String.join(" ", o.description());
            if (description.toLowerCase(java.util.Locale.ROOT).contains("default")) {
                String row = List.of(o.names()).stream().map(rows::get).filter(java.util.Objects::nonNull).findFirst()
                        .orElseThrow();
                assertThat(row).as("the help gives %s a default; README's row says it", o.longestName())
                        .containsIgnoringCase("default");
            }
        }
    }

    @Test
    void theExitCodesAndSubcommandsOfTheHelpAreInTheReadme() throws Exception {
        String readme = Files.readString(README);
        for (int code : new int[] {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.MARKED, ExitCodes.INTERRUPTED}) {
            assertThat(readme).contains("| " + code + " | ");
        }
        for (String command : Main.commandLine(Map.of()).getSubcommands().keySet()) {
            assertThat(readme).as("README names the subcommand %s", command).contains("`" + command + "`");
        }
    }
}
