package io.msgbench.worker;

import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.verification.ConsumerReceipts;
import io.msgbench.verification.DeliveryCheck;
import io.msgbench.verification.ProducerSends;
import io.msgbench.verification.SequenceBitSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The workers of a distributed run as one {@link Worker}. A scenario's producers and consumers spread over all of
 * them — producers from the first worker on, consumers from the last one back, so that with two workers or more a
 * producer and a consumer sit on different hosts; workers dedicated to a {@link WorkerRole} take only that side —
 * with the rate shared by the producers and the topics created once. Verification, backlog and drain happen here, from every worker's counts and receipts: a message produced on
 * one host and consumed on another is verified exactly, per (subscription, producer). Phase statistics are merged
 * exactly (counts added, histograms added). Calls to the workers go out in parallel.
 */
public final class WorkerGroup implements Worker {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final List<Worker> workers;
    /** The workers that host producers, in placement order (from the first on). */
    private final int[] producingWorkers;
    /** The workers that host consumers, in placement order (from the last back). */
    private final int[] consumingWorkers;
    private final int[] producersOn;
    private final Map<String, Long> producersPerTopic = new LinkedHashMap<>();
    /** The worker each producer id runs on. */
    private final Map<Integer, Integer> producerWorker = new LinkedHashMap<>();
    private final boolean[] consuming;
    /** Each worker's best clock estimate so far (see {@link ClockOffset#better}): the one corrections use. */
    private final ClockOffset[] bestOffsets;
    /** The topic of each subscription key ({@code topic/subscription}) with a consumer somewhere. */
    private final Map<String, String> subscriptions = new LinkedHashMap<>();
    private int producers;
    private int currentPhase = 1;
    private long[] phaseBacklog;
    private boolean[] phaseEnded;
    private long[] lost;
    private long[] duplicatedAcross;
    private boolean verified;

    /** Workers that each host producers and consumers. */
    public WorkerGroup(List<? extends Worker> workers) {
        this(workers, java.util.Collections.nCopies(workers.size(), WorkerRole.BOTH));
    }

    /** @param roles what each worker hosts, in the order of {@code workers}; some must produce and some consume */
    public WorkerGroup(List<? extends Worker> workers, List<WorkerRole> roles) {
        if (workers.isEmpty() || roles.size() != workers.size()) {
            throw new IllegalArgumentException("a group needs at least one worker, each with its role");
        }
        this.workers = List.copyOf(workers);
        this.producersOn = new int[workers.size()];
        this.consuming = new boolean[workers.size()];
        this.bestOffsets = new ClockOffset[workers.size()];
        this.producingWorkers = java.util.stream.IntStream.range(0, roles.size())
                .filter(w -> roles.get(w).produces()).toArray();
        this.consumingWorkers = java.util.stream.IntStream.range(0, roles.size()).map(w -> roles.size() - 1 - w)
                .filter(w -> roles.get(w).consumes()).toArray();
        if (producingWorkers.length == 0 || consumingWorkers.length == 0) {
            throw new IllegalArgumentException("a group needs a worker that produces and one that consumes");
        }
    }

    /** Which workers host the producers and which the consumers, for the console: 1-based worker numbers. */
    public String placement() {
        return "producers on worker(s) " + numbers(producingWorkers) + " from the first on, consumers on worker(s) "
                + numbers(consumingWorkers) + " from the last back";
    }

    private static String numbers(int[] workers) {
        return java.util.Arrays.stream(workers).mapToObj(w -> Integer.toString(w + 1))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Calls every worker {@code call} says (null: not this one) at once and returns their answers in order. */
    private <T> List<T> each(Function<Integer, java.util.function.Supplier<T>> call) {
        List<java.util.function.Supplier<T>> calls = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            calls.add(call.apply(w));
        }
        return Parallel.all(calls);
    }

    private boolean producing(int w) {
        return producersOn[w] > 0;
    }

    @Override
    public WorkerInfo initialize(WorkerSetup setup) {
        phaseBacklog = new long[setup.phases() + 1];
        phaseEnded = new boolean[setup.phases() + 1];
        lost = new long[setup.phases() + 1];
        duplicatedAcross = new long[setup.phases() + 1];
        return each(w -> () -> workers.get(w).initialize(setup)).get(0);
    }

    @Override
    public void createTopics(List<String> topics, int partitions) {
        workers.get(0).createTopics(topics, partitions);
    }

