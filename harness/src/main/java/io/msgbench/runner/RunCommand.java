package io.msgbench.runner;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.EmbeddedBrokerOptions;
import io.msgbench.broker.EmbeddedKafkaBroker;
import io.msgbench.broker.ExternalKafkaCluster;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.Sleeper;
import io.msgbench.report.BrokerDescription;
import io.msgbench.report.ForkResult;
import io.msgbench.report.ResultFiles;
import io.msgbench.report.RunEnvironment;
import io.msgbench.report.ScenarioResult;
import io.msgbench.scenario.BenchmarkDefinition;
import io.msgbench.scenario.BenchmarkIndex;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.ParameterSpace;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.ScenarioPlanner;
import io.msgbench.worker.InProcessWorker;
import io.msgbench.worker.Worker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs the benchmarks matching the regexps on one broker for the whole run (DESIGN §3). */
@Command(name = "java -jar benchmarks.jar", sortOptions = false, usageHelpWidth = 100, separator = " ",
        subcommands = {BrokerCommand.class},
        description = {"Runs msgbench benchmarks: each scenario sets up its topics and clients, runs warmup and "
                + "measurement iterations at a fixed rate, drains, and reports latency percentiles and rates.",
                "Defaults: -wi 1 -w 10s -i 3 -r 30s, one run per scenario (annotations on the benchmark class win "
                        + "over defaults; the command line wins over both). Time: 100ms, 10s, 2m; a bare number is "
                        + "seconds. Without --bootstrap, an embedded Kafka broker is started for the run and removed after it."},
        footer = {"", "Exit codes: 0 success, 1 bad input or a failed scenario, 130 interrupted (Ctrl-C)."})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REGEXP", arity = "0..*",
            description = "Benchmarks to run: unanchored regular expressions on the class name, OR-ed (default: all).")
    List<String> includes = new ArrayList<>();

    @Option(names = "-p", paramLabel = "name=v1,v2",
            description = "Parameter values: replace a declared parameter's values, or add a dimension. Repeatable; "
                    + "repeating a name accumulates values; \\, is a literal comma.")
    List<String> params = new ArrayList<>();

    @Option(names = "-wi", paramLabel = "int", description = "Warmup iterations (default 1).")
    Integer warmupIterations;

    @Option(names = "-w", paramLabel = "time", converter = TimeConverter.class,
            description = "Time of each warmup iteration (default 10s).")
    Duration warmupTime;

    @Option(names = "-i", paramLabel = "int", description = "Measurement iterations (default 3).")
    Integer measurementIterations;

    @Option(names = "-r", paramLabel = "time", converter = TimeConverter.class,
            description = "Time of each measurement iteration (default 30s).")
    Duration measurementTime;

    @Option(names = "-rf", paramLabel = "format", split = ",",
            description = "Result formats, comma-separated (supported so far: json; default json).")
    List<String> resultFormats = new ArrayList<>(List.of("json"));

    @Option(names = "-rff", paramLabel = "file",
            description = "Result file; other result files go beside it with the same stem "
                    + "(default: results/<yyyyMMdd-HHmmss>/results.json).")
    Path resultFile;

    @Option(names = "--bootstrap", paramLabel = "host:port",
            description = "Use this Kafka cluster instead of starting the embedded broker.")
    String bootstrap;

    @Option(names = "-l", description = "List the matching benchmarks and exit.")
    boolean list;

    @Option(names = "-v", paramLabel = "mode", description = "Verbosity: SILENT, NORMAL, EXTRA (EXTRA shows stack traces).")
    Verbosity verbosity = Verbosity.NORMAL;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    Verbosity verbosity() {
        return verbosity;
    }

    @Override
    public Integer call() {
        PrintStream out = verbosity == Verbosity.SILENT ? new PrintStream(PrintStream.nullOutputStream()) : System.out;
        ConsoleReporter console = new ConsoleReporter(out);
        BenchmarkIndex index = BenchmarkIndex.load(Thread.currentThread().getContextClassLoader());
        List<BenchmarkDefinition> benchmarks = index.matching(includes);
        if (benchmarks.isEmpty()) {
            System.err.println("No matching benchmarks. Miss-spelled regexp?");
            return 1;
        }
        if (list) {
            System.out.println("Benchmarks:");
            benchmarks.forEach(b -> System.out.println(b.className()));
            return 0;
        }
        for (String format : resultFormats) {
            if (!format.equalsIgnoreCase("json")) {
                throw new UserError("Result format '" + format + "' is not supported yet; supported: json");
            }
        }
        DriverRegistry drivers = DriverRegistry.load();
        List<Scenario> scenarios = new ScenarioPlanner(drivers).plan(benchmarks, parseParams(params),
                new IterationOverrides(warmupIterations, warmupTime, measurementIterations, measurementTime, null));
        ResultFiles files = resultFile != null ? ResultFiles.at(resultFile)
                : ResultFiles.newTimestampedFolder(Path.of("results"), LocalDateTime.now());

        String runId = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now()) + "-" + ProcessHandle.current().pid();
        console.line("# msgbench: " + scenarios.size() + " scenario(s); in-process worker (forked JVMs arrive with the worker API)");
        console.legend();

        AtomicReference<BrokerHandle> broker = new AtomicReference<>();
        AtomicReference<Worker> activeWorker = new AtomicReference<>();
        // Ctrl-C: completed scenarios are already on disk; close the running worker so that its topics are
        // deleted (on an external cluster) and its clients stopped, within a bound. The embedded broker
        // stops through its own hook. The JVM then exits with 130.
        Thread onInterrupt = new Thread(() -> closeWithin(activeWorker.get(), Duration.ofSeconds(5)), "msgbench-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        List<ScenarioResult> completed = new ArrayList<>();
        int failures = 0;
        try {
            broker.set(connect(console));
            BrokerHandle b = broker.get();
            BrokerDescription brokerDescription = new BrokerDescription(b.kind(), b.version(), b.bootstrapServers(),
                    b.settings());
            ScenarioRunner runner = new ScenarioRunner(EpochNanoClock.system(), Sleeper.parking(), console);
            int producerIds = 0;
            for (int s = 0; s < scenarios.size(); s++) {
                Scenario scenario = scenarios.get(s);
                console.scenarioStart(s + 1, scenarios.size(), scenario);
                List<ForkResult> forks = new ArrayList<>();
                int forkCount = Math.max(1, scenario.iterations().forks());
                try {
                    for (int f = 0; f < forkCount; f++) {
                        try (InProcessWorker worker = InProcessWorker.create()) {
                            activeWorker.set(worker);
                            String prefix = "msgbench-" + runId + "-s" + (s + 1) + "-f" + (f + 1);
                            forks.add(runner.run(scenario, worker, b.bootstrapServers(), Map.of(),
                                    prefix, producerIds, 1));
                            producerIds += scenario.workload().producers();
                        } finally {
                            activeWorker.set(null);
                        }
                    }
                } catch (RuntimeException e) {
                    failures++;
                    System.err.println("ERROR: scenario " + scenario.label() + " failed: " + e.getMessage());
                    if (verbosity == Verbosity.EXTRA) {
                        e.printStackTrace();
                    }
                    b.logFile().ifPresent(log -> System.err.println("  broker log: " + log));
                    continue;
                }
                ScenarioResult result = new ScenarioResult(scenario, 1, brokerDescription, RunEnvironment.current(),
                        forks, Warnings.of(scenario, forks));
                completed.add(result);
                console.scenarioResult(result);
                files.writeJson(completed);
            }
        } finally {
            BrokerHandle b = broker.get();
            if (b != null) {
                b.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to
            }
        }
        if (!completed.isEmpty()) {
            console.line("");
            console.line("# Results: " + files.json().toAbsolutePath());
        }
        return failures == 0 ? 0 : 1;
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

    private BrokerHandle connect(ConsoleReporter console) {
        if (bootstrap != null) {
            console.line("# Cluster: external, " + bootstrap);
            return ExternalKafkaCluster.connect(bootstrap, Duration.ofSeconds(30));
        }
        long start = System.nanoTime();
        EmbeddedKafkaBroker b = EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults());
        console.line(String.format(java.util.Locale.ROOT, "# Cluster: embedded Kafka %s at %s, started in %.1f s",
                b.version(), b.bootstrapServers(), (System.nanoTime() - start) / 1e9));
        return b;
    }

    /** {@code -p name=v1,v2}, repeated names accumulating, in command-line order. */
    static Map<String, List<String>> parseParams(List<String> params) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new UserError("-p " + p + ": expected name=value[,value...]");
            }
            out.computeIfAbsent(p.substring(0, eq), k -> new ArrayList<>())
                    .addAll(ParameterSpace.splitValues(p.substring(eq + 1)));
        }
        return out;
    }

    static final class TimeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return TimeValues.parse(value);
        }
    }
}
