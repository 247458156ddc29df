package io.msgbench.worker;

import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.load.KeyDistribution;
import io.msgbench.load.PayloadPool;
import io.msgbench.load.RateSchedule;
import io.msgbench.load.ReceivedMessageRecorder;
import io.msgbench.load.ScheduledProducer;
import io.msgbench.load.SenderLoop;
import io.msgbench.load.SubscriptionCounters;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.Sleeper;
import io.msgbench.metrics.SystemEpochNanoClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Worker} in the calling JVM: the clients, sender threads and recorders live here. */
public final class InProcessWorker implements Worker {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessWorker.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /**
     * How long stopping waits for sender threads to pay their schedule debt; longer than the clients'
     * max.block.ms (30 s), so a sender blocked in send() is never abandoned while it runs.
     */
    private static final Duration SENDER_STOP_TIMEOUT = Duration.ofSeconds(40);

    private final DriverRegistry registry;
    private final EpochNanoClock clock;
    private final Sleeper sleeper;

    private MessagingDriver driver;
    private PhaseLedger ledger;
    private final List<String> topics = new ArrayList<>();
    private final List<ConsumerHandle> consumers = new ArrayList<>();
    private final List<ScheduledProducer> producers = new ArrayList<>();
    /** What each subscription received, keyed by topic and subscription. */
    private final Map<String, SubscriptionCounters> subscriptions = new LinkedHashMap<>();
    private final List<SenderLoop> loops = new ArrayList<>();
    private final List<Thread> senderThreads = new ArrayList<>();
    private long[] phaseStart;
    private long[] phaseEnd;
    private long[] phaseDebt;

