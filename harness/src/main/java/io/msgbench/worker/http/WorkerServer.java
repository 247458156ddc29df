package io.msgbench.worker.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.msgbench.http.HttpResponses;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.worker.RunEnvironment;
import io.msgbench.worker.Worker;
import io.msgbench.worker.Worker.WorkerSetup;
import io.msgbench.worker.http.WorkerMessages.Consumers;
import io.msgbench.worker.http.WorkerMessages.Count;
import io.msgbench.worker.http.WorkerMessages.Load;
import io.msgbench.worker.http.WorkerMessages.Nanos;
import io.msgbench.worker.http.WorkerMessages.Phase;
import io.msgbench.worker.http.WorkerMessages.PhaseStatsMessage;
import io.msgbench.worker.http.WorkerMessages.Producers;
import io.msgbench.worker.http.WorkerMessages.Rate;
import io.msgbench.worker.http.WorkerMessages.Timeout;
import io.msgbench.worker.http.WorkerMessages.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the worker API (docs/worker-protocol.md) over HTTP + JSON (JDK HttpServer): one POST per {@link Worker}
 * method, inside a session that one coordinator opens at a time; a forked JVM and a remote host speak the same
 * API. Every request carries the protocol version; with a token, every request must carry it too (401 otherwise);
 * a request id makes a retried call return the first call's answer instead of running twice. A session whose
 * coordinator has gone silent (no call running and none for {@link Options#silence()}) is closed: its load
 * stops, its clients close and its topics go. A failing call answers 500 with {@code {"error": "<one line>"}}.
 */
public final class WorkerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerServer.class);
    static final ObjectMapper JSON = new ObjectMapper();
    /** The protocol version this worker and its coordinator speak; a different one is refused either way. */
    public static final int PROTOCOL = 1;
    static final String PROTOCOL_HEADER = "X-Msgbench-Protocol";
    static final String SESSION_HEADER = "X-Msgbench-Session";
    static final String REQUEST_HEADER = "X-Msgbench-Request";
    /** Answers kept per session for retried requests. */
    private static final int REMEMBERED_ANSWERS = 64;

    /**
     * How a server behaves.
     *
     * @param token            what every request must carry ({@code Authorization: Bearer <token>}), or null
     * @param silence          how long a session's coordinator may say nothing before the session is closed
     * @param exitAfterSession a fork: the process ends with its one session ({@code onClose} runs)
     */
    public record Options(String token, Duration silence, boolean exitAfterSession) {
    }

    /** One coordinator's use of the worker: its worker, its remembered answers, when it was last heard. */
    private static final class Session {
        final String id;
        final String coordinator;
        final long openedMillis = System.currentTimeMillis();
        final Worker worker;
        final AtomicInteger running = new AtomicInteger();
        volatile long lastHeardNanos = System.nanoTime();
        final Map<Long, CompletableFuture<Answer>> answers = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CompletableFuture<Answer>> eldest) {
                return size() > REMEMBERED_ANSWERS;
            }
        };

        Session(String id, String coordinator, Worker worker) {
            this.id = id;
            this.coordinator = coordinator;
            this.worker = worker;
        }
    }

    private record Answer(int status, Object body) {
    }

    private final Supplier<Worker> workers;
    private final Options options;
    private final Runnable onClose;
    private final EpochNanoClock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService watchdog;
    private final Object lock = new Object();
    private Session session;

    /**
     * @param workers makes the worker of each session
     * @param onClose runs after a fork's session is closed (the fork's JVM exits then)
     */
    public WorkerServer(Supplier<Worker> workers, InetSocketAddress address, Options options, Runnable onClose)
            throws IOException {
        this.workers = workers;
        this.options = options;
        this.onClose = onClose;
        this.clock = EpochNanoClock.system();
        // Small answers at once (Nagle would hold them for the peer's delayed ACK): the clock-offset exchanges
        // are only as good as their round trip. Read when the JDK's server first starts in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(address, 0);
        // One call at a time from the coordinator, plus its heartbeat, a retry and /close during a long call.
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "msgbench-worker-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msgbench-worker-watchdog");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, Math.min(1_000, options.silence().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::closeSilentSession, every, every, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String refused = refusal(exchange);
            if (refused != null) {
                respond(exchange, refused.startsWith("missing or wrong token") ? 401 : 400,
                        new WorkerMessages.Error(refused));
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer = switch (path) {
                case "/hello" -> new Answer(200, hello());
                case "/clock" -> new Answer(200, new Nanos(clock.epochNanos()));
                case "/session/open" -> open(read(body, WorkerMessages.Open.class));
                default -> inSession(exchange, path, body);
            };
            respond(exchange, answer.status(), answer.body());
        }
    }

    /** Why a request is refused before it is read, or null: the token, then the protocol version. */
    private String refusal(HttpExchange exchange) {
        if (options.token() != null) {
            String given = exchange.getRequestHeaders().getFirst("Authorization");
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    ("Bearer " + options.token()).getBytes(StandardCharsets.UTF_8))) {
                return "missing or wrong token: this worker needs the token of its --token-file";
            }
        }
        String protocol = exchange.getRequestHeaders().getFirst(PROTOCOL_HEADER);
        if (!String.valueOf(PROTOCOL).equals(protocol)) {
            return "this worker speaks msgbench worker protocol " + PROTOCOL + ", the request "
                    + (protocol == null ? "names none" : "speaks " + protocol) + ": use the same msgbench version on both";
        }
        return null;
    }

    private WorkerMessages.Hello hello() {
        synchronized (lock) {
            return new WorkerMessages.Hello(PROTOCOL, RunEnvironment.currentHarnessVersion(),
                    session == null ? null : session.coordinator);
        }
    }

    private Answer open(WorkerMessages.Open open) {
        synchronized (lock) {
            if (session != null) {
                return new Answer(409, new WorkerMessages.Error("busy: serving coordinator " + session.coordinator
                        + " since " + java.time.Instant.ofEpochMilli(session.openedMillis)
                        + "; a worker serves one coordinator at a time"));
            }
            session = new Session(Long.toHexString(new SecureRandom().nextLong()), open.coordinator(), workers.get());
            return new Answer(200, new WorkerMessages.Opened(session.id));
        }
    }

    private Answer inSession(HttpExchange exchange, String path, byte[] body) {
        Session s;
        synchronized (lock) {
            s = session;
        }
        String id = exchange.getRequestHeaders().getFirst(SESSION_HEADER);
        if (s == null || !s.id.equals(id)) {
            return new Answer(409, new WorkerMessages.Error("no such session: the worker closed it (its coordinator "
                    + "was silent for more than " + options.silence().toSeconds() + " s) or serves another coordinator"));
        }
        s.lastHeardNanos = System.nanoTime();
        s.running.incrementAndGet();
        try {
            String requestId = exchange.getRequestHeaders().getFirst(REQUEST_HEADER);
            if (requestId == null) {
                return call(s, path, body);
            }
            CompletableFuture<Answer> mine = new CompletableFuture<>();
            CompletableFuture<Answer> first;
            synchronized (s.answers) {
                first = s.answers.putIfAbsent(Long.parseLong(requestId), mine);
            }
            if (first != null) {
                return first.join(); // a retry: the first call's answer, never a second run
            }
            Answer answer = call(s, path, body);
            mine.complete(answer);
            return answer;
        } finally {
            s.lastHeardNanos = System.nanoTime();
            s.running.decrementAndGet();
        }
    }

    private Answer call(Session s, String path, byte[] body) {
        try {
            Object result = dispatch(s, path, body);
            return new Answer(200, result);
        } catch (RuntimeException | IOException e) {
            LOG.debug("worker call {} failed", path, e);
            return new Answer(500, new WorkerMessages.Error(e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }

    private Object dispatch(Session s, String path, byte[] body) throws IOException {
        Worker worker = s.worker;
        return switch (path) {
            case "/ping" -> new Nanos(0);
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
            case "/probe/send" -> new Nanos(worker.sendProbes(Duration.ofMillis(read(body, Timeout.class).timeoutMillis())));
            case "/probe/received" -> worker.probesReceived();
            case "/delivery/counts" -> worker.deliveryCounts();
            case "/delivery/acknowledged" ->
                    new Count(worker.awaitAcknowledgements(Duration.ofMillis(read(body, Timeout.class).timeoutMillis())));
            case "/delivery/record" -> worker.deliveryRecord();
            case "/clock/corrections" -> {
                worker.correctClocks(read(body, WorkerMessages.Corrections.class).nanosByProducer());
                yield new Nanos(0);
            }
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
                closeSession(s);
                yield new Nanos(0);
            }
            default -> throw new IllegalArgumentException("no such worker call: " + path);
        };
    }

    /** Closes the session's worker (load, clients, topics) and ends the session; a fork then exits. */
    private void closeSession(Session s) {
        synchronized (lock) {
            if (session != s) {
                return;
            }
            session = null;
        }
        try {
            s.worker.close();
        } finally {
            if (options.exitAfterSession()) {
                Thread exit = new Thread(onClose, "msgbench-worker-exit");
                exit.setDaemon(true);
                exit.start();
            }
        }
    }

    /** Whether a coordinator's session is open (not closed through the API yet). */
    public boolean hasSession() {
        synchronized (lock) {
            return session != null;
        }
    }

    /** Closes the session in progress, if any (its coordinator is known to be gone). */
    public void closeSession() {
        Session s;
        synchronized (lock) {
            s = session;
        }
        if (s != null) {
            closeSession(s);
        }
    }

    private void closeSilentSession() {
        Session s;
        synchronized (lock) {
            s = session;
        }
        if (s != null && s.running.get() == 0
                && System.nanoTime() - s.lastHeardNanos > options.silence().toNanos()) {
            LOG.warn("Coordinator {} silent for more than {} s: stopping its load and closing its session",
                    s.coordinator, options.silence().toSeconds());
            closeSession(s);
        }
    }

    private static <T> T read(byte[] body, Class<T> type) throws IOException {
        return JSON.readValue(body, type);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        HttpResponses.send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
