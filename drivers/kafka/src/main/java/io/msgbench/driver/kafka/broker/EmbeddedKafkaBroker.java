package io.msgbench.driver.kafka.broker;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.BrokerUnavailableException;
import io.msgbench.process.ChildProcess;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in a child JVM started from this
 * JVM's own classpath, so no Kafka installation is needed.
 *
 * <p>Why a child JVM: the broker's threads, heap and GC pauses stay out of the measuring JVM, and the
 * broker can be killed without taking the harness down. The child watches its stdin pipe and exits,
 * deleting its directory, when this JVM closes it or dies (see {@link EmbeddedBrokerMain}); a JVM shutdown
 * hook closes brokers still open at exit (Ctrl-C). Directories orphaned anyway (the child killed too) are
 * swept by the next {@link #start}.
 *
 * <p>The directory {@code msgbench-broker-<this pid>-<random>} under {@code java.io.tmpdir} holds
 * {@code server.properties}, the data, and {@code broker.log} (the child's stdout and stderr). If start-up
 * fails, the data is deleted but the directory and its log are kept for reading; the error message names
 * the log. {@link #close()} deletes everything, so copy the log first ({@link #copyLogTo}) when a run failed.
 */
public final class EmbeddedKafkaBroker implements BrokerHandle {
    /** Start attempts when another process takes a chosen port before the broker binds it. */
    static final int MAX_ATTEMPTS = 3;
    /** JVM options besides the heap: Kafka's own start script's GC settings, so figures compare with a real broker. */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
    /** Key of the child JVM's options in {@link #settings()}. */
    public static final String JVM_OPTIONS_SETTING = "msgbench.broker.jvm.options";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    /** The controllers listen on IPv4 loopback only, whatever {@code java.net.preferIPv6Addresses} says. */
    private static final String LOOPBACK = EmbeddedBrokerOptions.LOOPBACK;
    private static final long POLL_MS = 100;
    private static final long MAX_LOG_READ = 1 << 20;
    private static final Set<EmbeddedKafkaBroker> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SHUTDOWN_HOOK = new AtomicBoolean();

    private final Path directory;
    private final Path log;
    /** Where this attempt's output starts in {@link #log}: attempts after a bind race append to it. */
    private final long logStart;
    private final ChildProcess child;
    private final Process process;
    /** Where clients reach it: {@link EmbeddedBrokerOptions#listenAddress()}. */
    private final String host;
    private final int port;
    private final Map<String, String> settings;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Duration startDuration = Duration.ZERO;

    /** The child's command line, to start it again on the same directory ({@link #killedAndRestarted}). */
    private final List<String> command;

    private EmbeddedKafkaBroker(Path directory, long logStart, ChildProcess child, String host, int port,
                                Map<String, String> settings, List<String> command) {
        this.command = List.copyOf(command);
        this.directory = directory;
        this.log = directory.resolve("broker.log");
        this.logStart = logStart;
        this.child = child;
        this.process = child.process();
        this.host = host;
        this.port = port;
        this.settings = settings;
    }

    /**
     * Starts a broker and returns once it has answered an admin round trip.
     *
     * @throws BrokerUnavailableException when it does not start within the options' timeout; the message
     *                                    names the broker's log file
     */
    public static EmbeddedKafkaBroker start(EmbeddedBrokerOptions options) {
        return start(options, EmbeddedKafkaBroker::freeLoopbackPort);
    }

    /** {@link #start(EmbeddedBrokerOptions)} with the ports taken from {@code freePort} (tests force a bind race). */
    static EmbeddedKafkaBroker start(EmbeddedBrokerOptions options, IntSupplier freePort) {
        long startNanos = System.nanoTime();
        for (Path stale : OwnedTempDirectories.sweepStale(OwnedTempDirectories.root())) {
            LOG.info("Deleted {}, left behind by a process that no longer runs", stale);
        }
        Path directory = OwnedTempDirectories.create("broker");
        long deadline = startNanos + options.startTimeout().toNanos();
        String timeout = Messages.duration(options.startTimeout());
        for (int attempt = 1; ; attempt++) {
            EmbeddedKafkaBroker broker;
            try {
                int port = freePort.getAsInt();
                int controllerPort = freePort.getAsInt();
                while (controllerPort == port) {
                    controllerPort = freePort.getAsInt();
                }
                broker = launch(directory, options, 1, port, controllerPort, "1@" + LOOPBACK + ":" + controllerPort,
                        Uuid.randomUuid().toString());
            } catch (RuntimeException | Error e) {
                OwnedTempDirectories.deleteRecursively(directory);
                throw e;
            }
            try {
                broker.awaitReady(deadline, timeout, 1);
                broker.startDuration = Duration.ofNanos(System.nanoTime() - startNanos);
                LOG.info("Embedded Kafka broker {} ready at {} in {} ms (directory {})", broker.version(),
                        broker.bootstrapServers(), broker.startDuration.toMillis(), directory);
                return broker;
            } catch (StartFailure failure) {
                broker.abandon();
                if (failure.portTaken && attempt < MAX_ATTEMPTS) {
                    LOG.info("Embedded broker port taken meanwhile ({}); retrying with other ports", failure.getMessage());
                    continue;
                }
                throw new BrokerUnavailableException("Embedded Kafka broker did not start: " + failure.getMessage()
                        + (failure.portTaken ? " (after " + attempt + " attempts)" : "") + "; see " + broker.log);
            } catch (InterruptedException e) {
                broker.abandon();
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException("Embedded Kafka broker start interrupted; see " + broker.log);
            } catch (RuntimeException | Error e) {
                broker.abandon();
                throw e;
            }
        }
    }

    /**
     * Starts a cluster of {@code nodes} brokers on loopback, each a child JVM that is broker and controller
     * (all of them voters): for replicated topics (OMB's driver files ask for replication 3). All share this
     * machine: a functional cluster, not a capacity figure. One node is {@link #start}.
     */
    public static EmbeddedKafkaCluster startCluster(EmbeddedBrokerOptions options, int nodes) {
        if (nodes < 2) {
            throw new IllegalArgumentException("a cluster has at least 2 nodes, was " + nodes);
        }
        long startNanos = System.nanoTime();
        for (Path stale : OwnedTempDirectories.sweepStale(OwnedTempDirectories.root())) {
            LOG.info("Deleted {}, left behind by a process that no longer runs", stale);
        }
        long deadline = startNanos + options.startTimeout().multipliedBy(2).toNanos();
        String timeout = Messages.duration(options.startTimeout().multipliedBy(2));
        for (int attempt = 1; ; attempt++) {
            List<EmbeddedKafkaBroker> launched = new ArrayList<>();
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            int[] ports = new int[2 * nodes];
            for (int i = 0; i < ports.length; i++) {
                do {
                    ports[i] = freeLoopbackPort();
                } while (!taken.add(ports[i]));
            }
            StringBuilder voters = new StringBuilder();
            for (int n = 1; n <= nodes; n++) {
                voters.append(n == 1 ? "" : ",").append(n).append('@').append(LOOPBACK).append(':')
                        .append(ports[2 * n - 1]);
            }
            String clusterId = Uuid.randomUuid().toString();
            try {
                for (int n = 1; n <= nodes; n++) {
                    launched.add(launch(OwnedTempDirectories.create("broker"), options, n, ports[2 * n - 2],
                            ports[2 * n - 1], voters.toString(), clusterId));
                }
                for (EmbeddedKafkaBroker node : launched) {
                    node.awaitReady(deadline, timeout, nodes);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
                LOG.info("Embedded Kafka cluster of {} nodes ready in {} ms", nodes, took.toMillis());
                return new EmbeddedKafkaCluster(launched, took);
            } catch (StartFailure failure) {
                launched.forEach(EmbeddedKafkaBroker::abandon); // the logs stay for reading
                if (failure.portTaken && attempt < MAX_ATTEMPTS) {
                    LOG.info("Embedded cluster port taken meanwhile ({}); retrying with other ports", failure.getMessage());
                    continue;
                }
                throw new BrokerUnavailableException("Embedded Kafka cluster of " + nodes + " nodes did not start: "
                        + failure.getMessage() + "; see " + launched.stream().map(n -> n.log.toString())
                        .collect(Collectors.joining(", ")));
            } catch (InterruptedException e) {
                launched.forEach(EmbeddedKafkaBroker::close);
                Thread.currentThread().interrupt();
                throw new BrokerUnavailableException("Embedded Kafka cluster start interrupted");
            } catch (RuntimeException | Error e) {
                launched.forEach(EmbeddedKafkaBroker::close);
                throw e;
            }
        }
    }

    /** Writes the settings of one node and starts its child JVM. */
    private static EmbeddedKafkaBroker launch(Path directory, EmbeddedBrokerOptions options, int nodeId, int port,
                                              int controllerPort, String voters, String clusterId) {
        Map<String, String> brokerSettings = EmbeddedBrokerSettings.of(nodeId, options.listenAddress(),
                port, controllerPort, voters, directory.resolve("data"), options.brokerProperties());
        EmbeddedBrokerSettings.write(brokerSettings, directory.resolve("server.properties"));
        List<String> jvmOptions = jvmOptions(options);
        Map<String, String> settings = new TreeMap<>(brokerSettings);
        settings.put(JVM_OPTIONS_SETTING, String.join(" ", jvmOptions));

        List<String> command = ChildProcess.javaCommand(jvmOptions, EmbeddedBrokerMain.class, List.of(
                directory.toString(), directory.resolve("server.properties").toString(), clusterId));
        File log = directory.resolve("broker.log").toFile();
        long logStart = log.length();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        // stdin stays a pipe: closing it (or dying) is how this JVM tells the child to go.
        ChildProcess process;
        try {
            process = ChildProcess.start("the broker", builder);
        } catch (IOException e) {
            throw new BrokerUnavailableException("Cannot launch the embedded broker's JVM (" + command.get(0)
                    + "): " + e.getMessage(), e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory, logStart, process, options.listenAddress(), port,
                Collections.unmodifiableMap(settings), command);
        register(broker);
        return broker;
    }

    private static List<String> jvmOptions(EmbeddedBrokerOptions options) {
        List<String> all = new ArrayList<>();
        all.add("-Xms" + options.minHeap());
        all.add("-Xmx" + options.maxHeap());
        all.addAll(JVM_OPTIONS);
        return all;
    }

    private static void register(EmbeddedKafkaBroker broker) {
        if (SHUTDOWN_HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> List.copyOf(OPEN).forEach(EmbeddedKafkaBroker::close), "msgbench-embedded-broker-close"));
        }
        OPEN.add(broker);
    }

    /** Ready = the listener accepts a TCP connection, then the broker lists itself and its topics over the admin API. */
    private void awaitReady(long deadline, String timeout, int clusterNodes) throws StartFailure, InterruptedException {
        while (!portAccepts()) {
            checkProgress(deadline, timeout, "its port never opened");
            Thread.sleep(POLL_MS);
        }
        Map<String, Object> config = new HashMap<>(BrokerClientSettings.admin(Duration.ofSeconds(10)));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "msgbench-broker-readiness");
        Admin admin = Admin.create(config);
        try {
            roundTrip(admin, a -> a.describeCluster().nodes(), nodes -> nodes.size() >= clusterNodes, deadline, timeout);
            roundTrip(admin, a -> a.listTopics().names(), names -> true, deadline, timeout);
        } finally {
            // Not close(): it waits without bound for calls in flight, e.g. to a process that took our port.
            admin.close(Duration.ZERO);
        }
    }

    /** Repeats an admin call until it returns an acceptable answer, watching the child and the deadline. */
    private <T> void roundTrip(Admin admin, Function<Admin, KafkaFuture<T>> call, Predicate<T> acceptable,
                               long deadline, String timeout) throws StartFailure, InterruptedException {
        String lastProblem = "no admin answer";
        while (true) {
            KafkaFuture<T> answer = call.apply(admin);
            while (!answer.isDone()) {
                checkProgress(deadline, timeout, lastProblem);
                try {
                    answer.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException notYet) {
                    // Examined below once done.
                }
            }
            try {
                T value = answer.get();
                if (acceptable.test(value)) {
                    return;
                }
                lastProblem = "the broker has not registered itself yet";
            } catch (ExecutionException e) {
                lastProblem = "last admin error: " + Messages.rootMessage(e.getCause());
            }
            checkProgress(deadline, timeout, lastProblem);
            Thread.sleep(POLL_MS);
        }
    }

    private void checkProgress(long deadline, String timeout, String problem) throws StartFailure {
        if (!process.isAlive()) {
            int code = process.exitValue();
            List<String> output = attemptOutput();
            // Kafka halts the process itself (exit code 1) when the controller cannot bind, so the code is not enough.
            boolean portTaken = code == EmbeddedBrokerMain.EXIT_BIND_FAILED
                    || output.stream().anyMatch(l -> l.contains(BindException.class.getName()));
            String cause = output.stream()
                    .filter(l -> l.startsWith(EmbeddedBrokerMain.FAILED_PREFIX))
                    .map(l -> l.substring(EmbeddedBrokerMain.FAILED_PREFIX.length()))
                    .reduce((first, last) -> last)
                    .orElse("the broker process exited with code " + code + (portTaken ? " (a port was taken)" : ""));
            throw new StartFailure(cause, portTaken);
        }
        if (System.nanoTime() - deadline >= 0) {
            throw new StartFailure("not ready within " + timeout + " (" + problem + ")", false);
        }
    }

    private boolean portAccepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) POLL_MS);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The lines this attempt's child wrote to the log. */
    private List<String> attemptOutput() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, Math.min(file.length() - logStart, MAX_LOG_READ))];
            file.seek(logStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1).lines().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * A crash and a restart, for fault tests: kills the broker's JVM (SIGKILL: no shutdown, as a crash), waits
     * {@code down}, and starts it again on the same directory, ports and cluster id; it recovers its logs (what the OS
     * had been handed survives a killed process). This handle is closed without deleting the directory; the one
     * returned owns it.
     *
     * @throws BrokerUnavailableException when the broker does not come back within {@code startTimeout}
     */
    public EmbeddedKafkaBroker killedAndRestarted(Duration down, Duration startTimeout) throws InterruptedException {
        closed.set(true);
        OPEN.remove(this);
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new BrokerUnavailableException("Embedded broker (pid " + process.pid() + ") survived SIGKILL");
        }
        Thread.sleep(down.toMillis());
        File logFile = log.toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile));
        ChildProcess restarted;
        try {
            restarted = ChildProcess.start("the broker", builder);
        } catch (IOException e) {
            throw new BrokerUnavailableException("Cannot restart the embedded broker's JVM: " + e.getMessage(), e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory, logFile.length(), restarted, host, port, settings,
                command);
        register(broker);
        try {
            broker.awaitReady(System.nanoTime() + startTimeout.toNanos(), Messages.duration(startTimeout), 1);
        } catch (StartFailure failure) {
            broker.close();
            throw new BrokerUnavailableException("Embedded Kafka broker did not restart: " + failure.getMessage());
        }
        return broker;
    }

    /** After a failed attempt: the child is gone, its data deleted; the directory and log stay for reading. */
    private void abandon() {
        closed.set(true);
        OPEN.remove(this);
        stopProcess(Duration.ZERO);
        OwnedTempDirectories.deleteRecursively(directory.resolve("data"));
    }

    /** A port nobody listened on a moment ago (another process may take it before the broker binds: retried). */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port: " + e.getMessage(), e);
        }
    }

    @Override
    public String bootstrapServers() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public String description() {
        return "embedded Kafka " + version() + " at " + bootstrapServers();
    }

    /** The Kafka version on this classpath, which is the one the child runs. */
    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    /**
     * Every broker setting written to {@code server.properties}, sorted by key, plus the child's JVM options
     * under {@link #JVM_OPTIONS_SETTING}.
     */
    @Override
    public Map<String, String> settings() {
        return settings;
    }

    /** {@code broker.log}, until {@link #close()} deletes it. */
    @Override
    public Optional<Path> logFile() {
        return closed.get() || !Files.exists(log) ? Optional.empty() : Optional.of(log);
    }

    /**
     * Copies the broker's log to {@code dir/broker.log} (replacing it), e.g. into the results folder after a
     * failure.
     *
     * @return the copy, or empty when the broker is already closed
     */
    @Override
    public Optional<Path> copyLogTo(Path dir) {
        Optional<Path> source = logFile();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir);
            return Optional.of(Files.copy(source.get(), dir.resolve("broker.log"), StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the broker log to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** From the {@link #start} call until the broker answered. */
    public Duration startDuration() {
        return startDuration;
    }

    /** The broker's directory (deleted by {@link #close()}). */
    Path directory() {
        return directory;
    }

    /** Over JMX, attached to the broker JVM by process id. */
    @Override
    public Optional<io.msgbench.broker.BrokerMetrics> metrics() {
        return Optional.of(KafkaBrokerMetrics.attach(List.of(pid())));
    }

    @Override
    public Optional<Path> dataDirectory() {
        return Optional.of(directory);
    }

    /** The child JVM. */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** Process id of the broker's JVM (known-answer tests freeze it with SIGSTOP). */
    public long pid() {
        return process.pid();
    }

    /**
     * Closes the child's stdin, which makes it stop the broker and delete its directory; kills it after
     * 10 s if it has not exited, and deletes what is left. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopProcess(CLOSE_GRACE);
        OwnedTempDirectories.deleteRecursively(directory);
        OPEN.remove(this);
    }

    private void stopProcess(Duration grace) {
        if (!child.stop(grace) && !grace.isZero()) {
            LOG.warn("Embedded broker (pid {}) did not stop within {}; killed it", process.pid(), Messages.duration(grace));
        }
    }

    @Override
    public String toString() {
        return "embedded Kafka " + version() + " at " + bootstrapServers() + " (" + directory + ")";
    }

    /** Why one start attempt failed; {@code portTaken} when another attempt with new ports may succeed. */
    private static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean portTaken;

        StartFailure(String message, boolean portTaken) {
            super(message, null, false, false);
            this.portTaken = portTaken;
        }
    }
}
