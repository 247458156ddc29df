package io.msgbench.worker.http;

import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.worker.PhaseStats;
import io.msgbench.worker.Worker;
import io.msgbench.worker.WorkerException;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Worker} on the other end of {@link WorkerServer}'s API, in a session of its own
 * (docs/worker-protocol.md). A call that fails on the worker is a {@link WorkerException} with the worker's
 * one-line message; a worker that cannot be reached is one too, with {@link #unreachableExplanation()} (a fork's
 * exit code and last output). Every call carries a request id and is retried once when its answer is lost (the
 * worker answers a retry with the first call's answer, so nothing runs twice); a heartbeat tells the worker that
 * its coordinator is alive while the calls are far apart.
 */
public class HttpWorker implements Worker {
    /** How often the heartbeat calls: well inside the silence a worker waits before closing a session. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /**
     * A worker whose heartbeat has gone unanswered this long is lost: the call waiting on it ends at once instead of
     * at its own (much longer) timeout. A worker busy with a long call still answers its heartbeat.
     */
    private static final Duration LOST_AFTER = Duration.ofSeconds(15);
    /** Round trips per clock-offset estimate; the one with the shortest round trip is kept. */
    private static final int CLOCK_SAMPLES = 16;
    /**
     * Longest call without a timeout of its own: stopping the load (the senders pay their debt for up to
     * 40 s) and closing (clients and topic deletion) are bounded well below this.
     */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    /** Added to a call's own timeout (assignment, probe, drain) for the answer to come back. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final HttpClient client;
    private final AtomicLong requests = new AtomicLong();
    private volatile String session;
    /** When the worker last answered anything (System.nanoTime()). */
    private volatile long lastAnswerNanos = System.nanoTime();
    /** The best estimate of the worker's clock so far (see {@link ClockOffset#better}), or null before the first. */
    private volatile ClockOffset clock;
    /** Set when the heartbeat found nothing listening at the worker's address: its process is gone. */
    private volatile boolean refused;
    private ScheduledExecutorService heartbeat;

    /** A worker at {@code base}; {@link #open} starts the session. */
    public HttpWorker(URI base, String token) {
        this.base = base;
        this.token = token;
        // HTTP/1.1 outright: the JDK server speaks nothing else, and an h2c upgrade attempt costs each connection.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Where the worker answers. */
    public URI uri() {
        return base;
    }

    /**
     * Says hello (one line if the worker does not answer, speaks another protocol or refuses the token) and opens
     * a session (one line if the worker serves another coordinator).
     */
    public WorkerMessages.Hello open(String coordinator) {
        WorkerMessages.Hello hello = hello();
        session = call("/session/open", new WorkerMessages.Open(coordinator), WorkerMessages.Opened.class).session();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "msgbench-worker-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::ping, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return hello;
    }

    /** The worker's protocol and version, and whom it serves; one line naming it when it cannot be used. */
    public WorkerMessages.Hello hello() {
        WorkerMessages.Hello hello = call("/hello", new Nanos(0), WorkerMessages.Hello.class, Duration.ofSeconds(10));
        if (hello.protocol() != WorkerServer.PROTOCOL) {
            throw new WorkerException("Worker at " + base + " speaks msgbench worker protocol " + hello.protocol()
                    + ", this coordinator " + WorkerServer.PROTOCOL + ": use the same msgbench version on both");
        }
        return hello;
    }

    private void ping() {
        try {
            call("/ping", new Nanos(0), Nanos.class, HEARTBEAT.multipliedBy(2));
            refused = false;
        } catch (WorkerException e) {
            // the call waiting on the worker, or checkAlive, reports what is wrong
            refused = e.getCause() instanceof java.net.ConnectException && lastAnswerNanos < System.nanoTime()
                    - HEARTBEAT.toNanos();
        }
    }

    @Override
    public void checkAlive() {
        if (refused) {
            throw new WorkerException("Worker at " + base + " refuses connections: " + unreachableExplanation());
        }
        if (lost()) {
            throw new WorkerException("Worker at " + base + " has answered nothing, not even its heartbeat, for "
                    + LOST_AFTER.toSeconds() + " s");
        }
    }

    /** True once the heartbeat runs and the worker has answered nothing for {@link #LOST_AFTER}. */
    private boolean lost() {
        return heartbeat != null && System.nanoTime() - lastAnswerNanos > LOST_AFTER.toNanos();
    }

    /**
     * Sends and waits for the answer, but no longer than the worker keeps answering its heartbeat: a worker that
     * stopped (a frozen process, a cut link) ends the wait within {@link #LOST_AFTER}.
     */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofByteArray());
        while (true) {
            try {
                HttpResponse<byte[]> response = answer.get(1, TimeUnit.SECONDS);
                lastAnswerNanos = System.nanoTime();
                return response;
            } catch (TimeoutException waiting) {
                if (lost()) {
                    answer.cancel(true);
                    throw new IOException("it has answered nothing, not even its heartbeat, for "
                            + LOST_AFTER.toSeconds() + " s");
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    /**
     * The worker's clock against {@code local} (NTP's way): of {@value #CLOCK_SAMPLES} exchanges, the one with the
     * shortest round trip gives offset = worker time − midpoint of the local send and receive times, within ± half
     * that round trip.
     */
    @Override
    public ClockOffset clockOffset(EpochNanoClock local) {
        long bestRoundTrip = Long.MAX_VALUE;
        long bestOffset = 0;
        long at = 0;
        for (int i = 0; i < CLOCK_SAMPLES; i++) {
            long[] exchange = clockExchange(local);
            long sent = exchange[0];
            long remote = exchange[1];
            long received = exchange[2];
            if (received - sent < bestRoundTrip) {
                bestRoundTrip = received - sent;
                bestOffset = remote - (sent + (received - sent) / 2);
                at = received;
            }
        }
        ClockOffset estimate = new ClockOffset(at, bestOffset, (bestRoundTrip + 1) / 2);
        clock = clock == null ? estimate : clock.better(estimate);
        return estimate;
    }

    /**
     * A time the worker read on its clock, on the coordinator's: the phase boundaries it answers pace the
     * coordinator's iterations, and the phase windows of several workers are combined. Unchanged while the offset is
     * unknown, or no larger than its uncertainty (a fork on this host).
     */
    private long onCoordinatorClock(long workerEpochNanos) {
        ClockOffset c = clock;
        if (workerEpochNanos == 0 || c == null || Math.abs(c.offsetNanos()) <= c.uncertaintyNanos()) {
            return workerEpochNanos;
        }
        return workerEpochNanos - c.offsetNanos();
    }

    /**
     * One {@code /clock} exchange: local send time, the worker's time, local receive time. The receive time is read
     * where the answer completes, not after the waiting thread wakes: that wake-up would lengthen the answer's leg
     * of the round trip only, and bias the offset low by half of it.
     */
    private long[] clockExchange(EpochNanoClock local) {
        HttpRequest request = request("/clock", new Nanos(0), Duration.ofSeconds(10), requests.incrementAndGet());
        long sent = local.epochNanos();
        CompletableFuture<long[]> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> {
                    long received = local.epochNanos();
                    if (r.statusCode() != 200) {
                        return null;
                    }
                    try {
                        return new long[] {sent, WorkerServer.JSON.readValue(r.body(), Nanos.class).nanos(), received};
                    } catch (IOException e) {
                        return null;
                    }
                });
        try {
            long[] exchange = answer.get(10, TimeUnit.SECONDS);
            if (exchange != null) {
                lastAnswerNanos = System.nanoTime();
                return exchange;
            }
        } catch (ExecutionException | TimeoutException e) {
            // the call below says what is wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while calling the worker", e);
        }
        // Once more through the ordinary call, which retries a lost answer and says what is wrong if it fails again.
        long again = local.epochNanos();
        long remote = call("/clock", new Nanos(0), Nanos.class, Duration.ofSeconds(10)).nanos();
        return new long[] {again, remote, local.epochNanos()};
    }

    /** What to tell the user when the worker does not answer (a fork says how it died). */
    protected String unreachableExplanation() {
        return "no answer";
    }

    private <T> T call(String path, Object body, Class<T> answer) {
        return call(path, body, answer, CALL_TIMEOUT);
    }

    private <T> T call(String path, Object body, Class<T> answer, Duration timeout) {
        try {
            HttpRequest request = request(path, body, timeout, requests.incrementAndGet());
            HttpResponse<byte[]> response;
            try {
                response = send(request);
            } catch (IOException lostAnswer) {
                if (lost() || path.equals("/close") || path.equals("/hello") || path.equals("/session/open")
                        || path.equals("/ping")) {
                    throw lostAnswer;
                }
                // The answer was lost (a timeout, a dropped connection): the same request id again gets the
                // first call's answer, or waits for it, and never runs the call twice.
                response = send(request);
            }
            if (response.statusCode() != 200) {
                String message = WorkerServer.JSON.readValue(response.body(), WorkerMessages.Error.class).error();
                // A call that failed on the worker says why in its own words; a refusal names the worker.
                throw new WorkerException(response.statusCode() == 500 ? message : "Worker at " + base + ": " + message);
            }
            return WorkerServer.JSON.readValue(response.body(), answer);
        } catch (IOException e) {
            String why = e.getMessage() != null && e.getMessage().startsWith("it has answered nothing") ? e.getMessage()
                    : unreachableExplanation();
            throw new WorkerException("Worker at " + base + " did not answer " + path + ": " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while calling the worker", e);
        }
    }

    /** A call's request: its protocol version, request id, token and session. */
    private HttpRequest request(String path, Object body, Duration timeout, long id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WorkerServer.PROTOCOL_HEADER, String.valueOf(WorkerServer.PROTOCOL))
                .header(WorkerServer.REQUEST_HEADER, String.valueOf(id));
        try {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(WorkerServer.JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            request.header(WorkerServer.SESSION_HEADER, session);
        }
        return request.build();
    }

    @Override
    public WorkerInfo initialize(WorkerSetup setup) {
        return call("/initialize", setup, WorkerInfo.class);
    }

    @Override
    public void createTopics(List<String> topics, int partitions) {
        call("/topics", new Topics(topics, partitions), Nanos.class);
    }

    @Override
    public void createConsumers(List<ConsumerSpec> consumers, Duration timeout) {
        call("/consumers", new Consumers(consumers, timeout.toMillis()), Nanos.class, timeout.plus(GRACE));
    }

    @Override
    public void createProducers(List<ProducerSpec> producers, MessageSpec messages, double expectedRate) {
        call("/producers", new Producers(producers, messages, expectedRate), Nanos.class);
    }

    @Override
    public long probe(Duration timeout) {
        return call("/probe", new Timeout(timeout.toMillis()), Nanos.class, timeout.plus(GRACE)).nanos();
    }

    @Override
    public long sendProbes(Duration timeout) {
        return call("/probe/send", new Timeout(timeout.toMillis()), Nanos.class, timeout.plus(GRACE)).nanos();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Long> probesReceived() {
        Map<String, Number> raw = call("/probe/received", new Nanos(0), Map.class);
        Map<String, Long> probes = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> probes.put(k, v.longValue()));
        return probes;
    }

    @Override
    public DeliveryCounts deliveryCounts() {
        return call("/delivery/counts", new Nanos(0), DeliveryCounts.class);
    }

    @Override
    public long awaitAcknowledgements(Duration timeout) {
        return call("/delivery/acknowledged", new Timeout(timeout.toMillis()), Count.class, timeout.plus(GRACE)).count();
    }

    @Override
    public void correctClocks(Map<Integer, Long> nanosByProducer) {
        call("/clock/corrections", new WorkerMessages.Corrections(nanosByProducer), Nanos.class);
    }

    @Override
    public DeliveryRecord deliveryRecord() {
        return call("/delivery/record", new Nanos(0), DeliveryRecord.class);
    }

    @Override
    public long startLoad(double ratePerSecond, int senderThreads) {
        return onCoordinatorClock(call("/load/start", new Load(ratePerSecond, senderThreads), Nanos.class).nanos());
    }

    @Override
    public long backlog() {
        return call("/backlog", new Nanos(0), Count.class).count();
    }

    @Override
    public void pauseConsumers() {
        call("/consumers/pause", new Nanos(0), Nanos.class);
    }

    @Override
    public void resumeConsumers() {
        call("/consumers/resume", new Nanos(0), Nanos.class);
    }

    @Override
    public long adjustRate(double ratePerSecond, OwedMessages owed) {
        return onCoordinatorClock(call("/load/rate", new Rate(ratePerSecond, owed), Nanos.class).nanos());
    }

    @Override
    public long beginPhase(int phase) {
        return onCoordinatorClock(call("/phase/begin", new Phase(phase), Nanos.class).nanos());
    }

    @Override
    public long stopLoad(Duration payBound) {
        return onCoordinatorClock(call("/load/stop", new Timeout(payBound.toMillis()), Nanos.class,
                payBound.plus(STOP_GRACE).plus(GRACE)).nanos());
    }

    @Override
    public DrainResult drain(Duration timeout) {
        return call("/drain", new Timeout(timeout.toMillis()), DrainResult.class, timeout.plus(GRACE));
    }

    @Override
    public PhaseStats phaseStats(int phase) {
        PhaseStats s = call("/phase/stats", new Phase(phase), PhaseStatsMessage.class).toStats();
        return new PhaseStats(s.phase(), onCoordinatorClock(s.startEpochNanos()), onCoordinatorClock(s.endEpochNanos()),
                s.scheduleDebt(), s.backlog(), s.snapshot(), onCoordinatorClock(s.takenEpochNanos()), s.cpu());
    }

    /** Asks the worker to close; failures are ignored (the worker may be gone already). */
    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (session == null) {
            return;
        }
        try {
            call("/close", new Nanos(0), Nanos.class);
        } catch (WorkerException gone) {
            // nothing left to close
        } finally {
            session = null;
        }
    }
}
