package io.msgbench.worker;

import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.load.ClockCorrections;
import io.msgbench.load.InFlightCapacity;
import io.msgbench.load.LoadProducer;
import io.msgbench.load.ProducerFleet;
import io.msgbench.load.KeyDistribution;
import io.msgbench.load.PayloadPool;
import io.msgbench.load.ReceivedMessageRecorder;
import io.msgbench.load.ScheduledProducer;
import io.msgbench.load.SubscriptionCounters;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.GcActivity;
import io.msgbench.metrics.HostActivity;
import io.msgbench.metrics.HealthyRunAllowance;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseRecorder;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.metrics.Readings;
import io.msgbench.profile.ClientSampler;
import io.msgbench.profile.GcPauses;
import io.msgbench.profile.HostSampler;
import io.msgbench.metrics.Sleeper;
import io.msgbench.metrics.SystemEpochNanoClock;
import io.msgbench.verification.ConsumerReceipts;
import io.msgbench.verification.DeliveryCheck;
import io.msgbench.verification.ProducerSends;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Worker} in the calling JVM: the clients, sender threads and recorders live here. */
public final class InProcessWorker implements Worker {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessWorker.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final DriverRegistry registry;
    private final EpochNanoClock clock;
    private final Sleeper sleeper;

    private MessagingDriver driver;
    private PhaseLedger ledger;
    private final List<String> topics = new ArrayList<>();
    private final List<ConsumerHandle> consumers = new ArrayList<>();
    /** The producers and what drives them: the harness's sender threads, or the driver's own (an agent's). */
    private ProducerFleet fleet;
    /** Watches for stalls while the load runs; null otherwise. */
    private StallWatch stallWatch;
    /** What each subscription received, keyed by topic and subscription. */
    private final Map<String, SubscriptionCounters> subscriptions = new LinkedHashMap<>();
    /** Each consumer's receipts, grouped by subscription (same keys as {@link #subscriptions}). */
    private final Map<String, List<ConsumerReceipts>> receiptsBySubscription = new LinkedHashMap<>();
    private long[] phaseStart;
    private long[] phaseEnd;
    private long[] phaseDebt;
    private long[] phaseBacklog;
    /** Messages handed to the clients when each phase began, for the send rate a phase achieved. */
    private long[] phaseIssuedAtStart;
    /** Debt left unpaid when the load stopped. */
    private long unsent;
    /** Received messages' send times moved onto this worker's clock, by producer (a distributed run). */
    private final ClockCorrections clockCorrections = new ClockCorrections();
    /** CPU readings when each phase began and ended. */
    private CpuReading[] cpuAtStart;
    private CpuReading[] cpuAtEnd;
    /** The {@code os} profiler, when asked for ({@link WorkerSetup#profileHost}) and this machine allows it. */
    private HostSampler hostSampler;
    /** The {@code client} profiler, when asked for ({@link WorkerSetup#profileClients}). */
    private ClientSampler clientSampler;
    /** GC pauses from JFR ({@link WorkerSetup#profileGc}), or null. */
    private GcPauses gcPauses;

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
        phaseBacklog = new long[setup.phases() + 1];
        phaseIssuedAtStart = new long[setup.phases() + 1];
        cpuAtStart = new CpuReading[setup.phases() + 1];
        cpuAtEnd = new CpuReading[setup.phases() + 1];
        driver = factory.create();
        List<String> notes = new ArrayList<>();
        if (setup.profileGc() && gcPauses == null) {
            gcPauses = GcPauses.start();
            if (gcPauses == null) {
                notes.add("profiler gc: no JFR pause recording in this JVM (ZGC or Shenandoah, or no JFR): pauses as its "
                        + "collectors report them");
            }
        }
        if (setup.profileHost() && hostSampler == null) {
            hostSampler = startHostSampler(driver, notes);
        }
        fleet = new SenderThreads(List.of(), clock, sleeper, ledger);
        MessagingDriver.EffectiveClientConfig effective = driver.initialize(new DriverContext(setup.bootstrapServers(),
                setup.common(), setup.producer(), setup.consumer(), setup.topic(), setup.replicationFactor(), clock,
                setup.profileClients()));
        if (setup.profileClients() && clientSampler == null) {
            if (driver.hasClientMetrics()) {
                clientSampler = ClientSampler.start(driver::clientMetrics);
            } else {
                notes.add("profiler client: the " + factory.name() + " clients expose no metrics msgbench reads");
            }
        }
        long anchorError = clock instanceof SystemEpochNanoClock s ? s.anchorErrorNanos() : 0;
        String version = driver.clientVersion() != null ? driver.clientVersion() : factory.clientVersion();
        return new WorkerInfo(factory.name(), version, effective, anchorError, RunEnvironment.current(), notes);
    }

    @Override
    public void createTopics(List<String> names, int partitions) {
        driver().createTopics(names, partitions, TOPIC_TIMEOUT);
        topics.addAll(names);
    }

    @Override
    public void createConsumers(List<ConsumerSpec> specs, Duration timeout) {
        MessagingDriver d = driver();
        List<Supplier<ConsumerHandle>> makers = new ArrayList<>();
        for (ConsumerSpec spec : specs) {
            String key = spec.topic() + "/" + spec.subscription();
            SubscriptionCounters counters = subscriptions.computeIfAbsent(key,
                    k -> new SubscriptionCounters(spec.topic(), spec.subscription()));
            ConsumerReceipts receipts = new ConsumerReceipts();
            receiptsBySubscription.computeIfAbsent(key, k -> new ArrayList<>()).add(receipts);
            ReceivedMessageRecorder recorder = new ReceivedMessageRecorder(ledger, counters, receipts, clockCorrections);
            makers.add(() -> d.createConsumer(spec.topic(), spec.subscription(), recorder));
        }
        consumers.addAll(Clients.all(makers, c -> closeQuietly(c::close, "consumer")));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (int i = 0; i < consumers.size(); i++) {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!consumers.get(i).awaitAssignment(Duration.ofNanos(left))) {
                    requireClientsAlive();
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
    public void createProducers(List<ProducerSpec> specs, MessageSpec messages, double expectedRate) {
        MessagingDriver d = driver();
        List<ProducerFleet.Member> members = specs.stream().map(s -> new ProducerFleet.Member(s.producerId(), s.topic(),
                KeyDistribution.of(messages.keyDistributor(), producerSeed(messages, s)),
                payloads(messages, producerSeed(messages, s)))).toList();
        ProducerFleet own = d.createFleet(members, messages.messageSize(), ledger);
        if (own != null) {
            fleet = own;
            return;
        }
        int inFlight = InFlightCapacity.perProducer(expectedRate, specs.size(), messages.messageSize());
        List<ProducerHandle> handles = Clients.all(
                specs.stream().<Supplier<ProducerHandle>>map(spec -> () -> d.createProducer(spec.topic(), inFlight))
                        .toList(), h -> closeQuietly(h::close, "producer"));
        List<ScheduledProducer> producers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ProducerSpec spec = specs.get(i);
            long seed = producerSeed(messages, spec);
            producers.add(new ScheduledProducer(spec.producerId(), spec.topic(), handles.get(i), inFlight,
                    payloads(messages, seed),
                    KeyDistribution.of(messages.keyDistributor(), seed), clock, ledger));
        }
        fleet = new SenderThreads(producers, clock, sleeper, ledger);
    }

    /** One producer's payloads: OMB's randomized pool, the payload file's content, or one random buffer. */
    private static PayloadPool payloads(MessageSpec messages, long seed) {
        return messages.randomizedPayloads()
                ? PayloadPool.randomized(messages.messageSize(), messages.randomBytesRatio(),
                        messages.payloadPoolSize(), seed)
                : messages.payload() != null ? PayloadPool.of(messages.payload().clone()) // stamped per producer
                : PayloadPool.single(messages.messageSize(), seed);
    }

    /** Each producer's own seed for its payloads and keys. */
    private static long producerSeed(MessageSpec messages, ProducerSpec spec) {
        return messages.seed() * 31 + spec.producerId();
    }

    private List<? extends LoadProducer> producers() {
        return fleet.producers();
    }

    @Override
    public long probe(Duration timeout) {
        long start = clock.epochNanos();
        long deadline = System.nanoTime() + timeout.toNanos();
        sendProbes(timeout);
        Map<String, Long> probesPerTopic = new LinkedHashMap<>();
        for (LoadProducer p : producers()) {
            probesPerTopic.merge(p.topic(), 1L, Long::sum);
        }
        try {
            for (SubscriptionCounters c : subscriptions.values()) {
                long expected = probesPerTopic.getOrDefault(c.topic(), 0L);
                while (c.probes() < expected) {
                    requireClientsAlive();
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
    public long sendProbes(Duration timeout) {
        long start = clock.epochNanos();
        int count = producers().size();
        CountDownLatch acks = new CountDownLatch(count);
        AtomicReference<Exception> failure = new AtomicReference<>();
        fleet.sendProbes((token, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            acks.countDown();
        });
        try {
            if (!acks.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new WorkerException("Readiness probe: " + acks.getCount() + " of " + count
                        + " probe messages were not acknowledged within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted during the readiness probe", ie);
        }
        if (failure.get() != null) {
            throw new WorkerException("Readiness probe: a probe message failed: " + failure.get().getMessage(),
                    failure.get());
        }
        return clock.epochNanos() - start;
    }

    @Override
    public void correctClocks(Map<Integer, Long> nanosByProducer) {
        clockCorrections.set(nanosByProducer);
    }

    @Override
    public Map<String, Long> probesReceived() {
        Map<String, Long> probes = new LinkedHashMap<>();
        subscriptions.forEach((key, c) -> probes.put(key, c.probes()));
        return probes;
    }

    @Override
    public DeliveryCounts deliveryCounts() {
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        long inFlight = 0;
        for (LoadProducer p : producers()) {
            acknowledged.merge(p.topic(), p.acknowledged(), Long::sum);
            inFlight += p.inFlight();
        }
        Map<String, Long> received = new LinkedHashMap<>();
        long unrecognised = 0;
        for (Map.Entry<String, SubscriptionCounters> e : subscriptions.entrySet()) {
            received.put(e.getKey(), e.getValue().received());
            unrecognised += e.getValue().unrecognised();
        }
        return new DeliveryCounts(acknowledged, received, inFlight, unrecognised, unsent);
    }

    @Override
    public long awaitAcknowledgements(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        fleet.flush();
        try {
            while (true) {
                long inFlight = 0;
                for (LoadProducer p : producers()) {
                    inFlight += p.inFlight();
                }
                if (inFlight == 0 || System.nanoTime() > deadline) {
                    return inFlight;
                }
                requireClientsAlive();
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while waiting for acknowledgements", e);
        }
    }

    @Override
    public DeliveryRecord deliveryRecord() {
        Map<String, List<Map<Integer, String>>> receipts = new LinkedHashMap<>();
        receiptsBySubscription.forEach((key, consumers) -> {
            List<Map<Integer, String>> encoded = new ArrayList<>();
            for (ConsumerReceipts r : consumers) {
                Map<Integer, String> byProducer = new java.util.TreeMap<>();
                r.byProducer().forEach((id, sequences) -> byProducer.put(id, sequences.encode()));
                encoded.add(byProducer);
            }
            receipts.put(key, encoded);
        });
        return new DeliveryRecord(producers().stream().map(LoadProducer::sends).toList(), receipts);
    }

    @Override
    public long startLoad(double ratePerSecond, int threads) {
        if (producers().isEmpty()) {
            throw new WorkerException("No producers to start");
        }
        if (threads < 1) {
            throw new WorkerException("Sender threads must be at least 1, was " + threads);
        }
        long start = clock.epochNanos();
        phaseStart[1] = start;
        phaseIssuedAtStart[1] = issued();
        cpuAtStart[1] = cpu();
        fleet.start(start, ratePerSecond, threads);
        stopStallWatch();
        stallWatch = StallWatch.start(List.copyOf(producers()), ledger);
        return start;
    }

    @Override
    public long adjustRate(double ratePerSecond, OwedMessages owed) {
        if (!fleet.running()) {
            throw new WorkerException("Load is not running; start it before adjusting the rate");
        }
        long now = clock.epochNanos();
        fleet.changeRate(now, ratePerSecond, owed == OwedMessages.FORGET);
        return now;
    }

    @Override
    public void pauseConsumers() {
        consumers.forEach(ConsumerHandle::pause);
    }

    @Override
    public void resumeConsumers() {
        consumers.forEach(ConsumerHandle::resume);
    }

    @Override
    public long beginPhase(int phase) {
        int previous = ledger.currentPhase();
        ProducerFleet.Boundary boundary = fleet.beginPhase(phase);
        phaseEnd[previous] = boundary.epochNanos();
        phaseDebt[previous] = boundary.debt();
        cpuAtEnd[previous] = cpuAtStart[phase] = cpu();
        phaseBacklog[previous] = backlog();
        phaseStart[phase] = boundary.epochNanos();
        phaseIssuedAtStart[phase] = issued();
        return boundary.epochNanos();
    }

    /** Growing across phases means the consumers (or the broker) fall behind. */
    @Override
    public long backlog() {
        long backlog = 0;
        if (subscriptions.isEmpty()) {
            for (LoadProducer p : producers()) {
                backlog += p.inFlight();
            }
            return backlog;
        }
        // Acknowledged, as "sent" means everywhere: what the client still buffers is no consumer's backlog (an
        // unreachable rate keeps its buffer full, which would pass for consumers falling behind).
        for (SubscriptionCounters c : subscriptions.values()) {
            backlog += Math.max(0, acknowledgedOn(c.topic()) - c.received());
        }
        return backlog;
    }

    /**
     * Ends the schedule now. The debt at the end is recorded; the senders then pay it (the worst
     * latencies of a generator briefly behind are not dropped) only if they can within {@code payBound} at
     * the send rate the phase achieved, and never for longer: a rate above capacity stops at once, and
     * what was due but never sent is counted as unsent.
     */
    @Override
    public long stopLoad(Duration payBound) {
        int last = ledger.currentPhase();
        stopStallWatch(); // a stall counts within the schedule's time, not while the debt is paid or abandoned
        ProducerFleet.Boundary stop;
        try {
            stop = fleet.stop((end, debt) -> end + (debtPayableWithin(last, end, debt, payBound) ? payBound.toNanos() : 0),
                    STOP_GRACE);
        } catch (IllegalStateException e) {
            throw new WorkerException(e.getMessage(), e);
        }
        long end = stop.epochNanos();
        cpuAtEnd[last] = cpu();
        phaseEnd[last] = end;
        phaseDebt[last] = stop.debt();
        phaseBacklog[last] = backlog();
        ledger.closeWindow();
        // The phase covers every send attributed to it. On schedule at the stop, that is the schedule up to the
        // last message sent (a sender on time may send what fell due before it saw the stop), so count / length
        // is the rate held even if a send was late by a descheduled thread; behind schedule, it runs to the last
        // actual send (a debt paid after the stop), so count / length is what the producers achieved.
        boolean onSchedule = phaseDebt[last] <= HealthyRunAllowance.debt(scheduledRate());
        long covered = end;
        long left = 0;
        for (LoadProducer p : producers()) {
            covered = Math.max(covered, onSchedule ? p.lastIntendedSent() : p.lastSendTime());
            left += p.scheduleDebt(end);
        }
        unsent = left;
        phaseEnd[last] = covered;
        return covered;
    }

    /** True when {@code debt} at {@code end} can be sent within {@code bound} at the rate the phase sent at. */
    private boolean debtPayableWithin(int phase, long end, long debt, Duration bound) {
        if (debt == 0) {
            return true;
        }
        double seconds = (end - phaseStart[phase]) / 1e9;
        double sendRate = seconds > 0 ? (issued() - phaseIssuedAtStart[phase]) / seconds : 0;
        return debt <= sendRate * bound.toNanos() / 1e9;
    }

    private void stopStallWatch() {
        if (stallWatch != null) {
            stallWatch.close();
            stallWatch = null;
        }
    }

    /** The rate of the producers' current schedules, msg/s, summed. */
    private double scheduledRate() {
        double rate = 0;
        for (LoadProducer p : producers()) {
            rate += p.scheduledRate();
        }
        return rate;
    }

    /** Messages handed to the clients so far, over all producers. */
    private long issued() {
        long n = 0;
        for (LoadProducer p : producers()) {
            n += p.issued();
        }
        return n;
    }

    /** Fails fast with the cause when a consumer, or what runs the producers, stopped on its own. */
    private void requireClientsAlive() {
        Exception producers = fleet.failure();
        if (producers != null) {
            throw new WorkerException("The producers stopped: " + producers.getMessage(), producers);
        }
        for (ConsumerHandle c : consumers) {
            Exception failure = c.failure();
            if (failure != null) {
                throw new WorkerException("A consumer stopped: " + failure.getMessage(), failure);
            }
        }
    }

    /**
     * Waits until no send is in flight and every subscription received, message by message, everything
     * its topic's producers had acknowledged (a loss on one subscription cannot hide behind a duplicate
     * on another), then records the verification per phase.
     */
    @Override
    public DrainResult drain(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        fleet.flush();
        long inFlight;
        Verification verification;
        boolean timedOut;
        long receivedBefore = -1;
        long lastReception = start;
        try {
            while (true) {
                inFlight = 0;
                for (LoadProducer p : producers()) {
                    inFlight += p.inFlight();
                }
                long receivedNow = receivedFirst();
                if (receivedNow != receivedBefore) {
                    receivedBefore = receivedNow;
                    lastReception = System.nanoTime();
                }
                timedOut = System.nanoTime() > deadline;
                // The sums of first deliveries are cheap; the message-by-message check runs once they add up.
                if (inFlight == 0 && (receptionsShort() == 0 || timedOut)) {
                    verification = verify();
                    if (verification.lost() == 0 || timedOut) {
                        break;
                    }
                } else if (timedOut) {
                    verification = verify();
                    break;
                }
                requireClientsAlive();
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while draining", e);
        }
        long expected = 0;
        long received = 0;
        long unrecognised = 0;
        for (SubscriptionCounters c : subscriptions.values()) {
            expected += acknowledgedOn(c.topic());
            received += c.received();
            unrecognised += c.unrecognised();
        }
        long outOfOrder = 0;
        for (int phase = 1; phase <= ledger.phases(); phase++) {
            outOfOrder += ledger.phase(phase).messagesOutOfOrder();
        }
        long end = System.nanoTime();
        return new DrainResult(inFlight == 0 && verification.lost() == 0, inFlight, expected, received,
                verification.lost(), verification.duplicated(), outOfOrder, unrecognised, end - start, unsent,
                DrainResult.stillArriving(verification.lost(), timedOut, lastReception, end));
    }

    /** First deliveries so far, summed over subscriptions. */
    private long receivedFirst() {
        long n = 0;
        for (SubscriptionCounters c : subscriptions.values()) {
            n += c.received();
        }
        return n;
    }

    /** Receptions still short of the acknowledged messages, summed over subscriptions. */
    private long receptionsShort() {
        long short_ = 0;
        for (SubscriptionCounters c : subscriptions.values()) {
            short_ += Math.max(0, acknowledgedOn(c.topic()) - c.received());
        }
        return short_;
    }

    private long acknowledgedOn(String topic) {
        long n = 0;
        for (LoadProducer p : producers()) {
            if (p.topic().equals(topic)) {
                n += p.acknowledged();
            }
        }
        return n;
    }

    /** Lost and duplicated messages over the whole run. */
    private record Verification(long lost, long duplicated) {
    }

    /**
     * Checks every (subscription, producer) pair message by message and records the verdict in each
     * phase's recorder; duplicates within one consumer were counted as they arrived.
     */
    private Verification verify() {
        List<ProducerSends> sends = producers().stream().map(LoadProducer::sends).toList();
        long totalLost = 0;
        long totalDuplicated = 0;
        for (int phase = 1; phase <= ledger.phases(); phase++) {
            long lost = 0;
            long duplicatedAcross = 0;
            for (Map.Entry<String, SubscriptionCounters> sub : subscriptions.entrySet()) {
                List<ConsumerReceipts> receipts = receiptsBySubscription.get(sub.getKey());
                for (ProducerSends p : sends) {
                    if (p.topic().equals(sub.getValue().topic())) {
                        DeliveryCheck.Verdict v = DeliveryCheck.check(p, receipts, phase);
                        lost += v.lost();
                        duplicatedAcross += v.duplicated();
                    }
                }
            }
            PhaseRecorder recorder = ledger.phase(phase);
            recorder.deliveryChecked(lost, duplicatedAcross);
            totalLost += lost;
            totalDuplicated += recorder.messagesDuplicated();
        }
        return new Verification(totalLost, totalDuplicated);
    }

    @Override
    public PhaseStats phaseStats(int phase) {
        long backlog = phaseEnd[phase] == 0 ? backlog() : phaseBacklog[phase];
        CpuReading cpuStart = cpuAtStart[phase];
        ProcessCpu cpu = cpuStart == null ? ProcessCpu.NONE
                : cpuStart.until(cpuAtEnd[phase] != null ? cpuAtEnd[phase] : cpu());
        return new PhaseStats(phase, phaseStart[phase], phaseEnd[phase], phaseDebt[phase], backlog,
                ledger.phase(phase).snapshot(), clock.epochNanos(), cpu);
    }

    /** The host's sampler, or null (with a warning in the log) where this machine does not let it read. */
    private static HostSampler startHostSampler(MessagingDriver driver, List<String> notes) {
        try {
            HostSampler sampler = HostSampler.start(driver::clientProcessIds);
            LOG.info("Profiler os: {}", sampler.describe());
            if (!sampler.readsCgroup()) {
                notes.add("profiler os: no cgroup files here: the host's figures without a container's limits");
            }
            return sampler;
        } catch (RuntimeException | LinkageError e) {
            notes.add("profiler os: cannot read this host (" + e + ")");
            return null;
        }
    }

    /**
     * CPU used so far by this JVM and by each client process outside it, this JVM's allocation and GC, and the host
     * (null when not profiled).
     */
    private record CpuReading(long workerNanos, long[] clientProcessNanos, GcActivity gc, HostActivity host,
                              Readings clients) {
        /** What was used from this reading to {@code later}. */
        ProcessCpu until(CpuReading later) {
            long all = 0;
            long busiest = 0;
            for (int i = 0; i < later.clientProcessNanos.length; i++) {
                long used = later.clientProcessNanos[i] - (i < clientProcessNanos.length ? clientProcessNanos[i] : 0);
                all += used;
                busiest = Math.max(busiest, used);
            }
            return new ProcessCpu(later.workerNanos - workerNanos, all, busiest, later.gc.since(gc),
                    later.host == null ? null : host == null ? later.host : later.host.since(host),
                    later.clients == null ? null : clients == null ? later.clients : later.clients.since(clients));
        }
    }

    private CpuReading cpu() {
        HostSampler sampler = hostSampler;
        ClientSampler clientMetrics = clientSampler;
        return new CpuReading(ProcessCpu.thisProcessNanos(), driver().clientProcessCpuNanos(), GcActivity.sinceStart(gcPauses),
                sampler == null ? null : sampler.reading(), clientMetrics == null ? null : clientMetrics.reading());
    }

    @Override
    public void close() {
        stopStallWatch();
        if (hostSampler != null) {
            hostSampler.close();
            hostSampler = null;
        }
        if (clientSampler != null) {
            clientSampler.close();
            clientSampler = null;
        }
        if (gcPauses != null) {
            gcPauses.close();
            gcPauses = null;
        }
        List<Runnable> closes = new ArrayList<>();
        if (fleet != null) {
            closes.add(fleet::close);
        }
        consumers.forEach(c -> closes.add(() -> closeQuietly(c::close, "consumer")));
        Clients.closeAll(closes);
        if (driver != null) {
            if (!topics.isEmpty()) {
                closeQuietly(() -> driver.deleteTopics(topics, TOPIC_TIMEOUT), "topic deletion");
            }
            closeQuietly(driver::close, "driver");
        }
        fleet = null;
        consumers.clear();
        topics.clear();
        driver = null;
    }

    static void closeQuietly(Runnable action, String what) {
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