    @Override
    public void createConsumers(List<ConsumerSpec> consumers, Duration timeout) {
        List<List<ConsumerSpec>> on = split(consumers.size(), i -> consumingWorkers[i % consumingWorkers.length], consumers);
        consumers.forEach(c -> subscriptions.put(c.topic() + "/" + c.subscription(), c.topic()));
        for (int w = 0; w < workers.size(); w++) {
            consuming[w] = !on.get(w).isEmpty();
        }
        each(w -> on.get(w).isEmpty() ? null : () -> {
            workers.get(w).createConsumers(on.get(w), timeout);
            return null;
        });
    }

    @Override
    public void createProducers(List<ProducerSpec> specs, MessageSpec messages, double expectedRate) {
        List<List<ProducerSpec>> on = split(specs.size(), i -> producingWorkers[i % producingWorkers.length], specs);
        producers = specs.size();
        for (int w = 0; w < workers.size(); w++) {
            producersOn[w] = on.get(w).size();
            for (ProducerSpec p : on.get(w)) {
                producerWorker.put(p.producerId(), w);
            }
        }
        specs.forEach(p -> producersPerTopic.merge(p.topic(), 1L, Long::sum));
        each(w -> on.get(w).isEmpty() ? null : () -> {
            workers.get(w).createProducers(on.get(w), messages, share(expectedRate, w));
            return null;
        });
    }

    private <T> List<List<T>> split(int count, java.util.function.IntUnaryOperator workerOf, List<T> items) {
        List<List<T>> on = new ArrayList<>();
        workers.forEach(w -> on.add(new ArrayList<>()));
        for (int i = 0; i < count; i++) {
            on.get(workerOf.applyAsInt(i)).add(items.get(i));
        }
        return on;
    }

    /** Worker {@code w}'s part of a rate over all producers. */
    private double share(double rate, int w) {
        return producers == 0 ? 0 : rate * producersOn[w] / producers;
    }

    @Override
    public long probe(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        each(w -> producing(w) ? () -> workers.get(w).sendProbes(timeout) : null);
        try {
            while (true) {
                Map<String, Long> received = sum(each(w -> () -> workers.get(w).probesReceived()));
                String short_ = null;
                for (Map.Entry<String, String> s : subscriptions.entrySet()) {
                    long expected = producersPerTopic.getOrDefault(s.getValue(), 0L);
                    if (received.getOrDefault(s.getKey(), 0L) < expected) {
                        short_ = s.getKey() + " received " + received.getOrDefault(s.getKey(), 0L) + " of " + expected;
                    }
                }
                if (short_ == null) {
                    return System.nanoTime() - start;
                }
                if (System.nanoTime() > deadline) {
                    throw new WorkerException("Readiness probe: subscription " + short_ + " probe messages within "
                            + timeout.toSeconds() + " s");
                }
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted during the readiness probe", e);
        }
    }

    private static Map<String, Long> sum(List<Map<String, Long>> maps) {
        Map<String, Long> total = new LinkedHashMap<>();
        maps.forEach(m -> m.forEach((k, v) -> total.merge(k, v, Long::sum)));
        return total;
    }

    @Override
    public long startLoad(double ratePerSecond, int senderThreads) {
        if (producers == 0) {
            throw new WorkerException("No producers to start");
        }
        return earliest(each(w -> producing(w) ? () -> workers.get(w).startLoad(share(ratePerSecond, w), senderThreads)
                : null));
    }

    @Override
    public long adjustRate(double ratePerSecond, OwedMessages owed) {
        return latest(each(w -> producing(w) ? () -> workers.get(w).adjustRate(share(ratePerSecond, w), owed) : null));
    }

    /** The phase boundaries are the producing workers'; consumer-only workers keep their ledgers in step. */
    @Override
    public long beginPhase(int phase) {
        List<Long> boundaries = each(w -> () -> workers.get(w).beginPhase(phase));
        int previous = currentPhase;
        currentPhase = phase;
        phaseBacklog[previous] = backlog();
        phaseEnded[previous] = true;
        return latest(producingOnly(boundaries));
    }

    @Override
    public long stopLoad(Duration payBound) {
        List<Long> ends = each(w -> () -> workers.get(w).stopLoad(payBound));
        phaseBacklog[currentPhase] = backlog();
        phaseEnded[currentPhase] = true;
        return latest(producingOnly(ends));
    }

    private List<Long> producingOnly(List<Long> values) {
        List<Long> out = new ArrayList<>();
        for (int w = 0; w < values.size(); w++) {
            if (producing(w) && values.get(w) != null) {
                out.add(values.get(w));
            }
        }
        return out;
    }

    private static long earliest(List<Long> values) {
        return values.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).min().orElse(0);
    }

    private static long latest(List<Long> values) {
        return values.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
    }

