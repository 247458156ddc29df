package io.msgbench.runner;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.BrokerMetrics;
import io.msgbench.live.LiveView;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.Sleeper;
import io.msgbench.report.BrokerDescription;
import io.msgbench.report.ForkResult;
import io.msgbench.report.HistogramLogFiles;
import io.msgbench.report.JmhResultMapper;
import io.msgbench.report.ResultFiles;
import io.msgbench.report.ResultMark;
import io.msgbench.report.ScenarioResult;
import io.msgbench.report.jmh.JmhSummaryTable;
import io.msgbench.scenario.Scenario;
import io.msgbench.worker.InProcessWorker;
import io.msgbench.worker.Worker;
import io.msgbench.worker.WorkerGroup;
import io.msgbench.worker.WorkerRole;
import io.msgbench.worker.http.ForkedWorker;
import io.msgbench.worker.http.HttpWorker;
import io.msgbench.worker.http.WorkerEndpoint;
import io.msgbench.worker.http.WorkerMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * One run of a plan (DESIGN §3): one cluster for all scenarios, each fork of a scenario on a fresh worker,
 * the result file rewritten after every completed scenario, so an interrupted or failing run keeps what
 * it finished.
 */
final class BenchmarkRun {
    /** How long Ctrl-C waits for the running worker to delete its topics and close its clients. */
    private static final Duration INTERRUPT_CLOSE_BOUND = Duration.ofSeconds(5);

