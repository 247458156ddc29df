package io.msgbench.runner;

import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.driver.DriverRegistry.UnknownDriverException;
import io.msgbench.worker.WorkerException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code java -jar benchmarks.jar [regexp...] [options]} and its subcommands; exit codes in {@link ExitCodes}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /** Runs the command line with {@code environment} as the environment's level of precedence. */
    public static int run(Map<String, String> environment, String... args) {
        CommandLine cl = commandLine(environment);
        return cl.execute(normalize(cl, args));
    }

    /** JMH's glued values ({@code -f2}) split for picocli; see {@link JmhArgs}. */
    static String[] normalize(CommandLine cl, String[] args) {
        Set<String> withValues = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            all.addAll(List.of(o.names()));
            if (o.arity().max() > 0) {
                withValues.addAll(List.of(o.names()));
            }
        }
        return JmhArgs.normalize(args, withValues, all);
    }

    static CommandLine commandLine(Map<String, String> environment) {
        EnvironmentDefaults defaults = new EnvironmentDefaults(environment);
        CommandLine cl = new CommandLine(new RunCommand(defaults));
        cl.setDefaultValueProvider(defaults);
        cl.getCommandSpec().usageMessage().footer(footer(cl));
        cl.setPosixClusteredShortOptionsAllowed(false);
        // omb: OMB's arguments first, then msgbench's run options (whose -w and -o mean other things) passed on as given
        cl.getSubcommands().get("omb").setStopAtUnmatched(true);
        cl.setUnmatchedOptionsArePositionalParams(false);
        // -jvmArgs "-Xmx1g" and similar: an option's value may look like an option.
        cl.setAllowOptionsAsOptionParameters(true);
        // -prof broker: a profiler named as a subcommand is still the option's value.
        cl.setAllowSubcommandsAsOptionParameters(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("ERROR: " + ex.getMessage() + " (see -h)");
            // compare's callers (CI) tell a regression (1) from input it cannot use (2)
            return ex.getCommandLine().getCommand() instanceof CompareCommand ? 2 : 1;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean userError = ex instanceof UserError || ex instanceof IllegalArgumentException
                    || ex instanceof UnknownDriverException || ex instanceof WorkerException
                    || ex instanceof BrokerUnavailableException;
            err.println("ERROR: " + (userError || ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (Verbosity.EXTRA == verbosityOf(commandLine) || !userError) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    /** The help's footer: exit codes and the environment variables, generated from the options. */
    private static String[] footer(CommandLine cl) {
        List<String> lines = new ArrayList<>(List.of("", "Environment (wins over annotations, loses to the command line):"));
        StringBuilder line = new StringBuilder(" ");
        for (OptionSpec o : cl.getCommandSpec().options()) {
            String variable = EnvironmentDefaults.variableOf(o);
            if (variable == null || o.usageHelp() || o.hidden() || o.arity().max() == 0) {
                continue;
            }
            if (line.length() + variable.length() > 96) {
                lines.add(line.toString());
                line = new StringBuilder(" ");
            }
            line.append(' ').append(variable);
        }
        lines.add(line.toString());
        lines.add("");
        lines.add(ExitCodes.HELP);
        return lines.toArray(new String[0]);
    }

    private static Verbosity verbosityOf(CommandLine cl) {
        Object command = cl.getCommand();
        return command instanceof RunCommand r ? r.verbosity() : Verbosity.NORMAL;
    }
}