    public InProcessWorker(DriverRegistry registry, EpochNanoClock clock, Sleeper sleeper) {
        this.registry = registry;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A worker on this JVM's clock and real time. */
    public static InProcessWorker create() {
        return new InProcessWorker(DriverRegistry.load(), EpochNanoClock.system(), Sleeper.parking());
    }

    @Override
    public WorkerInfo initialize(WorkerSetup setup) {
        DriverFactory factory = registry.get(setup.driver());
        ledger = new PhaseLedger(setup.phases());
        phaseStart = new long[setup.phases() + 1];
        phaseEnd = new long[setup.phases() + 1];
        phaseDebt = new long[setup.phases() + 1];
        driver = factory.create();
        MessagingDriver.EffectiveClientConfig effective = driver.initialize(new DriverContext(setup.bootstrapServers(),
                setup.common(), setup.producer(), setup.consumer(), setup.topic(), setup.replicationFactor(), clock));
        long anchorError = clock instanceof SystemEpochNanoClock s ? s.anchorErrorNanos() : 0;
        return new WorkerInfo(factory.name(), factory.clientVersion(), effective, anchorError, RunEnvironment.current());
    }

    @Override
    public void createTopics(List<String> names, int partitions) {
        driver().createTopics(names, partitions, TOPIC_TIMEOUT);
        topics.addAll(names);
    }

    @Override
    public void createConsumers(List<ConsumerSpec> specs, Duration timeout) {
        for (ConsumerSpec spec : specs) {
            SubscriptionCounters counters = subscriptions.computeIfAbsent(spec.topic() + "/" + spec.subscription(),
                    k -> new SubscriptionCounters(spec.topic(), spec.subscription()));
            consumers.add(driver().createConsumer(spec.topic(), spec.subscription(),
                    new ReceivedMessageRecorder(ledger, counters)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (int i = 0; i < consumers.size(); i++) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!consumers.get(i).awaitAssignment(Duration.ofNanos(left))) {
                    requireConsumersAlive();
                    throw new WorkerException("Consumer " + (i + 1) + " of " + consumers.size()
                            + " was not assigned partitions within " + timeout.toSeconds() + " s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while waiting for consumer assignment", e);
        }
    }

    @Override
    public void createProducers(List<ProducerSpec> specs, MessageSpec messages) {
        for (ProducerSpec spec : specs) {
            long seed = messages.seed() * 31 + spec.producerId();
            PayloadPool payloads = messages.randomizedPayloads()
                    ? PayloadPool.randomized(messages.messageSize(), messages.randomBytesRatio(),
                            messages.payloadPoolSize(), seed)
                    : PayloadPool.single(messages.messageSize(), seed);
            producers.add(new ScheduledProducer(spec.producerId(), spec.topic(), driver().createProducer(spec.topic()),
                    payloads, KeyDistribution.of(messages.keyDistributor(), seed), clock, ledger));
        }
    }

    @Override
    public long probe(Duration timeout) {
        long start = clock.epochNanos();
        long deadline = System.nanoTime() + timeout.toNanos();
        CountDownLatch acks = new CountDownLatch(producers.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        Map<String, Long> probesPerTopic = new LinkedHashMap<>();
        for (ScheduledProducer p : producers) {
            p.sendProbe((token, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                acks.countDown();
            });
            probesPerTopic.merge(p.topic(), 1L, Long::sum);
        }
        try {
            if (!acks.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new WorkerException("Readiness probe: " + acks.getCount() + " of " + producers.size()
                        + " probe messages were not acknowledged within " + timeout.toSeconds() + " s");
            }
            if (failure.get() != null) {
                throw new WorkerException("Readiness probe: a probe message failed: " + failure.get().getMessage(),
                        failure.get());
            }
            for (SubscriptionCounters c : subscriptions.values()) {
                long expected = probesPerTopic.getOrDefault(c.topic(), 0L);
                while (c.probes() < expected) {
                    requireConsumersAlive();
                    if (System.nanoTime() > deadline) {
                        throw new WorkerException("Readiness probe: subscription " + c.subscription() + " received "
                                + c.probes() + " of " + expected + " probe messages within " + timeout.toSeconds() + " s");
                    }
                    TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted during the readiness probe", ie);
        }
        return clock.epochNanos() - start;
    }

    @Override
    public long startLoad(double ratePerSecond, int threads) {
        if (producers.isEmpty()) {
            throw new WorkerException("No producers to start");
        }
        if (threads < 1) {
            throw new WorkerException("Sender threads must be at least 1, was " + threads);
        }
        long start = clock.epochNanos();
        List<List<ScheduledProducer>> perThread = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, producers.size()); t++) {
            perThread.add(new ArrayList<>());
        }
        for (int i = 0; i < producers.size(); i++) {
            ScheduledProducer p = producers.get(i);
            p.startSchedule(RateSchedule.staggered(start, ratePerSecond, i, producers.size()));
            perThread.get(i % perThread.size()).add(p);
        }
        phaseStart[1] = start;
        for (int t = 0; t < perThread.size(); t++) {
            SenderLoop loop = new SenderLoop(perThread.get(t), clock, sleeper);
            Thread thread = new Thread(loop, "msgbench-sender-" + t);
            thread.setDaemon(true);
            loops.add(loop);
            senderThreads.add(thread);
            thread.start();
        }
        return start;
    }

    @Override
    public long adjustRate(double ratePerSecond) {
        if (loops.isEmpty()) {
            throw new WorkerException("Load is not running; start it before adjusting the rate");
        }
        long now = clock.epochNanos();
        for (int i = 0; i < producers.size(); i++) {
            producers.get(i).requestSchedule(RateSchedule.staggered(now, ratePerSecond, i, producers.size()));
        }
        return now;
    }

    @Override
    public long beginPhase(int phase) {
        int previous = ledger.currentPhase();
        long boundary = clock.epochNanos();
        ledger.advanceTo(phase);
        closePhase(previous, boundary);
        phaseStart[phase] = boundary;
        return boundary;
    }

    private void closePhase(int phase, long boundary) {
        phaseEnd[phase] = boundary;
        long debt = 0;
        for (ScheduledProducer p : producers) {
            debt += p.scheduleDebt(boundary);
        }
        phaseDebt[phase] = debt;
    }

    /**
     * Ends the schedule now: the debt is recorded, then the senders still send every message that was
     * due by now (so the worst latencies of a generator that fell behind are not dropped) and stop.
     */
    @Override
    public long stopLoad() {
        long end = clock.epochNanos();
        closePhase(ledger.currentPhase(), end);
        loops.forEach(loop -> loop.stopAt(end));
        if (!joinSenders(SENDER_STOP_TIMEOUT)) {
            throw new WorkerException("Sender threads did not finish the schedule within "
                    + SENDER_STOP_TIMEOUT.toSeconds() + " s after the load stopped");
        }
        ledger.closeWindow();
        return end;
    }

    /** Waits for the sender threads; false if one is still alive after {@code timeout}. */
    private boolean joinSenders(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread t : senderThreads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (t.isAlive()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        loops.clear();
        senderThreads.clear();
        return true;
    }

    /** Fails fast with the cause when a consumer stopped on its own. */
    private void requireConsumersAlive() {
        for (ConsumerHandle c : consumers) {
            Exception failure = c.failure();
            if (failure != null) {
                throw new WorkerException("A consumer stopped: " + failure.getMessage(), failure);
            }
        }
    }

    /**
     * Waits until no send is in flight and every subscription received as many messages as the producers
     * of its topic had acknowledged, comparing subscription by subscription so that a loss on one cannot
     * hide behind a duplicate on another.
     */
    @Override
    public DrainResult drain(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        producers.forEach(ScheduledProducer::flush);
        Map<String, Long> acknowledgedByTopic = new LinkedHashMap<>();
        long inFlight;
        long missing;
        try {
            while (true) {
                inFlight = 0;
                acknowledgedByTopic.clear();
                for (ScheduledProducer p : producers) {
                    inFlight += p.inFlight();
                    acknowledgedByTopic.merge(p.topic(), p.acknowledged(), Long::sum);
                }
                missing = 0;
                for (SubscriptionCounters c : subscriptions.values()) {
                    missing += Math.max(0, acknowledgedByTopic.getOrDefault(c.topic(), 0L) - c.received());
                }
                if ((inFlight == 0 && missing == 0) || System.nanoTime() > deadline) {
                    break;
                }
                requireConsumersAlive();
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while draining", e);
        }
        long expected = 0;
        long received = 0;
        long surplus = 0;
        long unrecognised = 0;
        for (SubscriptionCounters c : subscriptions.values()) {
            long acknowledged = acknowledgedByTopic.getOrDefault(c.topic(), 0L);
            expected += acknowledged;
            received += c.received();
            surplus += Math.max(0, c.received() - acknowledged);
            unrecognised += c.unrecognised();
        }
        return new DrainResult(inFlight == 0 && missing == 0 && surplus == 0, inFlight, expected, received, missing,
                surplus, unrecognised, System.nanoTime() - start);
    }

    @Override
    public PhaseStats phaseStats(int phase) {
        return new PhaseStats(phase, phaseStart[phase], phaseEnd[phase], phaseDebt[phase],
                ledger.phase(phase).snapshot());
    }

    @Override
    public void close() {
        loops.forEach(SenderLoop::stopNow);
        joinSenders(SENDER_STOP_TIMEOUT);
        for (ScheduledProducer p : producers) {
            closeQuietly(p::closeHandle, "producer");
        }
        for (ConsumerHandle c : consumers) {
            closeQuietly(c::close, "consumer");
        }
        if (driver != null) {
            if (!topics.isEmpty()) {
                closeQuietly(() -> driver.deleteTopics(topics, TOPIC_TIMEOUT), "topic deletion");
            }
            closeQuietly(driver::close, "driver");
        }
        producers.clear();
        consumers.clear();
        topics.clear();
        driver = null;
    }

    private static void closeQuietly(Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("Closing {} failed: {}", what, e.toString());
        }
    }

    private MessagingDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("initialize() first");
        }
        return driver;
    }
}
