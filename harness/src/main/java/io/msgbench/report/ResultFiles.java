package io.msgbench.report;

import io.msgbench.report.jmh.JmhJsonWriter;
import io.msgbench.report.omb.OmbResultFiles;
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

    private ResultFiles(Path folder, String stem) {
        this.folder = folder;
        this.stem = stem;
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
        if (formats.contains(ResultFormat.JSON)) {
            writeJson(completed, latencyUnit);
            written.add(json());
        }
        if (formats.contains(ResultFormat.OMB)) {
            try {
                Files.createDirectories(folder);
                written.addAll(OmbResultFiles.write(folder, completed, ZoneId.systemDefault()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write OMB result files in " + folder + ": " + e.getMessage(), e);
            }
        }
        return written;
    }

    /** Replaces the JSON file with all scenarios completed so far, latencies in {@code latencyUnit}. */
    public void writeJson(List<ScenarioResult> completed, TimeUnit latencyUnit) {
        try {
            Files.createDirectories(folder);
            List<ScenarioResult> inJmhOrder = completed.stream()
                    .sorted(java.util.Comparator.comparing(ScenarioResult::scenario, Scenario.JMH_ORDER)).toList();
            JmhJsonWriter.writeAtomically(JmhResultMapper.toJmh(inJmhOrder, latencyUnit), json());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + json() + ": " + e.getMessage(), e);
        }
    }
}