    /** Over all workers: messages acknowledged on a subscription's topic and not yet received by it. */
    @Override
    public long backlog() {
        DeliveryCounts c = counts();
        if (subscriptions.isEmpty()) {
            return c.inFlight();
        }
        long backlog = 0;
        for (Map.Entry<String, String> s : subscriptions.entrySet()) {
            backlog += Math.max(0, c.acknowledgedByTopic().getOrDefault(s.getValue(), 0L)
                    - c.receivedBySubscription().getOrDefault(s.getKey(), 0L));
        }
        return backlog;
    }

    /** Every worker's counts, added up. */
    private DeliveryCounts counts() {
        List<DeliveryCounts> all = each(w -> () -> workers.get(w).deliveryCounts());
        long inFlight = 0;
        long unrecognised = 0;
        long unsent = 0;
        for (DeliveryCounts c : all) {
            inFlight += c.inFlight();
            unrecognised += c.unrecognised();
            unsent += c.unsent();
        }
        return new DeliveryCounts(sum(all.stream().map(DeliveryCounts::acknowledgedByTopic).toList()),
                sum(all.stream().map(DeliveryCounts::receivedBySubscription).toList()), inFlight, unrecognised, unsent);
    }

    @Override
    public void pauseConsumers() {
        each(w -> () -> {
            workers.get(w).pauseConsumers();
            return null;
        });
    }

    @Override
    public void resumeConsumers() {
        each(w -> () -> {
            workers.get(w).resumeConsumers();
            return null;
        });
    }

