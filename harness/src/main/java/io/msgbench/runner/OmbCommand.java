package io.msgbench.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * OMB's own command line ({@code bin/benchmark -d driver.yaml -w workers -o result.json workload.yaml}): each workload
 * with each driver, OMB's result file at {@code -o} or under OMB's name in the working directory. It is the run of
 * {@code --workload ... --drivers ...} under OMB's option names; msgbench's own run options may follow.
 */
@Command(name = "omb", sortOptions = false, usageHelpWidth = 100, separator = " ",
        description = {"Runs OMB workload files with OMB driver files under OMB's command line (bin/benchmark): each "
                + "workload with each driver, for the durations the workload gives (testDurationMinutes, "
                + "warmupDurationMinutes). Each run's OMB result file goes to -o, or under OMB's name "
                + "(<workload>-<driver>-<time>.json) in the working directory; msgbench's JSON (for compare and "
                + "report) goes to results/<yyyyMMdd-HHmmss>/results.json. msgbench's run options may follow OMB's "
                + "arguments, passed on from the first one omb does not know (e.g. -r 1m, --embedded, --bootstrap "
                + "host:port, -rf html); the embedded broker runs unless a driver file or --bootstrap names a cluster."})
final class OmbCommand implements Callable<Integer> {
    @ParentCommand
    RunCommand run;

    @Parameters(paramLabel = "workload.yaml", arity = "0..*", description = "OMB workload files.")
    List<Path> workloads = new ArrayList<>();

    @Option(names = {"-d", "--drivers"}, paramLabel = "driver.yaml", split = ",",
            description = "OMB driver files, comma-separated or repeated: each workload runs with each.")
    List<Path> drivers = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "result.json",
            description = "Where the OMB result file goes (one workload with one driver only).")
    Path output;

    @Option(names = {"-w", "--workers"}, paramLabel = "URL", split = ",",
            description = "msgbench workers (java -jar benchmarks.jar worker) to run on: http://host:port, "
                    + "comma-separated. OMB's workers are not msgbench's: start msgbench's on those hosts.")
    List<String> workers = new ArrayList<>();

    @Option(names = {"-wf", "--workers-file"}, paramLabel = "workers.yaml",
            description = "OMB's workers file: a 'workers:' list of URLs (of msgbench workers).")
    Path workersFile;

    @Option(names = {"-x", "--extra"}, description = "OMB's extra consumer workers: not supported; name consumer hosts "
            + "with --consumer-workers.")
    boolean extraConsumers;

    @Option(names = {"-c", "--csv"}, paramLabel = "dir", description = "OMB's conversion of result files to CSV: not "
            + "supported; msgbench writes CSV itself (-rf csv, or report FILE --format csv).")
    Path csv;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** msgbench's own run options, from the first argument omb does not know on, passed on as given. */
    @Unmatched
    List<String> runOptions = new ArrayList<>();

    @Override
    public Integer call() {
        if (extraConsumers) {
            throw new UserError("omb -x: extra consumer workers are not supported; name the hosts of consumers with "
                    + "--consumer-workers URL");
        }
        if (csv != null) {
            throw new UserError("omb -c: msgbench does not convert OMB result files to CSV; it writes CSV itself: -rf "
                    + "csv, or report results.json --format csv");
        }
        if (drivers.isEmpty()) {
            throw new UserError("omb needs OMB driver files: -d driver.yaml[,driver.yaml...]");
        }
        if (workloads.isEmpty()) {
            throw new UserError("omb needs OMB workload files: omb -d driver.yaml workload.yaml...");
        }
        int runs = workloads.size() * drivers.size();
        if (output != null && runs > 1) {
            throw new UserError("omb -o " + output + " names one result file, but " + workloads.size()
                    + " workload(s) × " + drivers.size() + " driver(s) make " + runs + " runs: leave -o out, and each "
                    + "run's file is named as OMB names it");
        }
        if (output != null) {
            UserError.requireWritable(output, "-o");
        }
        List<String> args = new ArrayList<>();
        workloads.forEach(w -> args.addAll(List.of("--workload", w.toString())));
        drivers.forEach(d -> args.addAll(List.of("--drivers", d.toString())));
        workers.forEach(w -> args.addAll(List.of("--workers", w.contains("://") ? w : "http://" + w)));
        if (workersFile != null) {
            args.addAll(List.of("--workers-file", workersFile.toString()));
        }
        args.addAll(output != null ? List.of("--omb-output", output.toString())
                : List.of("--omb-folder", Path.of("").toAbsolutePath().toString()));
        args.addAll(runOptions);
        CommandLine runLine = Main.commandLine(run.environment().environment());
        return runLine.execute(Main.normalize(runLine, args.toArray(String[]::new)));
    }
}
