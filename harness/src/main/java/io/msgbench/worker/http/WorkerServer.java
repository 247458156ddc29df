package io.msgbench.worker.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.msgbench.worker.Worker;
import io.msgbench.worker.Worker.WorkerSetup;
import io.msgbench.worker.http.WorkerMessages.Consumers;
import io.msgbench.worker.http.WorkerMessages.Load;
import io.msgbench.worker.http.WorkerMessages.Nanos;
import io.msgbench.worker.http.WorkerMessages.Phase;
import io.msgbench.worker.http.WorkerMessages.PhaseStatsMessage;
import io.msgbench.worker.http.WorkerMessages.Producers;
import io.msgbench.worker.http.WorkerMessages.Count;
import io.msgbench.worker.http.WorkerMessages.Rate;
import io.msgbench.worker.http.WorkerMessages.Timeout;
import io.msgbench.worker.http.WorkerMessages.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one {@link Worker} over HTTP + JSON (JDK HttpServer), one POST per Worker method, so a forked
 * JVM and, later, a remote host speak one API. Binds the loopback address unless told otherwise.
 * A failing call answers 500 with {@code {"error": "<one line>"}}.
 */
public final class WorkerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerServer.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Worker worker;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Runnable onClose;

    /**
     * @param onClose runs after the worker is closed through the API (a forked JVM exits then)
     */
    public WorkerServer(Worker worker, InetSocketAddress address, Runnable onClose) throws IOException {
        this.worker = worker;
        this.onClose = onClose;
        this.server = HttpServer.create(address, 0);
        // Calls come one at a time from the coordinator; a second thread keeps /close possible during a long call.
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "msgbench-worker-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Object answer;
            try {
                answer = dispatch(exchange.getRequestURI().getPath(), exchange.getRequestBody());
            } catch (RuntimeException e) {
                LOG.debug("worker call {} failed", exchange.getRequestURI(), e);
                String message = e.getMessage() != null ? e.getMessage() : e.toString();
                respond(exchange, 500, new WorkerMessages.Error(message));
                return;
            }
            respond(exchange, 200, answer);
        }
    }

    private Object dispatch(String path, InputStream body) throws IOException {
        return switch (path) {
            case "/initialize" -> worker.initialize(read(body, WorkerSetup.class));
            case "/topics" -> {
                Topics t = read(body, Topics.class);
                worker.createTopics(t.topics(), t.partitions());
                yield new Nanos(0);
            }
            case "/consumers" -> {
                Consumers c = read(body, Consumers.class);
                worker.createConsumers(c.consumers(), Duration.ofMillis(c.timeoutMillis()));
                yield new Nanos(0);
            }
            case "/producers" -> {
                Producers p = read(body, Producers.class);
                worker.createProducers(p.producers(), p.messages(), p.expectedRate());
                yield new Nanos(0);
            }
            case "/probe" -> new Nanos(worker.probe(Duration.ofMillis(read(body, Timeout.class).timeoutMillis())));
            case "/load/start" -> {
                Load l = read(body, Load.class);
                yield new Nanos(worker.startLoad(l.ratePerSecond(), l.senderThreads()));
            }
            case "/load/rate" -> {
                Rate r = read(body, Rate.class);
                yield new Nanos(worker.adjustRate(r.ratePerSecond(), r.owed()));
            }
            case "/load/stop" -> new Nanos(worker.stopLoad(Duration.ofMillis(read(body, Timeout.class).timeoutMillis())));
            case "/backlog" -> new Count(worker.backlog());
            case "/consumers/pause" -> {
                worker.pauseConsumers();
                yield new Nanos(0);
            }
            case "/consumers/resume" -> {
                worker.resumeConsumers();
                yield new Nanos(0);
            }
            case "/phase/begin" -> new Nanos(worker.beginPhase(read(body, Phase.class).phase()));
            case "/phase/stats" -> PhaseStatsMessage.of(worker.phaseStats(read(body, Phase.class).phase()));
            case "/drain" -> worker.drain(Duration.ofMillis(read(body, Timeout.class).timeoutMillis()));
            case "/close" -> {
                worker.close();
                Thread exit = new Thread(onClose, "msgbench-worker-exit");
                exit.setDaemon(true);
                exit.start();
                yield new Nanos(0);
            }
            default -> throw new IllegalArgumentException("no such worker call: " + path);
        };
    }

    private static <T> T read(InputStream body, Class<T> type) throws IOException {
        return JSON.readValue(body, type);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
