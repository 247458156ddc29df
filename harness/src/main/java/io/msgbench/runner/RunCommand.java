package io.msgbench.runner;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.broker.ContainerServers;
import io.msgbench.broker.ServerTuning;
import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.driver.MessagingSystem;
import io.msgbench.live.LiveView;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.omb.DriverFileLibrary;
import io.msgbench.omb.OmbDriver;
import io.msgbench.omb.OmbPlanner;
import io.msgbench.omb.OmbWorkload;
import io.msgbench.omb.WorkersFile;
import io.msgbench.report.ResultFiles;
import io.msgbench.report.ResultFormat;
import io.msgbench.report.ResultMark;
import io.msgbench.scenario.BenchmarkDefinition;
import io.msgbench.scenario.BenchmarkIndex;
import io.msgbench.scenario.ForkJvmArgs;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.ParameterSpace;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.ScenarioPlanner;
import io.msgbench.worker.WorkerException;
import io.msgbench.worker.WorkerRole;
import io.msgbench.worker.http.HttpWorker;
import io.msgbench.worker.http.WorkerEndpoint;
import io.msgbench.worker.http.WorkerMessages;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Runs the benchmarks matching the regexps on one broker for the whole run (DESIGN §3). */
@Command(name = "java -jar benchmarks.jar", sortOptions = false, usageHelpWidth = 100, separator = " ",
        subcommands = {BrokerCommand.class, WorkerCommand.class, ReportCommand.class, CompareCommand.class,
                OmbCommand.class},
        description = {"Runs msgbench benchmarks: each scenario sets up its topics and clients, runs warmup and "
                + "measurement iterations at a fixed rate, drains, and reports latency percentiles and rates.",
                "Defaults: -wi 1 -w 10s -i 3 -r 30s, one run per scenario (annotations on the benchmark class win "
                        + "over defaults; the command line wins over both). Time: 100ms, 10s, 2m; a bare number is "
                        + "seconds. Without --bootstrap, an embedded Kafka broker is started for the run and removed after it."},
        footer = {})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REGEXP", arity = "0..*",
            description = "Benchmarks to run: unanchored regular expressions on the class name, OR-ed (default: all).")
    List<String> includes = new ArrayList<>();

    @Option(names = {"-e", "--exclude"}, paramLabel = "regexp", split = ",",
            description = "Benchmarks to exclude (wins over the includes); comma-separated, repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "-p", paramLabel = "name=v1,v2",
            description = "Parameter values: replace a declared parameter's values, or add a dimension. Repeatable; "
                    + "repeating a name accumulates values; \\, is a literal comma.")
    List<String> params = new ArrayList<>();

    @Option(names = {"-wi", "--warmup-iterations"}, paramLabel = "int", description = "Warmup iterations (default 1).")
    Integer warmupIterations;

    @Option(names = {"-w", "--warmup-time"}, paramLabel = "time", converter = TimeConverter.class,
            description = "Time of each warmup iteration (default 10s).")
    Duration warmupTime;

    @Option(names = {"-i", "--measurement-iterations"}, paramLabel = "int", description = "Measurement iterations (default 3).")
    Integer measurementIterations;

    @Option(names = {"-r", "--measurement-time"}, paramLabel = "time", converter = TimeConverter.class,
            description = "Time of each measurement iteration (default 30s).")
    Duration measurementTime;

    @Option(names = {"-f", "--forks"}, paramLabel = "int",
            description = "Forks: fresh JVMs per scenario, one after another (default 1; 0 runs in this JVM).")
    Integer forks;

    @Option(names = {"-t", "--threads"}, paramLabel = "int",
            description = "Sender threads per worker; producers are spread over them, one thread per producer at most "
                    + "(more idle, and the run says so; JMH's -t is the benchmark's threads) (default 1).")
    int threads = 1;

    @Option(names = {"-to", "--timeout"}, paramLabel = "time", converter = TimeConverter.class,
            description = "How long the drain after the last iteration may wait for unacknowledged and unreceived "
                    + "messages; what is still missing then is 'not received within the drain bound' if messages were "
                    + "still arriving, else lost (default 30s).")
    Duration timeout;

    @Option(names = "--report-interval", paramLabel = "time", converter = TimeConverter.class,
            description = "Length of the report periods inside an iteration (OMB's 10-s stats): a stats line each, and "
                    + "the series of OMB result files (default 10s).")
    Duration reportInterval = Duration.ofSeconds(10);

    @Option(names = "--live", paramLabel = "port",
            description = "While the run lasts, serve its figures on loopback at this port (0: any free one): "
                    + "Prometheus' text format at /metrics, a page charting them at /.")
    Integer livePort;

    @Option(names = {"-jvmArgs", "--jvm-args"}, paramLabel = "string",
            description = "JVM arguments of the forks, replacing the host JVM's own (space-separated).")
    String jvmArgs;

    @Option(names = {"-jvmArgsAppend", "--jvm-args-append"}, paramLabel = "string",
            description = "JVM arguments added after the others.")
    String jvmArgsAppend;

    @Option(names = {"-jvmArgsPrepend", "--jvm-args-prepend"}, paramLabel = "string",
            description = "JVM arguments added before the others.")
    String jvmArgsPrepend;

    @Option(names = {"-foe", "--fail-on-error"}, paramLabel = "bool", arity = "1", converter = StrictBooleanConverter.class,
            description = "Fail on error: stop the run at the first failed scenario (true/false, default false).")
    boolean failOnError;

    @Option(names = {"-rf", "--result-format"}, paramLabel = "format", split = ",",
            description = "Result formats besides the JSON, which is always written (compare, report and CI tools read "
                    + "it): comma-separated or repeated: json (JMH's), csv, md, html (reports), omb (OMB's result files, "
                    + "one per scenario, under OMB's names), bmf (Bencher Metric Format), github-smaller and "
                    + "github-bigger (github-action-benchmark's customSmallerIsBetter latencies and customBiggerIsBetter "
                    + "rates); -lrf lists them. Default json.")
    List<String> resultFormats = new ArrayList<>(List.of("json"));

    @Option(names = {"-lrf", "--list-result-formats"}, description = "List the result formats and exit.")
    boolean listResultFormats;

    @Option(names = "--fail-on", paramLabel = "kind", split = ",",
            description = "What marks a completed result so that the run exits 4 instead of 0, comma-separated: loss "
                    + "(messages lost, not received within the drain bound, duplicated or out of order), errors "
                    + "(failed or never acknowledged sends), schedule (a fixed rate not held or messages due never "
                    + "sent; OMB's unthrottled producerRate 10000000 is not marked for it), warnings (any WARNING "
                    + "line, the machine's diagnosis included), all, or none. Default loss,errors,schedule.")
    List<String> failOn = new ArrayList<>(List.of("loss", "errors", "schedule"));

    @Option(names = {"-rff", "--result-file"}, paramLabel = "file",
            description = "Result file; other result files go beside it with the same stem "
                    + "(default: results/<yyyyMMdd-HHmmss>/results.json).")
    Path resultFile;

    @Option(names = {"-tu", "--time-unit"}, paramLabel = "unit", converter = TimeUnitConverter.class,
            description = "Unit of the latencies in the result file: ns, us, ms, s (default ms).")
    TimeUnit timeUnit = TimeUnit.MILLISECONDS;

    @Option(names = {"-o", "--output"}, paramLabel = "file",
            description = "Write the human-readable output to this file instead of the console.")
    Path output;

    @Option(names = {"--bootstrap", "--cluster"}, paramLabel = "ADDRESS",
            description = "Run on these servers instead of starting embedded ones: for Kafka its bootstrap servers "
                    + "(host:port[,host:port...]). --cluster is the same option for any system.")
    String bootstrap;

    @Option(names = "--embedded", description = "Run on the embedded broker even when OMB driver files name a cluster.")
    boolean embedded;

    @Option(names = "--broker-heap", paramLabel = "size",
            description = "Heap of the embedded broker's JVM (-Xms and -Xmx), e.g. 2g (default -Xms512m -Xmx1g); "
                    + "recorded in the result.")
    String brokerHeap;

    @Option(names = "--broker-config", paramLabel = "name=value",
            description = "A setting of the embedded broker (Kafka's server.properties names, checked by Kafka's own "
                    + "definitions before it starts), e.g. num.io.threads=16; repeatable; recorded in the result.")
    List<String> brokerConfig = new ArrayList<>();

    @Option(names = "--containers", description = "Start each system's server in a container for the run "
            + "(Testcontainers: needs a Docker engine), instead of the embedded broker or this machine's servers.")
    boolean containers;

    @Option(names = "--workers", paramLabel = "URL", split = ",",
            description = "Workers (java -jar benchmarks.jar worker) to run the forks on instead of local JVMs: "
                    + "http://host:port, comma-separated, repeatable. With several, each fork's producers and consumers "
                    + "spread over all of them.")
    List<String> workerUrls = new ArrayList<>();

    @Option(names = "--producer-workers", paramLabel = "URL", split = ",",
            description = "Workers that host producers only (added to --workers): comma-separated, repeatable.")
    List<String> producerWorkerUrls = new ArrayList<>();

    @Option(names = "--consumer-workers", paramLabel = "URL", split = ",",
            description = "Workers that host consumers only (added to --workers): comma-separated, repeatable.")
    List<String> consumerWorkerUrls = new ArrayList<>();

    @Option(names = "--workers-file", paramLabel = "file.yaml",
            description = "OMB's workers file: a 'workers:' list of worker URLs (added to --workers); msgbench also "
                    + "reads 'producerWorkers:' and 'consumerWorkers:' lists.")
    Path workersFile;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "The token the workers were started with (their --token-file).")
    Path tokenFile;

    @Option(names = "--workload", paramLabel = "file.yaml", split = ",",
            description = "OMB workload files to run (instead of benchmark classes), with the --drivers; "
                    + "comma-separated, repeatable. testDurationMinutes and warmupDurationMinutes give -i 1 -r and "
                    + "-wi 1 -w, which the options override.")
    List<Path> workloads = new ArrayList<>();

    @Option(names = {"-d", "--drivers"}, paramLabel = "file.yaml", split = ",",
            description = "OMB driver files: each workload runs with each driver; comma-separated, repeatable.")
    List<Path> drivers = new ArrayList<>();

    /** OMB's {@code -o} ({@link OmbCommand}): the one run's OMB result file. */
    @Option(names = "--omb-output", hidden = true)
    Path ombOutput;

    /** Where {@link OmbCommand} puts OMB's result files under OMB's names (its working directory). */
    @Option(names = "--omb-folder", hidden = true)
    Path ombFolder;

    @Option(names = {"-l", "--list"}, description = "List the matching benchmarks and exit.")
    boolean list;

    @Option(names = {"-lp", "--list-with-params"}, description = "List the matching benchmarks with their parameter spaces and exit.")
    boolean listWithParams;

    @Option(names = {"-prof", "--profiler"}, paramLabel = "profiler",
            description = "Profilers, repeatable, as JMH's: their figures become secondary metrics and series per "
                    + "report period. gc (gc.alloc.rate, gc.alloc.rate.norm per message, gc.count, gc.time, GC pauses), "
                    + "os (the load generator's host and processes), broker (the broker's own figures), client (the "
                    + "clients' own metrics), jfr (a flight recording per fork), none. Default gc, os, broker; -lprof "
                    + "says what each measures.")
    List<String> profilers = new ArrayList<>();

    @Option(names = {"-lprof", "--list-profilers"}, description = "List the profilers and exit.")
    boolean listProfilers;

    @Option(names = {"-v", "--verbosity"}, paramLabel = "mode",
            description = "Verbosity: SILENT, NORMAL, EXTRA (EXTRA shows stack traces).")
    Verbosity verbosity = Verbosity.NORMAL;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    private final EnvironmentDefaults environment;

    RunCommand(EnvironmentDefaults environment) {
        this.environment = environment;
    }

    Verbosity verbosity() {
        return verbosity;
    }

    EnvironmentDefaults environment() {
        return environment;
    }

    @Override
    public Integer call() throws IOException {
        if (listProfilers) {
            System.out.println("Supported profilers:");
            Profilers.KNOWN.forEach((name, what) -> System.out.printf("%10s: %s%n", name, what));
            return 0;
        }
        if (listResultFormats) {
            System.out.println("Available formats:");
            for (ResultFormat f : ResultFormat.values()) {
                System.out.printf("%16s: %s%n", f.optionName(), f.description());
            }
            return 0;
        }
        Profilers.of(profilers); // an unknown one is one line before anything else
        if (verbosity == Verbosity.EXTRA) {
            // the clients' and servers' own warnings, kept out of the user's output otherwise
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.kafka",
                    org.apache.logging.log4j.Level.WARN);
        }
        if (livePort != null && (livePort < 0 || livePort > 65535)) {
            throw new UserError("--live must be a port from 0 to 65535, was " + livePort);
        }
        if (threads < 1) {
            throw new UserError("-t must be at least 1, was " + threads);
        }
        if (embedded && bootstrap != null) {
            throw new UserError("--embedded and --bootstrap exclude each other: choose one cluster");
        }
        if (containers && (embedded || bootstrap != null)) {
            throw new UserError("--containers and " + (embedded ? "--embedded" : "--cluster") + " exclude each other: "
                    + "choose where the servers run");
        }
        if (containers) {
            try {
                ContainerServers.requireDocker();
            } catch (BrokerUnavailableException e) {
                throw new UserError(e.getMessage());
            }
        }
        // what can be checked without the benchmarks is checked before they are looked for
        parseParams(params);
        resultFormats();
        failOn();
        if (!workloads.isEmpty() || !drivers.isEmpty()) {
            return runOmbFiles();
        }
        BenchmarkIndex index = BenchmarkIndex.load(Thread.currentThread().getContextClassLoader());
        List<Pattern> excluded = excludes.stream().map(Pattern::compile).toList();
        List<BenchmarkDefinition> benchmarks = index.matching(includes).stream()
                .filter(b -> excluded.stream().noneMatch(e -> e.matcher(b.className()).find()))
                .toList();
        if (benchmarks.isEmpty()) {
            System.err.println("No matching benchmarks. Miss-spelled regexp?");
            return 1;
        }
        if (list || listWithParams) {
            listBenchmarks(benchmarks);
            return 0;
        }
        List<String> warnings = new ArrayList<>();
        DriverRegistry registry = DriverRegistry.load();
        List<Scenario> scenarios = new ScenarioPlanner(registry, new DriverFileLibrary(registry, warnings::add))
                .plan(benchmarks, parseParams(params), iterationOverrides());
        return run(scenarios, warnings.stream().distinct().toList(), null);
    }

    private IterationOverrides iterationOverrides() {
        return new IterationOverrides(warmupIterations, warmupTime, measurementIterations, measurementTime, forks,
                timeout);
    }

    /** {@code --workload W.yaml --drivers D.yaml}: OMB's files, every workload with every driver. */
    private int runOmbFiles() throws IOException {
        if (workloads.isEmpty() || drivers.isEmpty()) {
            throw new UserError("OMB files run as --workload W.yaml --drivers D.yaml: both are needed");
        }
        if (!includes.isEmpty()) {
            throw new UserError("--workload runs OMB files; benchmark regexps select benchmark classes: run those "
                    + "separately");
        }
        List<String> warnings = new ArrayList<>();
        DriverRegistry registry = DriverRegistry.load();
        List<OmbWorkload> ws = workloads.stream().map(f -> OmbWorkload.read(f, warnings::add)).toList();
        List<OmbDriver> ds = drivers.stream().map(f -> OmbDriver.read(f, registry, warnings::add)).toList();
        List<String> named = ds.stream().map(OmbDriver::bootstrapServers).filter(java.util.Objects::nonNull)
                .distinct().toList();
        String fileCluster = null;
        if (bootstrap == null && !embedded && !containers && !named.isEmpty()) {
            if (named.size() > 1 || named.size() < ds.size()) {
                throw new UserError("The driver files name different clusters (" + named + "); a run uses one: "
                        + "give --bootstrap host:port or --embedded");
            }
            fileCluster = named.get(0);
        }
        if (!named.isEmpty() && bootstrap != null) {
            warnings.add("--bootstrap " + bootstrap + " wins over the driver files' bootstrap.servers " + named);
        }
        return run(OmbPlanner.plan(ws, ds, iterationOverrides(), parseParams(params)), warnings, fileCluster);
    }

    /**
     * Runs the planned scenarios on one cluster: {@code --bootstrap}, else {@code fileCluster} (an OMB driver
     * file's), else the embedded broker.
     */
    private int run(List<Scenario> scenarios, List<String> planWarnings, String fileCluster) throws IOException {
        List<String> warnings = new ArrayList<>(planWarnings);
        warnings.addAll(checkClients(scenarios));
        Set<ResultFormat> formats = resultFormats();
        ResultFiles files = resultFile != null ? ResultFiles.at(resultFile)
                : ResultFiles.newTimestampedFolder(Path.of("results"), LocalDateTime.now());
        if (ombOutput != null || ombFolder != null) {
            formats.add(ResultFormat.OMB);
            files = files.withOmbFiles(ombFolder != null ? ombFolder : Path.of(""), ombOutput);
        }
        try {
            files.requireWritable(resultFile != null ? "-rff" : "the results folder");
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        List<WorkerEndpoint> workers = workers();
        RunSettings settings = new RunSettings(new ForkJvmArgs(split(jvmArgsPrepend), split(jvmArgs),
                split(jvmArgsAppend)), failOnError, threads, timeUnit, verbosity, reportInterval, formats, workers,
                tokenFile == null ? null : WorkerCommand.Tokens.read(tokenFile), Profilers.of(profilers), failOn());
        // Workers on other hosts reach the embedded broker at this host's address towards them, not at loopback.
        String listenAddress = bootstrap != null || fileCluster != null ? null : EmbeddedBrokerAddress.forWorkers(workers);
        Map<String, MessagingSystem> systems = systemsOf(scenarios, bootstrap != null || fileCluster != null);
        ServerTuning tuning = serverTuning(bootstrap != null || fileCluster != null, systems.values());
        LiveView live = null;
        if (livePort != null) {
            try {
                live = LiveView.start(livePort);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        RunProgress progress = new RunProgress(scenarios, EpochNanoClock.system(), live);
        try (PrintStream out = humanReadableOutput(progress); LiveView serving = live) {
            ConsoleReporter console = new ConsoleReporter(out);
            if (serving != null) {
                console.line("# Live: " + serving.address() + " (Prometheus text format at " + serving.address()
                        + "metrics), while the run lasts");
            }
            environment.inEffect(spec, o -> spec.commandLine().getParseResult().hasMatchedOption(o))
                    .forEach((variable, value) -> console.line("# From the environment: " + variable + "=" + value));
            warnings.forEach(w -> console.line("# WARNING: " + w));
            DriverRegistry registry = DriverRegistry.load();
            Map<String, BrokerHandle> clusters = new java.util.HashMap<>();
            // each system's servers when its first scenario comes, sized for the largest replication factor it needs
            return new BenchmarkRun(console, files, settings, progress, !interactive(), serving).execute(scenarios,
                    scenario -> clusters.computeIfAbsent(registry.get(scenario.driver()).system(), name -> connect(
                            console, systems.get(name), fileCluster, scenarios.stream()
                                    .filter(o -> registry.get(o.driver()).system().equals(name))
                                    .mapToInt(Scenario::replicationFactor).max().orElse(1), listenAddress, tuning)));
        }
    }

    /**
     * The workers of {@code --workers} and {@code --workers-file}, each checked before any broker work: it answers,
     * speaks this protocol, takes the token and serves no other coordinator; one line naming it otherwise.
     */
    private List<WorkerEndpoint> workers() {
        List<WorkerEndpoint> named = new ArrayList<>();
        named(named, "--workers", workerUrls, WorkerRole.BOTH);
        named(named, "--producer-workers", producerWorkerUrls, WorkerRole.PRODUCE);
        named(named, "--consumer-workers", consumerWorkerUrls, WorkerRole.CONSUME);
        if (workersFile != null) {
            named.addAll(WorkersFile.read(workersFile));
        }
        List<WorkerEndpoint> all = WorkerEndpoint.merged(named);
        if (all.isEmpty()) {
            if (tokenFile != null) {
                throw new UserError("--token-file is for --workers: without workers the forks are local JVMs");
            }
            return List.of();
        }
        if (forks != null && forks == 0) {
            throw new UserError("--workers runs the forks on workers; -f 0 runs in this JVM: choose one");
        }
        if (all.stream().noneMatch(e -> e.role().produces())) {
            throw new UserError("No worker hosts producers: name one with --workers or --producer-workers");
        }
        if (all.stream().noneMatch(e -> e.role().consumes())) {
            throw new UserError("No worker hosts consumers: name one with --workers or --consumer-workers");
        }
        String token = tokenFile == null ? null : WorkerCommand.Tokens.read(tokenFile);
        for (WorkerEndpoint worker : all) {
            URI uri = worker.uri();
            WorkerMessages.Hello hello;
            try {
                hello = new HttpWorker(uri, token).hello();
            } catch (WorkerException e) {
                throw new UserError(e.getMessage().startsWith("Worker at") ? e.getMessage()
                        : "Worker at " + uri + ": " + e.getMessage());
            }
            if (hello.busyWith() != null) {
                throw new UserError("Worker at " + uri + " is busy: it serves coordinator " + hello.busyWith());
            }
        }
        return List.copyOf(all);
    }

    /** The URLs of one workers option, each a worker of {@code role}; a URL named twice in one list is an error. */
    private static void named(List<WorkerEndpoint> into, String option, List<String> urls, WorkerRole role) {
        Set<URI> seen = new java.util.HashSet<>();
        for (String url : urls) {
            URI uri;
            try {
                uri = WorkersFile.url(url);
            } catch (IllegalArgumentException e) {
                throw new UserError(option + ": " + e.getMessage());
            }
            if (!seen.add(uri)) {
                throw new UserError(option + ": worker " + uri + " is named twice (a worker serves one session at a time)");
            }
            into.add(new WorkerEndpoint(uri, role));
        }
    }

    /**
     * Each client with each of its settings, checked once before any broker work: an interpreter or package that
     * is missing, a setting the client refuses, is one line now rather than a failed scenario later.
     */
    private static List<String> checkClients(List<Scenario> scenarios) {
        DriverRegistry registry = DriverRegistry.load();
        Set<List<Object>> checked = new java.util.HashSet<>();
        List<String> warnings = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (checked.add(List.of(s.driver(), s.common(), s.producer(), s.consumer(), s.topic()))) {
                try {
                    DriverFactory factory = registry.get(s.driver());
                    warnings.addAll(factory.check(s.common(), s.producer(), s.consumer()));
                    factory.checkTopicSettings(s.topic());
                } catch (RuntimeException e) {
                    throw new UserError(e.getMessage());
                }
            }
        }
        return warnings.stream().distinct().toList();
    }

    /** A terminal gets the progress as a status line; a file or pipe gets plain lines, without control characters. */
    private boolean interactive() {
        return verbosity != Verbosity.SILENT && output == null && System.console() != null;
    }

    /**
     * The console (with the progress as a status line when it is a terminal), a file ({@code -o}), or nothing
     * ({@code -v SILENT}); closing it never closes System.out.
     */
    private PrintStream humanReadableOutput(RunProgress progress) throws IOException {
        if (verbosity == Verbosity.SILENT) {
            return new PrintStream(OutputStream.nullOutputStream());
        }
        if (output != null) {
            return new PrintStream(Files.newOutputStream(output), true, StandardCharsets.UTF_8);
        }
        if (interactive()) {
            return new PrintStream(new TerminalStatusLine(System.out, progress::status).start(), true,
                    StandardCharsets.UTF_8);
        }
        return new PrintStream(new FilterOutputStream(System.out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** {@code -l} and {@code -lp}, in JMH's format. */
    private void listBenchmarks(List<BenchmarkDefinition> benchmarks) {
        System.out.println("Benchmarks:");
        for (BenchmarkDefinition b : benchmarks) {
            System.out.println(b.className());
            if (listWithParams) {
                b.params().forEach((name, values) ->
                        System.out.println("  param \"" + name + "\" = {" + String.join(", ", values) + "}"));
            }
        }
    }

    /**
     * @param system        the messaging system of the run's scenarios
     * @param brokers       the embedded cluster's size: the largest replication factor of the plan (DESIGN §3)
     * @param listenAddress where the embedded servers' clients reach them
     */
    private BrokerHandle connect(ConsoleReporter console, MessagingSystem system, String fileCluster, int brokers,
                                 String listenAddress, ServerTuning tuning) {
        if (bootstrap != null) {
            console.line("# Cluster: external, " + bootstrap);
            return system.connect(bootstrap, Duration.ofSeconds(30));
        }
        if (containers) {
            long start = System.nanoTime();
            BrokerHandle b = system.startContainer(brokers);
            console.line(String.format(java.util.Locale.ROOT, "# Cluster: %s, started in %.1f s", b.description(),
                    (System.nanoTime() - start) / 1e9));
            return b;
        }
        if (fileCluster != null) {
            console.line("# Cluster: external, " + fileCluster + " (named by the driver file)");
            try {
                return system.connect(fileCluster, Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                throw new UserError(e.getMessage() + "; --embedded runs on the embedded broker instead");
            }
        }
        long start = System.nanoTime();
        BrokerHandle b = system.startEmbedded(brokers, listenAddress, tuning);
        // a system may use this machine's own servers rather than start some ("local"): nothing was started then
        String started = b.kind().equals("embedded") ? String.format(java.util.Locale.ROOT, ", started in %.1f s",
                (System.nanoTime() - start) / 1e9) : "";
        String tuned = tuning.isEmpty() ? "" : "; tuned: " + (tuning.heap() == null ? "" : "heap " + tuning.heap()
                + (tuning.settings().isEmpty() ? "" : ", ")) + tuning.settings().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        console.line("# Cluster: " + b.description() + started + tuned + b.note().map(n -> "; " + n).orElse(""));
        return b;
    }

    /**
     * The messaging systems of the run's scenarios, by name, each on the class path; one cluster named by the user
     * or a driver file is one system's, so it allows one.
     */
    private static Map<String, MessagingSystem> systemsOf(List<Scenario> scenarios, boolean oneClusterNamed) {
        DriverRegistry registry = DriverRegistry.load();
        List<String> names = scenarios.stream().map(s -> registry.get(s.driver()).system()).distinct().toList();
        if (names.size() > 1 && oneClusterNamed) {
            throw new UserError("The scenarios need " + String.join(", ", names) + ", but one cluster is named (--cluster "
                    + "or a driver file): run them one system at a time");
        }
        Map<String, MessagingSystem> systems = new LinkedHashMap<>();
        for (String name : names.isEmpty() ? List.of("kafka") : names) {
            try {
                systems.put(name, MessagingSystem.named(name));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        return systems;
    }

    /**
     * {@code --broker-heap} and {@code --broker-config}; they tune servers msgbench starts, so a cluster named by the
     * user or a driver file (or containers) refuses them.
     */
    private ServerTuning serverTuning(boolean clusterNamed, java.util.Collection<MessagingSystem> systems) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : brokerConfig) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--broker-config " + setting + ": expected name=value");
            }
            settings.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
        }
        ServerTuning tuning;
        try {
            tuning = new ServerTuning(brokerHeap, settings);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        for (MessagingSystem system : systems) {
            try {
                system.checkTuning(tuning); // the setting itself first: the most precise line
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        if (!tuning.isEmpty() && (clusterNamed || containers)) {
            throw new UserError("--broker-heap and --broker-config tune the embedded broker; "
                    + (containers ? "--containers starts the image's own" : "the run uses a cluster named by --cluster "
                    + "or a driver file") + ": run without them");
        }
        return tuning;
    }

    /** The kinds of {@code --fail-on}; {@code all} and {@code none} stand alone. */
    private Set<ResultMark> failOn() {
        if (failOn.size() == 1 && failOn.get(0).trim().equalsIgnoreCase("none")) {
            return EnumSet.noneOf(ResultMark.class);
        }
        if (failOn.size() == 1 && failOn.get(0).trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(ResultMark.class);
        }
        Set<ResultMark> kinds = EnumSet.noneOf(ResultMark.class);
        for (String kind : failOn) {
            if (kind.trim().equalsIgnoreCase("none") || kind.trim().equalsIgnoreCase("all")) {
                throw new UserError("--fail-on " + String.join(",", failOn) + ": " + kind.trim() + " stands alone");
            }
            try {
                kinds.add(ResultMark.of(kind));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        return kinds;
    }

    /** The {@code -rf} formats; one line naming the supported ones for an unknown one. */
    private Set<ResultFormat> resultFormats() {
        Set<ResultFormat> formats = EnumSet.of(ResultFormat.JSON); // what compare, report and the CI tools read
        for (String format : resultFormats) {
            try {
                formats.add(ResultFormat.of(format));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        return formats;
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

    /** JMH's space-separated argument line; {@code null} when the option was not given. */
    private static List<String> split(String args) {
        return args == null ? null : args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
    }

    /** JMH's booleans, but strict: anything other than true or false is an error, not false. */
    static final class StrictBooleanConverter implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new TypeConversionException("'" + value + "' is not a boolean (true or false)");
            };
        }
    }

    /** JMH's time units for {@code -tu}. */
    static final class TimeUnitConverter implements ITypeConverter<TimeUnit> {
        @Override
        public TimeUnit convert(String value) {
            return switch (value) {
                case "ns" -> TimeUnit.NANOSECONDS;
                case "us" -> TimeUnit.MICROSECONDS;
                case "ms" -> TimeUnit.MILLISECONDS;
                case "s" -> TimeUnit.SECONDS;
                default -> throw new TypeConversionException("'" + value + "' is not a time unit (ns, us, ms, s)");
            };
        }
    }

    static final class TimeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            if (value.contains("://")) {
                throw new TypeConversionException("'" + value + "' is a URL, but -w is the warmup time (as in JMH); "
                        + "workers of a distributed run will be given with --workers");
            }
            try {
                return TimeValues.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
