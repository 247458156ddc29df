package io.msgbench.runner;

import io.msgbench.report.ResultFormat;
import io.msgbench.report.jmh.AtomicFiles;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhJsonReader;
import io.msgbench.report.summary.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report}: renders saved result files (msgbench's or JMH's own JSON) as CSV, Markdown, HTML or the CI tools'
 * files.
 */
@Command(name = "report", sortOptions = false, usageHelpWidth = 100, separator = " ",
        description = "Renders saved JMH JSON result files (msgbench's or JMH's) as a report: the scenarios of all "
                + "files, in their order.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JMH JSON result files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "format", required = true,
            description = "csv, md, html, bmf (Bencher Metric Format), github-smaller or github-bigger "
                    + "(github-action-benchmark's customSmallerIsBetter / customBiggerIsBetter JSON).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "file",
            description = "Write the report to this file (atomically) instead of standard output.")
    Path output;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private static final String CHOICES = "csv, md, html, bmf, github-smaller or github-bigger";

    @Override
    public Integer call() throws IOException {
        ResultFormat f;
        try {
            f = ResultFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new UserError("--format " + format + ": choose " + CHOICES);
        }
        if (!f.isReport()) {
            throw new UserError("--format " + format + ": choose " + CHOICES);
        }
        if (output != null) {
            UserError.requireWritable(output, "-o");
        }
        List<JmhBenchmarkResult> results = new ArrayList<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                throw new UserError(file + ": a directory, not a result file (name the JSON files in it)");
            }
            try {
                results.addAll(JmhJsonReader.read(file));
            } catch (NoSuchFileException e) {
                throw new UserError(file + ": no such file");
            } catch (IOException e) {
                throw new UserError(file + ": cannot be read: " + e.getMessage());
            }
        }
        String text = Reports.render(f, results);
        if (output == null) {
            System.out.print(text);
            System.out.flush();
        } else {
            AtomicFiles.writeText(output, out -> out.write(text));
            System.err.println("# Report: " + output.toAbsolutePath());
        }
        return 0;
    }
}
