package io.msgbench.runner;

import io.msgbench.worker.InProcessWorker;
import io.msgbench.worker.http.WorkerServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code worker}: serves the worker API (docs/worker-protocol.md) for a coordinator on another host, until Ctrl-C.
 * Loopback unless told otherwise; bound anywhere else it needs a token.
 */
@Command(name = "worker", sortOptions = false, usageHelpWidth = 100, separator = " ",
        description = "Serves the worker API for a coordinator (java -jar benchmarks.jar ... --workers URL), one "
                + "coordinator at a time, until Ctrl-C.")
final class WorkerCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: loopback). Any "
            + "other address needs --token-file.")
    String bind;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: 8080; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the token every request must "
            + "carry (its first line); the coordinator gives the same file.")
    Path tokenFile;

    @Option(names = "--silence", paramLabel = "SECONDS", description = "Closes a session (stops its load, closes its "
            + "clients, deletes its topics) when its coordinator has said nothing for this long (default: 60).")
    long silenceSeconds = 60;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be from 0 to 65535, was " + port);
        }
        InetAddress address;
        try {
            address = bind == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserError("--bind " + bind + ": no such address");
        }
        String token = tokenFile == null ? null : Tokens.read(tokenFile);
        if (token == null && !address.isLoopbackAddress()) {
            throw new UserError("--bind " + bind + " is reachable from other hosts: give --token-file FILE (the "
                    + "coordinator passes the same file)");
        }
        if (silenceSeconds < 1) {
            throw new UserError("--silence must be at least 1 second, was " + silenceSeconds);
        }
        WorkerServer server;
        try {
            server = new WorkerServer(InProcessWorker::create, new InetSocketAddress(address, port),
                    new WorkerServer.Options(token, Duration.ofSeconds(silenceSeconds), false), () -> { });
        } catch (IOException e) {
            throw new UserError("cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage());
        }
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        System.out.printf("msgbench worker at http://%s:%d (protocol %d%s); Ctrl-C stops it.%n", host, server.port(),
                WorkerServer.PROTOCOL, token == null ? ", no token" : ", token required");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.closeSession();
            server.close();
        }, "msgbench-worker-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }

    /** Reads a token file: its first line, trimmed; one line for a missing or empty file. */
    static final class Tokens {
        private Tokens() {
        }

        static String read(Path file) {
            try {
                String token = Files.readAllLines(file).stream().findFirst().orElse("").strip();
                if (token.isEmpty()) {
                    throw new UserError("--token-file " + file + " is empty");
                }
                return token;
            } catch (IOException e) {
                throw new UserError("--token-file " + file + ": " + (e instanceof java.nio.file.NoSuchFileException
                        ? "no such file" : "cannot read it (" + e.getMessage() + ")"));
            }
        }
    }
}
