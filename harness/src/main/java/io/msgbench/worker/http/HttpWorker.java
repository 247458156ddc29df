package io.msgbench.worker.http;

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

/**
 * A {@link Worker} on the other end of {@link WorkerServer}'s API. A call that fails on the worker is a
 * {@link WorkerException} with the worker's one-line message; a worker that cannot be reached is one too,
 * with {@link #unreachableExplanation()} (a fork's exit code and last output).
 */
public class HttpWorker implements Worker {
    /**
     * Longest call without a timeout of its own: stopping the load (the senders pay their debt for up to
     * 40 s) and closing (clients and topic deletion) are bounded well below this.
     */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    /** Added to a call's own timeout (assignment, probe, drain) for the answer to come back. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client;

    public HttpWorker(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
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
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(WorkerServer.JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                String message = WorkerServer.JSON.readValue(response.body(), WorkerMessages.Error.class).error();
                throw new WorkerException(message);
            }
            return WorkerServer.JSON.readValue(response.body(), answer);
        } catch (IOException e) {
            throw new WorkerException("Worker at " + base + " did not answer " + path + ": " + unreachableExplanation(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while calling the worker", e);
        }
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
    public long startLoad(double ratePerSecond, int senderThreads) {
        return call("/load/start", new Load(ratePerSecond, senderThreads), Nanos.class).nanos();
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
        return call("/load/rate", new Rate(ratePerSecond, owed), Nanos.class).nanos();
    }

    @Override
    public long beginPhase(int phase) {
        return call("/phase/begin", new Phase(phase), Nanos.class).nanos();
    }

    @Override
    public long stopLoad(Duration payBound) {
        return call("/load/stop", new Timeout(payBound.toMillis()), Nanos.class,
                payBound.plus(STOP_GRACE).plus(GRACE)).nanos();
    }

    @Override
    public DrainResult drain(Duration timeout) {
        return call("/drain", new Timeout(timeout.toMillis()), DrainResult.class, timeout.plus(GRACE));
    }

    @Override
    public PhaseStats phaseStats(int phase) {
        return call("/phase/stats", new Phase(phase), PhaseStatsMessage.class).toStats();
    }

    /** Asks the worker to close; failures are ignored (the worker may be gone already). */
    @Override
    public void close() {
        try {
            call("/close", new Nanos(0), Nanos.class);
        } catch (WorkerException gone) {
            // nothing left to close
        }
    }
}
