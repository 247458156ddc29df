package io.msgbench.driver.kafka.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The embedded broker's child JVM: formats storage, runs a combined broker+controller {@link KafkaRaftServer},
 * and lives only as long as its parent.
 *
 * <p>Arguments: {@code <broker-dir> <server.properties> [cluster-id]} (the nodes of one cluster share the id). The parent keeps this process's stdin open; EOF
 * on stdin means the parent closed it or died (the kernel closes the pipe even on SIGKILL), and then this
 * process stops the server within {@value #SHUTDOWN_BOUND_MS} ms, deletes the broker directory and halts.
 * The parent's exit is watched as well, as a second signal. A failed start-up prints
 * {@value #FAILED_PREFIX}{@code <cause>} to stderr, deletes the data (keeping the log the parent redirects
 * into the directory) and exits with {@link #EXIT_BIND_FAILED} when a port was taken, so the parent can
 * retry with other ports, or {@link #EXIT_STARTUP_FAILED} otherwise. Some faults make Kafka halt the process
 * itself first (exit code 1, e.g. a taken controller port), skipping all of this; the parent then reads the log
 * and deletes the data.
 */
public final class EmbeddedBrokerMain {
    /** Printed to stdout once the server has started. */
    public static final String READY_LINE = "MSGBENCH-BROKER-READY";
    /** Starts the stderr line that explains a failed start-up. */
    public static final String FAILED_PREFIX = "MSGBENCH-BROKER-FAILED: ";
    /** Exit code: start-up failed for another reason than a taken port. */
    public static final int EXIT_STARTUP_FAILED = 2;
    /** Exit code: a listener could not bind its port (another process took it after the parent chose it). */
    public static final int EXIT_BIND_FAILED = 3;
    static final long SHUTDOWN_BOUND_MS = 5_000;
    private static final long MAIN_STARTED = System.nanoTime();

    private final Path brokerDir;
    private final Path config;
    private final String clusterId;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaRaftServer server;

    private EmbeddedBrokerMain(Path brokerDir, Path config, String clusterId) {
        this.brokerDir = brokerDir;
        this.config = config;
        this.clusterId = clusterId;
    }

    public static void main(String[] args) {
        if (args.length != 2 && args.length != 3) {
            System.err.println(FAILED_PREFIX + "usage: EmbeddedBrokerMain <broker-dir> <server.properties> [cluster-id]");
            System.exit(EXIT_STARTUP_FAILED);
        }
        new EmbeddedBrokerMain(Paths.get(args[0]), Paths.get(args[1]),
                args.length == 3 ? args[2] : Uuid.randomUuid().toString()).run();
    }

    private void run() {
        watchParent();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop("signal"), "msgbench-broker-shutdown-hook"));
        Path dataDir = null;
        try {
            Properties props = load(config);
            dataDir = Paths.get(props.getProperty("log.dirs"));
            format();
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        } catch (Throwable t) {
            failStartup(t, dataDir);
        }
        System.out.println("msgbench broker: started " + sinceMainStarted());
        System.out.println(READY_LINE);
        System.out.flush();
        // Not returning: once Kafka's shutdown ends its non-daemon threads the JVM would exit on its own,
        // cutting the directory deletion short. The watchers halt the process when they are done.
        parkForever();
    }

    private static void parkForever() {
        while (true) {
            LockSupport.park();
        }
    }

    /** Stdin EOF and the parent's exit both end this process; whichever comes first wins. */
    private void watchParent() {
        Thread stdin = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // The parent writes nothing; any bytes are ignored.
                }
            } catch (IOException closed) {
                // Same meaning as EOF.
            }
            stopAndHalt("stdin closed by the parent");
        }, "msgbench-broker-stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.current().parent().ifPresent(
                parent -> parent.onExit().thenRun(() -> stopAndHalt("parent process " + parent.pid() + " exited")));
    }

    private void stopAndHalt(String reason) {
        if (stop(reason)) {
            Runtime.getRuntime().halt(0);
        }
    }

    /**
     * Stops the server (bounded: a stuck shutdown must not keep an orphan alive) and deletes the broker
     * directory. Only the first caller does the work; a later one (the shutdown hook on SIGTERM) waits for
     * it, so that the JVM does not exit half-way.
     *
     * @return true for the caller that did it
     */
    private boolean stop(String reason) {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return false;
        }
        try {
            stopServerAndDelete(reason);
        } finally {
            stopped.countDown();
        }
        return true;
    }

    private void awaitStopped() {
        try {
            stopped.await(2 * SHUTDOWN_BOUND_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopServerAndDelete(String reason) {
        System.err.println("msgbench broker: stopping, " + reason);
        long start = System.nanoTime();
        KafkaRaftServer s = server;
        if (s != null) {
            Thread shutdown = new Thread(() -> {
                s.shutdown();
                s.awaitShutdown();
            }, "msgbench-broker-stop");
            shutdown.setDaemon(true);
            shutdown.start();
            try {
                shutdown.join(SHUTDOWN_BOUND_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.err.println("msgbench broker: Kafka stopped in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms; deleting " + brokerDir);
        OwnedTempDirectories.deleteRecursively(brokerDir);
        System.err.flush();
    }

    private void failStartup(Throwable t, Path dataDir) {
        if (stopping.get()) {
            // The parent went away during start-up; the watcher that noticed it halts the process.
            parkForever();
        }
        System.err.println(FAILED_PREFIX + Messages.outerAndRootMessage(t));
        t.printStackTrace();
        if (dataDir != null) {
            OwnedTempDirectories.deleteRecursively(dataDir);
        }
        System.out.flush();
        System.err.flush();
        // halt, not exit: threads the half-started server left behind must not keep the JVM alive.
        Runtime.getRuntime().halt(isBindFailure(t) ? EXIT_BIND_FAILED : EXIT_STARTUP_FAILED);
    }

    private void format() {
        String[] args = {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"};
        long start = System.nanoTime();
        int rc = StorageTool.execute(args, System.out);
        if (rc != 0) {
            throw new IllegalStateException("formatting the storage failed (kafka-storage exit code " + rc + ")");
        }
        System.out.println("msgbench broker: storage formatted in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms, " + sinceMainStarted());
    }

    private static String sinceMainStarted() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - MAIN_STARTED) + " ms after main() began";
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            props.load(r);
        }
        if (props.getProperty("log.dirs") == null) {
            throw new IllegalArgumentException(file + " has no log.dirs");
        }
        return props;
    }

    static boolean isBindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BindException
                    || (c.getMessage() != null && c.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

}
