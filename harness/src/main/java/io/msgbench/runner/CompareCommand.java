package io.msgbench.runner;

import io.msgbench.report.compare.ChangePoints;
import io.msgbench.report.compare.Comparison;
import io.msgbench.report.compare.ComparisonTable;
import io.msgbench.report.compare.History;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compare BASE.json NEW.json}: regressions that are real, not noise, and "cannot tell" kept apart from "no
 * change"; exit 1 when any metric regressed, 3 when any is inconclusive.
 */
@Command(name = "compare", sortOptions = false, usageHelpWidth = 100, separator = " ",
        description = {"Compares two JMH JSON result files (msgbench's or JMH's own): scenarios are paired by benchmark "
                + "and parameters, and each compared metric gets one of four verdicts (lower is better for latencies, "
                + "higher for rates), from the 99%% bootstrap interval of its change — forks and their iterations "
                + "resampled, the fork being the unit of run-to-run noise (messages are autocorrelated and never a "
                + "unit):",
                "  regressed / improved: the interval excludes zero and the change exceeds the threshold;",
                "  unchanged: the whole interval lies within ± the threshold (no change is shown, not assumed);",
                "  inconclusive: neither (the interval is too wide to tell): the line says how many forks would settle "
                        + "it.",
                "Default threshold " + CompareCommand.DEFAULT_THRESHOLD_PERCENT + "%%: " + CompareCommand.THRESHOLD_WHY,
                "Exit codes: 0 nothing regressed and nothing inconclusive; 1 something regressed; 2 unusable input (a "
                        + "missing file, not JMH JSON, nothing to pair); 3 something inconclusive and nothing regressed "
                        + "(0 with --inconclusive-passes)."})
