package io.msgbench.runner;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.EmbeddedBrokerOptions;
import io.msgbench.broker.EmbeddedKafkaBroker;
import io.msgbench.broker.ExternalKafkaCluster;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.report.ResultFiles;
import io.msgbench.scenario.BenchmarkDefinition;
import io.msgbench.scenario.BenchmarkIndex;
import io.msgbench.scenario.IterationOverrides;
import io.msgbench.scenario.ParameterSpace;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.ScenarioPlanner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Option(names = "-f", paramLabel = "int",
            description = "Forks: fresh JVMs per scenario, one after another (default 1; 0 runs in this JVM).")
    Integer forks;

    @Option(names = "-jvmArgs", paramLabel = "string",
            description = "JVM arguments of the forks, replacing the host JVM's own (space-separated).")
    String jvmArgs;

    @Option(names = "-jvmArgsAppend", paramLabel = "string", description = "JVM arguments added after the others.")
    String jvmArgsAppend;

    @Option(names = "-jvmArgsPrepend", paramLabel = "string", description = "JVM arguments added before the others.")
    String jvmArgsPrepend;

    @Option(names = "-foe", paramLabel = "bool", arity = "1", converter = StrictBooleanConverter.class,
            description = "Fail on error: stop the run at the first failed scenario (true/false, default false).")
    boolean failOnError;

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
                new IterationOverrides(warmupIterations, warmupTime, measurementIterations, measurementTime, forks));
        ResultFiles files = resultFile != null ? ResultFiles.at(resultFile)
                : ResultFiles.newTimestampedFolder(Path.of("results"), LocalDateTime.now());

        ForkJvmArgs forkJvmArgs = new ForkJvmArgs(split(jvmArgsPrepend), jvmArgs == null ? null : split(jvmArgs),
                split(jvmArgsAppend));
        return new BenchmarkRun(console, files, verbosity, forkJvmArgs, failOnError)
                .execute(scenarios, () -> connect(console));
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

    private static List<String> split(String args) {
        return args == null || args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
    }

    /** JMH's booleans, but strict: anything other than true or false is an error, not false. */
    static final class StrictBooleanConverter implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("'" + value + "' is not a boolean (true or false)");
            };
        }
    }

    static final class TimeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return TimeValues.parse(value);
        }
    }
}