    private final ConsoleReporter console;
    private final ResultFiles files;
    private final RunSettings settings;
    private final String runId = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now()) + "-"
            + ProcessHandle.current().pid();
    private final AtomicReference<Worker> activeWorker = new AtomicReference<>();
    /** Guards {@link #interrupted} and result writing, so Ctrl-C never lets a cut-short scenario reach the file. */
    private final Object resultLock = new Object();
    private boolean interrupted;
    private final List<ScenarioResult> completed = new ArrayList<>();

    private final RunProgress progress;
    private final LiveView live;
    private final boolean progressLines;

    /** @param progressLines print the progress as lines at each fork (when no status line shows it) */
    BenchmarkRun(ConsoleReporter console, ResultFiles files, RunSettings settings, RunProgress progress,
                 boolean progressLines) {
        this(console, files, settings, progress, progressLines, null);
    }

    /** @param live shown every report period and iteration ({@code --live}), or null */
    BenchmarkRun(ConsoleReporter console, ResultFiles files, RunSettings settings, RunProgress progress,
                 boolean progressLines, LiveView live) {
        this.live = live;
        this.console = console;
        this.files = files;
        this.settings = settings;
        this.progress = progress;
        this.progressLines = progressLines;
    }

    /**
     * Runs every scenario; returns the exit code ({@link ExitCodes}: 1 when a scenario failed, else 4 when a result
     * is marked by a kind {@code --fail-on} names, else 0).
     *
     * @param clusterFor the servers of a scenario's system, started or reached when first needed (the same handle
     *                   for every scenario of one system); all are closed at the end
     */
    int execute(List<Scenario> scenarios, java.util.function.Function<Scenario, BrokerHandle> clusterFor) {
        long started = System.nanoTime();
        console.line("# msgbench: " + scenarios.size() + " scenario(s)");
        console.legend();
        // Ctrl-C: completed scenarios are already on disk; close the running worker so that its topics are
        // deleted (on an external cluster) and its clients stopped. The embedded broker stops through its
        // own hook, and the JVM exits with 130.
        Thread onInterrupt = new Thread(this::interrupt, "msgbench-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        int failures = 0;
        java.util.Set<BrokerHandle> opened = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Map<BrokerHandle, java.util.Optional<BrokerMetrics>> brokerMetrics = new java.util.IdentityHashMap<>();
        try {
            ScenarioRunner runner = new ScenarioRunner(EpochNanoClock.system(), Sleeper.parking(), console,
                    settings.reportInterval(), progress, settings.profilers(), live);
            int producerIds = 0;
            for (int s = 0; s < scenarios.size(); s++) {
                Scenario scenario = scenarios.get(s);
                BrokerHandle broker = clusterFor.apply(scenario);
                opened.add(broker);
                BrokerDescription description = new BrokerDescription(broker.kind(), broker.version(),
                        broker.bootstrapServers(), broker.settings());
                console.scenarioStart(s + 1, scenarios.size(), scenario);
                int producers = scenario.workload().producers();
                if (settings.senderThreads() > producers) {
                    // JMH's -t is threads running the benchmark; here a producer is sent by one thread
                    console.line("# WARNING: -t " + settings.senderThreads() + " but this scenario has " + producers
                            + " producer(s): " + producers + " sender thread(s) send, one per producer at most");
                }
                progress.scenario(s);
                List<ForkResult> forks = new ArrayList<>();
                try {
                    BacklogDiskCheck.require(scenario.workload(), scenario.replicationFactor(), broker).ifPresent(console::line);
                    // On workers a fork is always a worker's session, never this JVM.
                    int forkCount = settings.workers().isEmpty() ? scenario.iterations().forks()
                            : Math.max(1, scenario.iterations().forks());
                    for (int f = 0; f < Math.max(1, forkCount); f++) {
                        String prefix = "msgbench-" + runId + "-s" + (s + 1) + "-f" + (f + 1);
                        progress.fork(f + 1);
                        if (progressLines) {
                            console.line("# Progress: " + progress.status());
                        }
                        BrokerMetrics metrics = settings.profilers().broker()
                                ? brokerMetrics.computeIfAbsent(broker, this::openMetrics).orElse(null) : null;
                        forks.add(runFork(runner, scenario, broker, metrics, prefix, producerIds,
                                forkCount == 0 ? 0 : f + 1));
                        progress.forkDone();
                        producerIds += scenario.workload().producers();
                    }
                } catch (RuntimeException e) {
                    failures++;
                    reportFailure(scenario, broker, e);
                    if (settings.failOnError()) {
                        console.line("# -foe true: stopping the run at the first failure");
                        break;
                    }
                    continue;
                }
                ScenarioResult result = new ScenarioResult(scenario, settings.senderThreads(), description, forks,
                        Warnings.of(scenario.workload().producerRate(), forks));
                synchronized (resultLock) {
                    if (interrupted) {
                        break; // the scenario may have been cut short: it stays out of the results
                    }
                    completed.add(result);
                    files.writeHistogramLogs(result);
                    files.write(completed, settings.resultFormats(), settings.latencyUnit());
                }
                console.scenarioResult(result);
            }
        } finally {
            brokerMetrics.values().forEach(m -> m.ifPresent(BrokerMetrics::close));
            opened.forEach(BrokerHandle::close);
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to
            }
        }
        if (!completed.isEmpty()) {
            console.line("");
            console.line(String.format(java.util.Locale.ROOT, "# Run complete. Total time: %s",
                    TimeValues.clock(java.time.Duration.ofNanos(System.nanoTime() - started))));
            console.line("");
            JmhSummaryTable.lines(JmhResultMapper.toJmh(completed, settings.latencyUnit())).forEach(console::line);
            console.line("");
            console.line("# Results: " + files.mainFile(settings.resultFormats()));
        }
        if (failures > 0) {
            return ExitCodes.FAILED;
        }
        return marked(completed) ? ExitCodes.MARKED : ExitCodes.OK;
    }

    /** Whether a completed scenario's result carries a mark of a kind {@code --fail-on} names; said on the console. */
    private boolean marked(List<ScenarioResult> results) {
        boolean failing = false;
        for (ScenarioResult r : results) {
            java.util.Map<ResultMark, String> marks = ResultMark.of(r);
            java.util.List<String> failingMarks = marks.entrySet().stream()
                    .filter(m -> settings.failOn().contains(m.getKey())).map(java.util.Map.Entry::getValue).toList();
            if (!failingMarks.isEmpty()) {
                failing = true;
                console.line("# Marked: " + r.scenario().label() + ": " + String.join("; ", failingMarks));
            }
        }
        if (failing) {
            console.line("# Exit code " + ExitCodes.MARKED + ": a result is marked (--fail-on " + settings.failOn()
                    .stream().sorted().map(ResultMark::optionName).collect(java.util.stream.Collectors.joining(","))
                    + "); its figures are in the result file, with their warnings");
        }
        return failing;
    }

    /** @param fork 1-based fork number, or 0 to run in this JVM */
    /**
     * The broker profiler's connection to {@code broker}'s own figures; where there is none or it fails, a warning
     * naming the profiler, and the run goes on without it.
     */
    private java.util.Optional<BrokerMetrics> openMetrics(BrokerHandle broker) {
        try {
            java.util.Optional<BrokerMetrics> metrics = broker.metrics();
            if (metrics.isPresent()) {
                console.line("# Profiler broker: " + metrics.get().describe());
            } else {
                console.line("# Warning: profiler broker: msgbench cannot read the figures of " + broker.description()
                        + " (no broker figures for this system or cluster); the run goes on without them");
            }
            return metrics;
        } catch (RuntimeException e) {
            console.line("# Warning: profiler broker: " + e.getMessage() + "; the run goes on without it");
            return java.util.Optional.empty();
        }
    }

    private ForkResult runFork(ScenarioRunner runner, Scenario scenario, BrokerHandle broker, BrokerMetrics metrics,
                               String prefix, int firstProducerId, int fork) {
        Optional<Recording> inProcess = fork == 0 ? recordInProcess(scenario) : Optional.empty();
        try (Worker worker = fork == 0 ? InProcessWorker.create()
                : settings.workers().isEmpty() ? launchFork(scenario, fork) : remoteFork(scenario, fork)) {
            activeWorker.set(worker);
            if (settings.profilers().jfr() && fork != 0 && !settings.workers().isEmpty()) {
                console.line("# Warning: profiler jfr: workers on other hosts record nothing here (start their JVMs "
                        + "with -XX:StartFlightRecording); the run goes on");
            }
            return runner.run(scenario, worker, broker.bootstrapServers(), scenario.common(), prefix, firstProducerId,
                    settings.senderThreads(), metrics);
        } catch (RuntimeException e) {
            if (fork != 0) {
                // A fork that died cannot delete its topics; on an external cluster they would stay. Deleted only now,
                // with the workers closed: clients of a topic deleted under them retry until their close times out.
                TopicJanitor.deleteQuietly(scenario.driver(), broker.bootstrapServers(),
                        ScenarioRunner.topicNames(prefix, scenario.workload()));
            }
            throw e;
        } finally {
            activeWorker.set(null);
            inProcess.ifPresent(r -> {
                r.stop(); // writes it to its destination
                r.close();
            });
        }
    }

    /**
     * A fork on the workers of {@code --workers}, each in a session of its own: one worker runs the whole scenario; with
     * several, its producers and consumers spread over all of them (a {@link WorkerGroup}).
     */
    private Worker remoteFork(Scenario scenario, int fork) {
        List<HttpWorker> opened = new ArrayList<>();
        try {
            for (WorkerEndpoint endpoint : settings.workers()) {
                URI uri = endpoint.uri();
                HttpWorker worker = new HttpWorker(uri, settings.workerToken());
                WorkerMessages.Hello hello = worker.open(coordinatorName());
                opened.add(worker);
                console.line("# Fork " + fork + " of " + scenario.iterations().forks() + ": worker " + uri + " (msgbench "
                        + hello.harnessVersion() + (endpoint.role() == WorkerRole.BOTH ? ""
                        : ", " + endpoint.role().name().toLowerCase(java.util.Locale.ROOT) + " only") + ")");
            }
        } catch (RuntimeException e) {
            opened.forEach(HttpWorker::close);
            throw e;
        }
        if (opened.size() == 1) {
            return opened.get(0);
        }
        WorkerGroup group = new WorkerGroup(opened, settings.workers().stream().map(WorkerEndpoint::role).toList());
        console.line("# Workers: " + group.placement());
        return group;
    }

    /** How this coordinator introduces itself: a worker that refuses a second one names the first. */
    private static String coordinatorName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown host";
        }
        return host + " (pid " + ProcessHandle.current().pid() + ")";
    }

    private Worker launchFork(Scenario scenario, int fork) {
        List<String> jvmArgs = new ArrayList<>(ForkMemory.sized(settings.forkJvmArgs()
                .over(scenario.benchmark().forkJvmArgs()).effective(), scenario.workload(), ScenarioRunner.phases(scenario)));
        if (settings.profilers().jfr()) {
            // written when the fork exits, which closing it asks for
            jvmArgs.add("-XX:StartFlightRecording:dumponexit=true,settings=default,filename=" + recording(scenario, fork));
        }
        ForkedWorker worker = ForkedWorker.launch(jvmArgs);
        console.line("# Fork " + fork + " of " + scenario.iterations().forks() + ": JVM pid " + worker.pid()
                + ", JVM arguments " + jvmArgs);
        return worker;
    }

    /** Where fork {@code fork}'s flight recording goes ({@code -prof jfr}): next to the result file. */
    private Path recording(Scenario scenario, int fork) {
        try {
            Files.createDirectories(files.folder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.folder().resolve(HistogramLogFiles.fileName(scenario) + "-fork" + fork + ".jfr").toAbsolutePath();
    }

    /** A flight recording of this JVM while {@code fork} runs in it ({@code -f 0}, {@code -prof jfr}), else none. */
    private Optional<Recording> recordInProcess(Scenario scenario) {
        if (!settings.profilers().jfr()) {
            return Optional.empty();
        }
        try {
            Recording r = new Recording(Configuration.getConfiguration("default"));
            r.setDestination(recording(scenario, 0));
            r.start();
            return Optional.of(r);
        } catch (IOException | java.text.ParseException e) {
            console.line("# Warning: profiler jfr: " + e.getMessage() + "; the run goes on without it");
            return Optional.empty();
        }
    }

    private void reportFailure(Scenario scenario, BrokerHandle broker, RuntimeException e) {
        System.err.println("ERROR: scenario " + scenario.label() + " failed: " + e.getMessage());
        if (settings.verbosity() == Verbosity.EXTRA) {
            e.printStackTrace();
        }
        if (broker != null) {
            // An embedded broker's directory goes when it stops: keep its log with the results.
            broker.copyLogTo(files.folder()).ifPresent(log -> System.err.println("  broker log: " + log.toAbsolutePath()));
        }
    }

    /** Ctrl-C (shutdown hook): no result is written after this; the running worker is closed within a bound. */
    private void interrupt() {
        synchronized (resultLock) {
            interrupted = true;
            if (!completed.isEmpty()) {
                console.line("");
                console.line("# Interrupted; completed scenarios: " + files.mainFile(settings.resultFormats()));
            }
        }
        closeWithin(activeWorker.get(), INTERRUPT_CLOSE_BOUND);
    }

    private static void closeWithin(Worker worker, Duration bound) {
        if (worker == null) {
            return;
        }
        Thread closer = new Thread(worker::close, "msgbench-worker-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
