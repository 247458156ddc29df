package io.msgbench.report;

import io.msgbench.report.jmh.AtomicFiles;
import io.msgbench.report.jmh.JmhBenchmarkResult;
import io.msgbench.report.jmh.JmhJsonWriter;
import io.msgbench.report.omb.OmbResultFiles;
import io.msgbench.report.summary.Reports;
import io.msgbench.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where a run's result files go (DESIGN §5): a folder and a stem; {@code <stem>.json} and later its
 * siblings. Every file is written to a temporary file and renamed, so a reader or a crash never sees
 * a half-written one.
 */
public final class ResultFiles {
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final String stem;
    /** Where OMB's result files go: the results folder, unless OMB's command line says otherwise. */
    private final Path ombFolder;
    /** OMB's {@code -o}: the one scenario's OMB result file, or null for OMB's names in {@link #ombFolder}. */
    private final Path ombFile;

    private ResultFiles(Path folder, String stem) {
        this(folder, stem, folder, null);
    }

    private ResultFiles(Path folder, String stem, Path ombFolder, Path ombFile) {
        this.folder = folder;
        this.stem = stem;
        this.ombFolder = ombFolder;
        this.ombFile = ombFile;
    }

    /**
     * The same, with OMB's result files where OMB's own command line puts them: the one run's file at {@code file}
     * ({@code -o}), or else each under OMB's name in {@code folder} (OMB writes into its working directory).
     */
    public ResultFiles withOmbFiles(Path folder, Path file) {
        return new ResultFiles(this.folder, stem, folder.toAbsolutePath(), file == null ? null : file.toAbsolutePath());
    }

    /** {@code -rff dir/x.json}: folder {@code dir}, stem {@code x}. */
    public static ResultFiles at(Path file) {
        Path absolute = file.toAbsolutePath();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return new ResultFiles(absolute.getParent(), dot > 0 ? name.substring(0, dot) : name);
    }

    /** {@code <base>/<yyyyMMdd-HHmmss>/results.json}, with a {@code -N} suffix when the folder exists. */
    public static ResultFiles newTimestampedFolder(Path base, LocalDateTime now) {
        String name = FOLDER.format(now);
        Path folder = base.resolve(name);
        for (int n = 2; Files.exists(folder); n++) {
            folder = base.resolve(name + "-" + n);
        }
        return new ResultFiles(folder.toAbsolutePath(), "results");
    }

    public Path folder() {
        return folder;
    }

    /**
     * Proves, before any broker work, that the results can be written where they go (the folder created if missing).
     *
     * @throws IllegalArgumentException one line naming {@code option} and the place
     */
    public void requireWritable(String option) {
        AtomicFiles.requireWritable(json(), option);
    }

    /** What the run's last line points at: the JSON file, or the folder when no JSON is written. */
    public Path mainFile(Set<ResultFormat> formats) {
        return formats.contains(ResultFormat.JSON) ? json() : folder;
    }

    public Path json() {
        return folder.resolve(stem + ".json");
    }

    /** Writes the raw latency logs of a completed scenario beside the JSON ({@code .hlog}, nanoseconds). */
    public List<Path> writeHistogramLogs(ScenarioResult result) {
        try {
            Files.createDirectories(folder);
            return HistogramLogFiles.write(folder, result);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write histogram logs in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes every requested format for all scenarios completed so far (in the order they completed), replacing
     * what an earlier call wrote; returns the files written.
     */
    public List<Path> write(List<ScenarioResult> completed, Set<ResultFormat> formats, TimeUnit latencyUnit) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            if (formats.stream().anyMatch(f -> f == ResultFormat.JSON || f.isReport())) {
                List<JmhBenchmarkResult> jmh = JmhResultMapper.toJmh(inJmhOrder(completed), latencyUnit);
                if (formats.contains(ResultFormat.JSON)) {
                    JmhJsonWriter.writeAtomically(jmh, json());
                    written.add(json());
                }
                for (ResultFormat f : formats.stream().filter(ResultFormat::isReport).sorted().toList()) {
                    Path file = folder.resolve(stem + "." + f.extension());
                    String text = Reports.render(f, jmh);
                    AtomicFiles.writeText(file, out -> out.write(text));
                    written.add(file);
                }
            }
            if (formats.contains(ResultFormat.OMB) && ombFile != null) {
                // OMB's -o names one file; the command allows it for one workload and driver only
                written.add(OmbResultFiles.write(ombFile, completed.get(completed.size() - 1)));
            } else if (formats.contains(ResultFormat.OMB)) {
                Files.createDirectories(ombFolder);
                written.addAll(OmbResultFiles.write(ombFolder, completed, ZoneId.systemDefault()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results in " + folder + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** JMH's order of results: by benchmark, then parameters (the order of every JMH-shaped file). */
    private static List<ScenarioResult> inJmhOrder(List<ScenarioResult> completed) {
        return completed.stream()
                .sorted(java.util.Comparator.comparing(ScenarioResult::scenario, Scenario.JMH_ORDER)).toList();
    }
}
