package io.msgbench.driver;

import io.msgbench.load.ProducerFleet;
import io.msgbench.metrics.PhaseLedger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One messaging system's client, as the harness drives it: topics, producers, consumers. A driver
 * is created by its {@link DriverFactory}, initialised once per worker and closed at the end.
 *
 * <p>Implementations must not allocate or block on behalf of the harness beyond what the client
 * library itself needs; completion and delivery are reported through the listener interfaces.
 */
public interface MessagingDriver extends AutoCloseable {

    /**
     * Connects and records the effective configuration.
     *
     * @return the client properties exactly as the driver will pass them to each side, so the run
     *     can print and store them
     */
    EffectiveClientConfig initialize(DriverContext context);

    /**
     * The client library and version this driver found once initialised (e.g. an interpreter's package), or
     * {@code null} for its factory's {@link DriverFactory#clientVersion()}.
     */
    default String clientVersion() {
        return null;
    }

    /**
     * CPU time each process outside this JVM that runs this driver's clients has used so far, nanoseconds, in
     * a stable order (a process added later comes last); none for clients in this JVM.
     */
    default long[] clientProcessCpuNanos() {
        return new long[0];
    }

    /**
     * The clients' own metrics now ({@code -prof client}), added up over this driver's producers and consumers, under
     * system-neutral names: totals {@code producer.records.sent}, {@code producer.records.errors},
     * {@code producer.records.retries}, {@code producer.requests}, {@code producer.bufferpool.wait.seconds},
     * {@code producer.io.wait.seconds}, {@code consumer.records}, {@code consumer.fetches}; levels (averages of the
     * client's last second, summed over clients) {@code producer.queue.time.ms}, {@code producer.request.latency.ms},
     * {@code producer.batch.bytes}, {@code producer.records.per.request}, {@code consumer.fetch.latency.ms},
     * {@code consumer.lag.max}, {@code consumer.poll.idle.ratio}, and the counts {@code producers}, {@code consumers}.
     * None where the client has no metrics to read.
     */
    default io.msgbench.metrics.Readings clientMetrics() {
        return io.msgbench.metrics.Readings.NONE;
    }

    /** Whether {@link #clientMetrics} says anything for this driver's clients. */
    default boolean hasClientMetrics() {
        return false;
    }

    /** The process ids of the processes of {@link #clientProcessCpuNanos}, in the same order; none for clients in this JVM. */
    default long[] clientProcessIds() {
        return new long[0];
    }

    /** Creates the topics and waits until they are usable. */
    void createTopics(List<String> topics, int partitions, Duration timeout);

    /** Deletes topics this driver created; failures are reported, never thrown. */
    void deleteTopics(List<String> topics, Duration timeout);

    /**
     * A producer for one topic.
     *
     * @param maxInFlight a power of two ≤ {@link ProducerHandle#MAX_IN_FLIGHT}: the harness never has more of
     *                    this producer's sends in flight, and their tokens differ in their low bits
     *                    ({@code token & (maxInFlight - 1)}), so per-send state fits a ring of this size
     */
    ProducerHandle createProducer(String topic, int maxInFlight);

    /**
     * Producers that keep their schedules themselves, beside a client the JVM cannot host (an agent process), or
     * {@code null}: the harness's sender threads drive {@link #createProducer}'s handles, which is the default.
     *
     * @param producers   the producers to create, in order
     * @param messageSize bytes per message, stamp included
     * @param ledger      where their sends, acknowledgements and publish latencies are recorded, phase by phase
     */
    default ProducerFleet createFleet(List<ProducerFleet.Member> producers, int messageSize, PhaseLedger ledger) {
        return null;
    }

    /**
     * A consumer of one topic in one subscription (consumer group). It starts receiving at once and
     * delivers through {@code listener} from its own thread.
     */
    ConsumerHandle createConsumer(String topic, String subscription, MessageListener listener);

    /** Closes every client this driver made. */
    @Override
    void close();

    /** The configuration a driver was initialised with: generic key/value blocks per side. */
    record EffectiveClientConfig(Map<String, String> producer, Map<String, String> consumer,
                                 Map<String, String> topic) {
        public EffectiveClientConfig {
            producer = Map.copyOf(producer);
            consumer = Map.copyOf(consumer);
            topic = Map.copyOf(topic);
        }
    }
}