    /**
     * Waits for every acknowledgement and then for every subscription to have received, over all workers, what its
     * topic's producers had acknowledged; then verifies message by message with every worker's receipts.
     */
    @Override
    public DrainResult drain(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        each(w -> producing(w) ? () -> workers.get(w).awaitAcknowledgements(timeout) : null);
        DeliveryCounts c;
        boolean timedOut;
        long receivedBefore = -1;
        long lastReception = start;
        try {
            while (true) {
                c = counts();
                long short_ = 0;
                long receivedNow = 0;
                for (Map.Entry<String, String> s : subscriptions.entrySet()) {
                    long received = c.receivedBySubscription().getOrDefault(s.getKey(), 0L);
                    short_ += Math.max(0, c.acknowledgedByTopic().getOrDefault(s.getValue(), 0L) - received);
                    receivedNow += received;
                }
                if (receivedNow != receivedBefore) {
                    receivedBefore = receivedNow;
                    lastReception = System.nanoTime();
                }
                timedOut = System.nanoTime() > deadline;
                if ((c.inFlight() == 0 && short_ == 0) || timedOut) {
                    break;
                }
                TimeUnit.NANOSECONDS.sleep(POLL_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("Interrupted while draining", e);
        }
        verify(each(w -> () -> workers.get(w).deliveryRecord()));
        long expected = 0;
        long received = 0;
        for (Map.Entry<String, String> s : subscriptions.entrySet()) {
            expected += c.acknowledgedByTopic().getOrDefault(s.getValue(), 0L);
            received += c.receivedBySubscription().getOrDefault(s.getKey(), 0L);
        }
        long totalLost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        for (int phase = 1; phase < lost.length; phase++) {
            PhaseSnapshot s = phaseStats(phase).snapshot();
            totalLost += s.messagesLost();
            duplicated += s.messagesDuplicated();
            outOfOrder += s.messagesOutOfOrder();
        }
        long end = System.nanoTime();
        return new DrainResult(c.inFlight() == 0 && totalLost == 0, c.inFlight(), expected, received, totalLost,
                duplicated, outOfOrder, c.unrecognised(), end - start, c.unsent(),
                DrainResult.stillArriving(totalLost, timedOut, lastReception, end));
    }

    /** Loss and cross-consumer duplication per phase, per (subscription, producer), over all workers' receipts. */
    private void verify(List<DeliveryRecord> records) {
        List<ProducerSends> sends = new ArrayList<>();
        Map<String, List<ConsumerReceipts>> receipts = new LinkedHashMap<>();
        for (DeliveryRecord r : records) {
            sends.addAll(r.sends());
            r.receipts().forEach((key, consumers) -> {
                for (Map<Integer, String> consumer : consumers) {
                    Map<Integer, SequenceBitSet> decoded = new LinkedHashMap<>();
                    consumer.forEach((id, encoded) -> decoded.put(id, SequenceBitSet.decode(encoded)));
                    receipts.computeIfAbsent(key, k -> new ArrayList<>()).add(ConsumerReceipts.of(decoded));
                }
            });
        }
        for (int phase = 1; phase < lost.length; phase++) {
            lost[phase] = 0;
            duplicatedAcross[phase] = 0;
            for (Map.Entry<String, String> s : subscriptions.entrySet()) {
                List<ConsumerReceipts> subscription = receipts.getOrDefault(s.getKey(), List.of());
                for (ProducerSends p : sends) {
                    if (p.topic().equals(s.getValue())) {
                        DeliveryCheck.Verdict v = DeliveryCheck.check(p, subscription, phase);
                        lost[phase] += v.lost();
                        duplicatedAcross[phase] += v.duplicated();
                    }
                }
            }
        }
        verified = true;
    }

    /** Every worker's statistics of {@code phase}, merged; loss and cross-worker duplication from the drain. */
    @Override
    public PhaseStats phaseStats(int phase) {
        List<PhaseStats> all = each(w -> () -> workers.get(w).phaseStats(phase));
        long start = Long.MAX_VALUE;
        long end = 0;
        boolean current = false;
        long debt = 0;
        long taken = 0;
        ProcessCpu cpu = ProcessCpu.NONE;
        PhaseSnapshot merged = null;
        for (int w = 0; w < all.size(); w++) {
            PhaseStats s = all.get(w);
            if (producing(w)) {
                start = Math.min(start, s.startEpochNanos());
                current |= s.endEpochNanos() == 0;
                end = Math.max(end, s.endEpochNanos());
            }
            debt += s.scheduleDebt();
            taken = Math.max(taken, s.takenEpochNanos());
            cpu = cpu.plus(s.cpu());
            merged = merged == null ? s.snapshot() : merged.plus(s.snapshot());
        }
        long backlog = phaseEnded[phase] ? phaseBacklog[phase] : backlog();
        // The workers never verified (their receipts are partial): loss and cross-worker duplicates are the drain's.
        merged = merged.withVerdicts(verified ? lost[phase] : 0, verified ? duplicatedAcross[phase] : 0);
        return new PhaseStats(phase, start == Long.MAX_VALUE ? 0 : start, current ? 0 : end, debt, backlog, merged,
                taken, cpu);
    }

    @Override
    public void checkAlive() {
        workers.forEach(Worker::checkAlive);
    }

    /** The first worker's clock; {@link #clockOffsets} has every worker's. */
    @Override
    public ClockOffset clockOffset(EpochNanoClock coordinator) {
        return workers.get(0).clockOffset(coordinator);
    }

    /**
     * Every worker's clock, one after another (at once, their exchanges would lengthen each other's round trips);
     * then every consuming worker is told how far each producer's worker is from it, by the best estimate of each so
     * far, so that end-to-end latencies across hosts are measured on one clock from now on.
     */
    @Override
    public List<ClockOffset> clockOffsets(EpochNanoClock coordinator) {
        List<ClockOffset> offsets = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            ClockOffset estimate = workers.get(w).clockOffset(coordinator);
            offsets.add(estimate);
            bestOffsets[w] = bestOffsets[w] == null ? estimate : bestOffsets[w].better(estimate);
        }
        each(w -> consuming[w] ? () -> {
            Map<Integer, Long> corrections = new LinkedHashMap<>();
            producerWorker.forEach((id, p) -> corrections.put(id, bestOffsets[w].correctionFrom(bestOffsets[p])));
            workers.get(w).correctClocks(corrections);
            return null;
        } : null);
        return offsets;
    }

    @Override
    public void correctClocks(Map<Integer, Long> nanosByProducer) {
        each(w -> consuming[w] ? () -> {
            workers.get(w).correctClocks(nanosByProducer);
            return null;
        } : null);
    }

    @Override
    public long sendProbes(Duration timeout) {
        return latest(each(w -> producing(w) ? () -> workers.get(w).sendProbes(timeout) : null));
    }

    @Override
    public Map<String, Long> probesReceived() {
        return sum(each(w -> () -> workers.get(w).probesReceived()));
    }

    @Override
    public DeliveryCounts deliveryCounts() {
        return counts();
    }

    @Override
    public long awaitAcknowledgements(Duration timeout) {
        return each(w -> producing(w) ? () -> workers.get(w).awaitAcknowledgements(timeout) : null).stream()
                .filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    @Override
    public DeliveryRecord deliveryRecord() {
        throw new UnsupportedOperationException("a worker group verifies its workers' records itself");
    }

    /**
     * Closes every worker; never throws. The first worker created the topics and deletes them when it closes: the
     * others close first, so that no producer still holds messages for a topic that is going (after a failure the load
     * was never stopped, and such a producer would wait out its close timeout).
     */
    @Override
    public void close() {
        each(w -> w == 0 ? null : () -> {
            workers.get(w).close();
            return null;
        });
        workers.get(0).close();
    }
}
