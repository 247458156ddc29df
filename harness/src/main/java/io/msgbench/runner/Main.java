package io.msgbench.runner;

import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.driver.DriverRegistry.UnknownDriverException;
import io.msgbench.worker.WorkerException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * {@code java -jar benchmarks.jar [regexp...] [options]} and its subcommands. Exit codes: 0 success,
 * 1 user error or failed benchmark (as JMH), 130 interrupted.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RunCommand());
        cl.setPosixClusteredShortOptionsAllowed(false);
        cl.setUnmatchedOptionsArePositionalParams(false);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("ERROR: " + ex.getMessage() + " (see -h)");
            return 1;
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

    private static Verbosity verbosityOf(CommandLine cl) {
        Object command = cl.getCommand();
        return command instanceof RunCommand r ? r.verbosity() : Verbosity.NORMAL;
    }
}
