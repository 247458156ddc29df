package io.msgbench.runner;

import io.msgbench.report.compare.Comparison;
import io.msgbench.report.compare.ComparisonTable;
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

    @Parameters(index = "0", paramLabel = "BASE", description = "The baseline result file.")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The result file to judge.")
    Path changed;

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
            Comparison c = Comparison.of(read(base), read(changed), fraction, metrics);
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