final class CompareCommand implements Callable<Integer> {
    static final int DEFAULT_THRESHOLD_PERCENT = 20;
    static final String THRESHOLD_WHY = "measured on this project's 2-core machine, where broker and load share "
            + "the cores: three honest runs of LatencyTest (-f 2 -wi 1 -w 5s -i 3 -r 10s) differed from each other by "
            + "up to 15%% in endToEndLatencyCorrected p50 (p99 and p99.9 moved far more, up to +359%%, but their "
            + "intervals are as wide, so they were not significant); 20%% stays clear of that run-to-run spread. "
            + "On a quieter machine, or with more forks, pass a smaller one.";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "BASE and NEW: the baseline result file and the "
            + "result file to judge; with --history, the result files of many runs or folders holding them.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--history",
            description = "The FILEs are the results of many runs (result files, or folders searched for them), "
                    + "ordered by when they ran: report where each scenario's metrics changed (change points: "
                    + "E-Divisive means, accepted by Student's t-test as Apache Otava does) and by how much. Exit 0, or "
                    + "2 on unusable input.")
    boolean history;

    @Option(names = "--p-value", paramLabel = "p", description = "--history's significance (default 0.001, Otava's).")
    double pValue = ChangePoints.DEFAULT_P_VALUE;

    @Option(names = "--threshold", paramLabel = "percent",
            description = "The smallest change that counts, e.g. 10%% (default " + DEFAULT_THRESHOLD_PERCENT + "%%).")
    String threshold = DEFAULT_THRESHOLD_PERCENT + "%";

    @Option(names = "--metric", paramLabel = "name",
            description = "Compare this metric only (repeatable): publishRate, maxSustainableRate, a latency "
                    + "percentile such as endToEndLatencyCorrected.p99 (p50, p99, p99.9, max), JMH's primary such as "
                    + "thrpt. Default: the main latency's p50/p99/p99.9 and the publish rate (after a search: the "
                    + "rate found); for JMH's own files the primary score.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--format", paramLabel = "format", description = "text or md (default text).")
    String format = "text";

    @Option(names = "--inconclusive-passes", description = "Exit 0 rather than 3 when some metric is inconclusive and "
            + "none regressed (a CI that accepts \"cannot tell\").")
    boolean inconclusivePasses;

    /** Exit code when a metric is inconclusive and none regressed. */
    static final int INCONCLUSIVE = 3;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** Unusable input: one line, exit 2. */
    static final class UnusableInput extends RuntimeException {
        UnusableInput(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        try {
            double fraction = thresholdFraction(threshold);
            if (!format.equals("text") && !format.equals("md")) {
                throw new UnusableInput("--format " + format + ": choose text or md");
            }
            if (history) {
                if (!(pValue > 0 && pValue < 1)) {
                    throw new UnusableInput("--p-value " + pValue + ": must be between 0 and 1");
                }
                List<History.Run> runs = runs(files);
                System.out.print(History.text(runs, History.of(runs, metrics, pValue, fraction), pValue));
                System.out.flush();
                return 0;
            }
            if (files.size() != 2) {
                throw new UnusableInput("compare needs two result files, BASE and NEW (or --history and the runs' files "
                        + "or folders), was given " + files.size());
            }
            Comparison c = Comparison.of(read(files.get(0)), read(files.get(1)), fraction, metrics);
            System.out.print(format.equals("md") ? ComparisonTable.markdown(c, fraction) : ComparisonTable.text(c, fraction));
            System.out.flush();
            return c.regressed() ? 1 : c.inconclusive() && !inconclusivePasses ? INCONCLUSIVE : 0;
        } catch (UnusableInput | IllegalArgumentException e) {
            System.err.println("ERROR: " + e.getMessage());
            return 2;
        }
    }

    static double thresholdFraction(String text) {
        String number = text.trim().endsWith("%") ? text.trim().substring(0, text.trim().length() - 1).trim() : text.trim();
        try {
            double percent = Double.parseDouble(number);
            if (percent < 0 || Double.isNaN(percent)) {
                throw new UnusableInput("--threshold " + text + ": must be a percentage of 0 or more, e.g. 10%");
            }
            return percent / 100;
        } catch (NumberFormatException e) {
            throw new UnusableInput("--threshold " + text + ": not a percentage, e.g. 10%");
        }
    }

    /**
     * The runs of {@code --history}: files named, and the JMH result files found in folders (other JSON there, such
     * as the CI tools' files, passed over).
     */
    private static List<History.Run> runs(List<Path> paths) {
        List<History.Run> runs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found;
                try (java.util.stream.Stream<Path> files = Files.walk(path)) {
                    found = files.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new UnusableInput(path + ": cannot be read: " + e.getMessage());
                }
                for (Path f : found) {
                    try {
                        List<JmhBenchmarkResult> results = JmhJsonReader.read(f);
                        if (!results.isEmpty()) {
                            runs.add(run(f, results));
                        }
                    } catch (IOException | RuntimeException notAResultFile) {
                        // not JMH JSON: another file of the results folder
                    }
                }
            } else {
                runs.add(run(path, read(path)));
            }
        }
        if (runs.size() < 2 * ChangePoints.MIN_SIDE) {
            throw new UnusableInput("--history needs at least " + 2 * ChangePoints.MIN_SIDE + " runs to find a change, "
                    + "found " + runs.size() + " result file(s) in " + paths);
        }
        return runs;
    }

    private static History.Run run(Path file, List<JmhBenchmarkResult> results) {
        java.time.Instant modified;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            modified = java.time.Instant.EPOCH;
        }
        return new History.Run(file, History.timeOf(results, modified), results);
    }

    private static List<JmhBenchmarkResult> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UnusableInput(file + ": no such file");
        }
        try {
            List<JmhBenchmarkResult> results = JmhJsonReader.read(file);
            if (results.isEmpty()) {
                throw new UnusableInput(file + ": holds no results");
            }
            return results;
        } catch (IOException e) {
            throw new UnusableInput(file + ": " + e.getMessage());
        }
    }
}
