package io.msgbench.worker;

import io.msgbench.driver.MessagingDriver.EffectiveClientConfig;
import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.verification.ProducerSends;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The producers and consumers of one scenario on one host, driven step by step by a coordinator.
 *
 * <p>The coordinator pulls: it owns the iteration boundaries ({@link #beginPhase}) and asks for the
 * statistics of each phase ({@link #phaseStats}); the worker reports the exact interval it measured.
 * Every argument and result is a plain record, so the same interface can sit behind HTTP (a forked
 * JVM, a remote worker) without the iteration loop knowing.
 *
 * <p>Call order: initialize, createTopics, createConsumers, createProducers, probe, startLoad,
 * adjustRate* and beginPhase*, stopLoad, drain, phaseStats*, close. Any step may fail with a
 * {@link WorkerException} carrying one line for the user.
 */
public interface Worker extends AutoCloseable {
    /**
     * How long stopping may wait for sender threads beyond the pay bound; longer than the clients'
     * max.block.ms (30 s), so a sender blocked in send() is never abandoned while it runs.
     */
    Duration STOP_GRACE = Duration.ofSeconds(40);

    /** Loads and initialises the driver; returns what the worker is and the client settings as sent. */
    WorkerInfo initialize(WorkerSetup setup);

    /** Creates the topics (names unique to this scenario and fork). */
    void createTopics(List<String> topics, int partitions);

    /** Creates the consumers and returns once every one is assigned partitions. */
    void createConsumers(List<ConsumerSpec> consumers, Duration timeout);

    /**
     * Creates the producers, sending messages as {@code messages} describes.
     *
     * @param expectedRate the rate the producers will be asked for, over all of them (msg/s; 0 when not known
     *                     yet, as before a search): it sizes their in-flight tables
     */
    void createProducers(List<ProducerSpec> producers, MessageSpec messages, double expectedRate);

    /**
     * Sends one probe message per producer and waits until each is acknowledged and received by every
     * subscription of its topic. Probe messages are never counted.
     *
     * @return how long the probe took, nanoseconds
     */
    long probe(Duration timeout);

    /**
     * Starts sending at {@code ratePerSecond} (over all producers of this worker) on
     * {@code senderThreads} threads, attributing to phase 1.
     *
     * @return the epoch nanoseconds at which phase 1 began
     */
    long startLoad(double ratePerSecond, int senderThreads);

    /**
     * Changes the rate (over all producers of this worker) from now on.
     *
     * @param owed what happens to messages already due under the old rate and not sent yet:
     *             {@link OwedMessages#SEND} them (measurement: they are the worst latencies), or
     *             {@link OwedMessages#FORGET} them (between the trials of the maximum-rate search)
     * @return the epoch nanoseconds from which the new rate applies
     */
    long adjustRate(double ratePerSecond, OwedMessages owed);

    /** What a rate change does with messages the old schedule made due but that were not sent yet. */
    enum OwedMessages {
        SEND, FORGET
    }

    /**
     * Messages sent and not yet received now, summed over subscriptions (with no subscription: sends not
     * yet acknowledged); cheap enough to poll.
     */
    long backlog();

    /** Pauses every consumer (they stay in their subscriptions; the broker keeps the messages). */
    void pauseConsumers();

    /** Resumes every consumer. */
    void resumeConsumers();

    /**
     * Attributes sends from now on to {@code phase}; the previous phase ends here.
     *
     * @return the epoch nanoseconds of the boundary
     */
    long beginPhase(int phase);

    /**
     * Stops sending; the current phase ends. Messages the schedule made due by now and not sent yet are
     * still sent if the producers can pay that debt within {@code payBound} at the rate they achieved in
     * the phase, and for at most {@code payBound}; whatever is left is never sent and is counted
     * ({@link DrainResult#unsent}). So a rate above capacity (OMB's {@code producerRate: 10000000}) stops at
     * once, while a generator briefly behind still sends its late messages (the worst corrected latencies).
     *
     * @return the epoch nanoseconds of the end of the phase: the stop, or the last send after it
     */
    long stopLoad(Duration payBound);

    /**
     * Waits until every send is acknowledged and every subscription has received every acknowledged
     * message, or the timeout passes; then verifies the deliveries (the counts of loss, duplication and
     * order per phase are in {@link #phaseStats} from then on).
     */
    DrainResult drain(Duration timeout);

    /**
     * Everything measured for a phase so far (complete once the load stopped and drained); its backlog
     * is the one at the end of the phase, or now while it is current.
     */
    PhaseStats phaseStats(int phase);

    /**
     * Sends one probe message per producer and waits only for their acknowledgements: the first half of
     * {@link #probe}, for a scenario spread over several workers, whose consumers may sit elsewhere.
     *
     * @return how long it took, nanoseconds
     */
    long sendProbes(Duration timeout);

    /** Probe messages each subscription's consumers on this worker received, by {@code topic/subscription}. */
    Map<String, Long> probesReceived();

    /** What this worker's producers acknowledged and its consumers received so far, for a backlog or drain over several workers. */
    DeliveryCounts deliveryCounts();

    /**
     * Flushes the producers and waits until none of their sends is in flight or the timeout passes (the first half of
     * {@link #drain}, for a scenario spread over several workers).
     *
     * @return the sends still in flight
     */
    long awaitAcknowledgements(Duration timeout);

    /** What verification needs once the load has stopped and been acknowledged: every producer's sends, every consumer's receipts. */
    DeliveryRecord deliveryRecord();

    /**
     * This worker's epoch clock against {@code coordinator}'s. A worker in the coordinator's JVM reads the same
     * clock: offset 0, known exactly.
     */
    default ClockOffset clockOffset(EpochNanoClock coordinator) {
        return new ClockOffset(coordinator.epochNanos(), 0, 0);
    }

    /**
     * From now on, adds {@code nanosByProducer.get(id)} to the send and intended times of messages of producer
     * {@code id} before their end-to-end latency is recorded: the receiving worker's clock offset minus the producing
     * worker's, for producers on other hosts.
     */
    void correctClocks(Map<Integer, Long> nanosByProducer);

    /**
     * Throws when this worker is known to be gone (its process refuses connections, it has answered nothing for a
     * while), so that a scenario ends while an iteration runs instead of at its next call; cheap, called often.
     */
    default void checkAlive() {
    }

    /** The clock offset of each host this worker runs on: one, or a group's workers' in their order. */
    default List<ClockOffset> clockOffsets(EpochNanoClock coordinator) {
        return List.of(clockOffset(coordinator));
    }

    /** Deletes the topics, closes all clients. Never throws. */
    @Override
    void close();

    /**
     * What a worker is initialised with.
     *
     * @param phases      the number of counted phases (warmup plus measurement iterations) the scenario runs
     * @param profileGc      whether to record the JVM's GC pauses with JFR ({@code -prof gc})
     * @param profileHost    whether to read the host and the load generator's processes ({@code -prof os})
     * @param profileClients whether to read the clients' own metrics ({@code -prof client})
     */
    record WorkerSetup(String driver, String bootstrapServers, java.util.Map<String, String> common,
                       java.util.Map<String, String> producer, java.util.Map<String, String> consumer,
                       java.util.Map<String, String> topic, short replicationFactor, int phases,
                       boolean profileGc, boolean profileHost, boolean profileClients) {
        public WorkerSetup {
            common = java.util.Map.copyOf(common);
            producer = java.util.Map.copyOf(producer);
            consumer = java.util.Map.copyOf(consumer);
            topic = java.util.Map.copyOf(topic);
        }

        /** Without the host's figures. */
        public WorkerSetup(String driver, String bootstrapServers, java.util.Map<String, String> common,
                           java.util.Map<String, String> producer, java.util.Map<String, String> consumer,
                           java.util.Map<String, String> topic, short replicationFactor, int phases) {
            this(driver, bootstrapServers, common, producer, consumer, topic, replicationFactor, phases, false, false,
                    false);
        }
    }

    /** What a worker reports about itself after initialisation, including the JVM it runs in. */
    /**
     * @param profilerNotes what the profilers asked for cannot do here (no cgroup files, a client without metrics),
     *                      one line each: the run goes on without it
     */
    record WorkerInfo(String driver, String clientVersion, EffectiveClientConfig clientConfig,
                      long clockAnchorErrorNanos, RunEnvironment environment, List<String> profilerNotes) {
        public WorkerInfo {
            profilerNotes = profilerNotes == null ? List.of() : List.copyOf(profilerNotes);
        }

        public WorkerInfo(String driver, String clientVersion, EffectiveClientConfig clientConfig,
                          long clockAnchorErrorNanos, RunEnvironment environment) {
            this(driver, clientVersion, clientConfig, clockAnchorErrorNanos, environment, List.of());
        }
    }

    /**
     * Counts of a worker's deliveries so far.
     *
     * @param acknowledgedByTopic    sends acknowledged, by topic
     * @param receivedBySubscription first deliveries, by {@code topic/subscription}
     * @param inFlight               sends not acknowledged yet
     * @param unrecognised           messages received without a msgbench stamp or with an unknown phase
     * @param unsent                 messages due before the load stopped that were never sent
     */
    record DeliveryCounts(Map<String, Long> acknowledgedByTopic, Map<String, Long> receivedBySubscription,
                          long inFlight, long unrecognised, long unsent) {
        public DeliveryCounts {
            acknowledgedByTopic = Map.copyOf(acknowledgedByTopic);
            receivedBySubscription = Map.copyOf(receivedBySubscription);
        }
    }

    /**
     * A worker's deliveries, message by message.
     *
     * @param sends    what each producer sent, phase by phase, and which sends failed
     * @param receipts by {@code topic/subscription}: per consumer, the sequences received from each producer id
     *                 ({@link io.msgbench.verification.SequenceBitSet#encode()})
     */
    record DeliveryRecord(List<ProducerSends> sends, Map<String, List<Map<Integer, String>>> receipts) {
    }

    /** One consumer to create. */
    record ConsumerSpec(String topic, String subscription) {
    }

    /**
     * What producers send: {@code messageSize} bytes, stamp included, keyed by {@code keyDistributor}; one
     * payload of random bytes, or a pool of {@code payloadPoolSize} payloads random for their first
     * {@code randomBytesRatio} share, or the given {@code payload} (a payload file's content; null for none).
     * {@code seed} makes payloads and keys reproducible.
     */
    record MessageSpec(int messageSize, io.msgbench.api.KeyDistributor keyDistributor, boolean randomizedPayloads,
                       double randomBytesRatio, int payloadPoolSize, long seed, byte[] payload) {
        public MessageSpec {
            if (payload != null && payload.length != messageSize) {
                throw new IllegalArgumentException("payload of " + payload.length + " bytes for messageSize "
                        + messageSize);
            }
        }
    }

    /** One producer to create; ids are unique across the whole run. */
    record ProducerSpec(String topic, int producerId) {
    }

    /**
     * The outcome of a drain, verified subscription by subscription and producer by producer over the
     * producers' sequence numbers.
     *
     * @param complete     no send left unacknowledged and no acknowledged message lost
     * @param inFlight     sends still without acknowledgement at the end
     * @param expected     receptions expected (acknowledged messages × subscriptions of their topic)
     * @param received     first deliveries to each consumer
     * @param lost         acknowledged messages that no consumer of a subscription received
     * @param duplicated   deliveries beyond the first of a message to a subscription
     * @param outOfOrder   first deliveries behind a later message of the same producer and partition
     * @param unrecognised messages without a msgbench stamp or with an unknown phase
     * @param waitedNanos  how long the drain took
     * @param unsent       messages the schedule made due before the load stopped that were never sent (the
     *                     debt left when the producers could not pay it within the bound of {@link #stopLoad})
     * @param stillArriving the drain bound expired while messages were still arriving (one within its last
     *                      {@link #STILL_ARRIVING_NANOS}): the {@code lost} ones are late, not known lost
     */
    record DrainResult(boolean complete, long inFlight, long expected, long received, long lost, long duplicated,
                       long outOfOrder, long unrecognised, long waitedNanos, long unsent, boolean stillArriving) {
        /** A drain that ended with nothing arriving any more (or nothing missing). */
        public DrainResult(boolean complete, long inFlight, long expected, long received, long lost, long duplicated,
                           long outOfOrder, long unrecognised, long waitedNanos, long unsent) {
            this(complete, inFlight, expected, received, lost, duplicated, outOfOrder, unrecognised, waitedNanos, unsent,
                    false);
        }

        /** A reception this recent when the drain bound expires means the messages were still coming. */
        public static final long STILL_ARRIVING_NANOS = 1_000_000_000L;

        /** Whether messages missing when a drain that last received at {@code lastReceptionNanos} ended were late. */
        public static boolean stillArriving(long lost, boolean timedOut, long lastReceptionNanos, long endNanos) {
            return lost > 0 && timedOut && endNanos - lastReceptionNanos < STILL_ARRIVING_NANOS;
        }
    }
}
