package io.msgbench.runner;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The environment as the second level of precedence (DESIGN §6): an option not given on the command
 * line takes {@code MSGBENCH_<LONG_OPTION_NAME>} ({@code --warmup-iterations} → MSGBENCH_WARMUP_ITERATIONS),
 * which wins over the benchmark's annotations and the defaults.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
    static final String PREFIX = "MSGBENCH_";

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment it reads. */
    Map<String, String> environment() {
        return environment;
    }

    /** The variable of an option, or null for options without a long name. */
    static String variableOf(OptionSpec option) {
        String longName = option.longestName();
        if (!longName.startsWith("--")) {
            return null;
        }
        return PREFIX + longName.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            String variable = variableOf(option);
            return variable == null ? null : environment.get(variable);
        }
        return null;
    }

    /** The variables that are set and apply to options of {@code spec} not given on the command line. */
    Map<String, String> inEffect(CommandSpec spec, java.util.function.Predicate<OptionSpec> givenOnCommandLine) {
        Map<String, String> out = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            String variable = variableOf(o);
            if (variable != null && environment.containsKey(variable) && !givenOnCommandLine.test(o)) {
                out.put(variable, environment.get(variable));
            }
        }
        return out;
    }
}
