package io.msgbench.runner;

import io.msgbench.driver.DriverRegistry;
import io.msgbench.driver.MessagingSystem;
import io.msgbench.broker.BrokerMetrics;
import io.msgbench.live.LiveView;
import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.metrics.Sleeper;
import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.report.RateSearchResult;
import io.msgbench.report.ScenarioResult;
import io.msgbench.scenario.IterationSettings;
import io.msgbench.scenario.PayloadFiles;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.WorkloadSpec;
import io.msgbench.worker.PhaseStats;
import io.msgbench.worker.Worker;
import io.msgbench.worker.WorkerException;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.DrainResult;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerInfo;
import io.msgbench.worker.Worker.WorkerSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The iteration loop of one scenario on one worker: set up, probe, warmup and measurement iterations
 * at exact boundaries, stop, drain, collect. It talks to the {@link Worker} interface only, so the
 * worker may be in this JVM, in a fork or on another host.
 */
final class ScenarioRunner {
    static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    /** The first warmup iteration ramps the rate up in this many steps. */
    static final int RAMP_STEPS = 10;

    private final Pacer pacer;
    private final EpochNanoClock clock;
    private final ConsoleReporter console;
    private final RateSearchRunner search;
    private final Duration reportInterval;
    private final RunProgress progress;
    private final Profilers profilers;
    /** Told every period and iteration ({@code --live}), or null. */
    private final LiveView live;

    /**
     * @param reportInterval the length of the report periods within iterations ({@code --report-interval})
     * @param progress       told which phase runs, for the progress line
     * @param profilers      what the results carry beyond the load's own figures ({@code -prof})
     */
    ScenarioRunner(EpochNanoClock clock, Sleeper sleeper, ConsoleReporter console, Duration reportInterval,
                   RunProgress progress, Profilers profilers, LiveView live) {
        this.live = live;
        this.pacer = new Pacer(clock, sleeper);
        this.clock = clock;
        this.console = console;
        this.search = new RateSearchRunner(pacer, console);
        this.reportInterval = reportInterval;
        this.progress = progress;
        this.profilers = profilers;
    }

    /** The counted phases of one fork of {@code scenario}: its iterations, the backlog build, the search's trials. */
    static int phases(Scenario scenario) {
        WorkloadSpec w = scenario.workload();
        IterationSettings it = scenario.iterations();
        return w.isMaxRate() ? RateSearchRunner.phases() + it.measurementIterations()
                : it.phases() + (w.isBacklogTest() ? 1 : 0);
    }

    /**
     * Runs one fork of {@code scenario} on {@code worker}.
     *
     * @param namePrefix      unique to the run, scenario and fork; prefixes topics and subscriptions
     * @param firstProducerId producer ids of this fork start here (unique across the run)
     */
    ForkResult run(Scenario scenario, Worker worker, String bootstrapServers, Map<String, String> commonClientConfig,
                   String namePrefix, int firstProducerId, int senderThreads, BrokerMetrics brokerMetrics) {
        WorkloadSpec w = scenario.workload();
        IterationSettings it = scenario.iterations();
        boolean searching = w.isMaxRate();
        boolean backlogTest = w.isBacklogTest();
        int phases = phases(scenario);
        WorkerInfo info = worker.initialize(new WorkerSetup(scenario.driver(), bootstrapServers, commonClientConfig,
                scenario.producer(), scenario.consumer(), topicConfig(scenario), scenario.replicationFactor(),
                phases, profilers.gc(), profilers.os(), profilers.client()));
        console.clientConfig(info);
        info.profilerNotes().forEach(n -> console.line("# Warning: " + n + "; the run goes on"));

        long t0 = pacer.now();
        List<String> topics = topicNames(namePrefix, w);
        worker.createTopics(topics, w.partitionsPerTopic());
        long t1 = pacer.now();

        List<ConsumerSpec> consumers = new ArrayList<>();
        List<ProducerSpec> producers = new ArrayList<>();
        int producerId = firstProducerId;
        for (String topic : topics) {
            for (int s = 0; s < w.subscriptionsPerTopic(); s++) {
                for (int c = 0; c < w.consumersPerSubscription(); c++) {
                    consumers.add(new ConsumerSpec(topic, topic + "-sub" + s));
                }
            }
            for (int p = 0; p < w.producersPerTopic(); p++) {
                producers.add(new ProducerSpec(topic, producerId++));
            }
        }
        worker.createConsumers(consumers, ASSIGNMENT_TIMEOUT);
        long t2 = pacer.now();
        worker.createProducers(producers, new MessageSpec(w.messageSize(), w.keyDistributor(),
                w.useRandomizedPayloads(), w.randomBytesRatio(), w.randomizedPayloadPoolSize(), firstProducerId,
                w.payloadFile().isEmpty() ? null : PayloadFiles.read(w.payloadFile(), w.messageSize())),
                w.producerRate());
        long t3 = pacer.now();
        long probeNanos = worker.probe(PROBE_TIMEOUT);
        // The worker's clock against this one before the load and after every iteration (docs/worker-protocol.md).
        List<List<ClockOffset>> offsets = new ArrayList<>();
        CoordinatorCostMeter cost = new CoordinatorCostMeter();
        cost.measure(CoordinatorCostMeter.Kind.CLOCKS, () -> estimateClocks(worker, offsets));
        console.line(String.format(java.util.Locale.ROOT, "# Set up in %.1f s: %d topics %.1f s, %d consumers assigned "
                + "%.1f s, %d producers %.1f s, readiness probe %.1f s", (pacer.now() - t0) / 1e9, topics.size(),
                (t1 - t0) / 1e9, consumers.size(), (t2 - t1) / 1e9, producers.size(), (t3 - t2) / 1e9, probeNanos / 1e9));

        // Phases of the iterations: [warmup..., measurement...]; for a backlog test [warmup..., build,
        // measurement...]; after a search [settle, trial, ..., settle, measurement...].
        RateSearchResult searched = null;
        BacklogTestRunner backlog = backlogTest ? new BacklogTestRunner(pacer, console) : null;
        int buildPhase = backlogTest ? it.warmupIterations() + 1 : -1;
        int firstMeasured;
        long boundary;
        if (searching) {
            progress.phase("searching the maximum sustainable rate");
            worker.startLoad(RateSearchRunner.START_RATE, senderThreads);
            RateSearchRunner.Outcome outcome = search.search(worker, it.warmupTime(), scenario.objective(),
                    ScenarioResult.primaryLatency(w));
            searched = outcome.result();
            firstMeasured = outcome.currentPhase() + 1;
            boundary = worker.beginPhase(firstMeasured);
        } else {
            firstMeasured = it.warmupIterations() + 1 + (backlogTest ? 1 : 0);
            boolean ramp = it.warmupIterations() > 0;
            boundary = worker.startLoad(ramp ? w.producerRate() / RAMP_STEPS : w.producerRate(), senderThreads);
            if (ramp) {
                console.line("# Warmup 1 ramps the rate up in " + RAMP_STEPS + " steps of " + 100 / RAMP_STEPS
                        + " %, so that cold JVMs and broker do not start the run with a debt near capacity");
            }
        }
        int lastPhase = firstMeasured + it.measurementIterations() - 1;
        ReportPeriods periods = new ReportPeriods(worker, reportInterval.toNanos(), w.messageSize(), (p, into) -> {
            console.period(p, into);
            if (live != null) {
                live.period(p);
            }
        }, cost, profilers, brokerMetrics);
        for (int phase = searching ? firstMeasured : 1; phase <= lastPhase; phase++) {
            if (phase == buildPhase) {
                progress.phase("building the backlog");
                backlog.build(worker, w);
                boundary = worker.beginPhase(phase + 1);
                continue;
            }
            boolean warmup = phase < firstMeasured;
            long end = boundary + (warmup ? it.warmupTime() : it.measurementTime()).toNanos();
            periods.begin(phase, boundary);
            progress.phase(warmup ? "warmup " + phase + " of " + it.warmupIterations()
                    : "measurement " + index(phase, firstMeasured) + " of " + it.measurementIterations());
            if (backlog != null && !warmup) {
                LongConsumer watching = t -> periods.waitUntil(t, u -> backlog.sleepUntil(worker, u));
                watching.accept(end);
                if (phase == lastPhase) {
                    // As OMB: the producers go on until the backlog drained, bounded by the drain timeout.
                    backlog.awaitDrain(pacer.now() + it.timeout().toNanos(), watching);
                }
            } else if (phase == 1 && warmup && !searching) {
                rampUp(worker, boundary, end, w.producerRate(), t -> periods.waitUntil(t, u -> pacer.sleepUntil(u,
                        worker::checkAlive)));
            } else {
                periods.waitUntil(end, u -> pacer.sleepUntil(u, worker::checkAlive)); // a lost worker ends it now
            }
            int ended = phase;
            boundary = cost.measure(CoordinatorCostMeter.Kind.ITERATION_END, () -> {
                long next = ended < lastPhase ? worker.beginPhase(ended + 1) : worker.stopLoad(it.timeout());
                // A ramped warmup and a search vary the rate: only a held fixed rate can be judged unreachable.
                double held = searching || (warmup && ended == 1 && it.warmupIterations() > 0) ? 0 : w.producerRate();
                IterationResult done = toIteration(worker, ended, warmup, index(ended, firstMeasured), w.messageSize(),
                        periods);
                console.iteration(done, held);
                if (live != null) {
                    live.iteration(done);
                }
                return next;
            });
            cost.measure(CoordinatorCostMeter.Kind.CLOCKS, () -> estimateClocks(worker, offsets));
        }
        progress.phase("draining");
        DrainResult drain = cost.measure(CoordinatorCostMeter.Kind.DRAIN, () -> worker.drain(it.timeout()));

        List<IterationResult> warmup = new ArrayList<>();
        List<IterationResult> measurement = new ArrayList<>();
        for (int phase = searching ? firstMeasured : 1; phase <= lastPhase; phase++) {
            if (phase == buildPhase) {
                continue;
            }
            boolean isWarmup = phase < firstMeasured;
            IterationResult r = toIteration(worker, phase, isWarmup, index(phase, firstMeasured), w.messageSize(),
                    periods);
            (isWarmup ? warmup : measurement).add(r);
        }
        console.clockOffsets(offsets);
        if (offsets.stream().flatMap(List::stream).anyMatch(o -> o.uncertaintyNanos() > 0)) { // not in this JVM
            console.coordinatorCost(cost.result());
        }
        return new ForkResult(info, warmup, measurement, drain, probeNanos, searched,
                backlog == null ? null : backlog.result(), offsets, cost.result());
    }

    /** Adds each host's clock offset now to its list ({@code byWorker.get(w)}). */
    private void estimateClocks(Worker worker, List<List<ClockOffset>> byWorker) {
        List<ClockOffset> now = worker.clockOffsets(clock);
        for (int w = 0; w < now.size(); w++) {
            if (byWorker.size() <= w) {
                byWorker.add(new ArrayList<>());
            }
            byWorker.get(w).add(now.get(w));
        }
    }

    /**
     * The first warmup iteration raises the rate from 1/{@link #RAMP_STEPS} to the full rate in equal steps
     * (owed messages kept: the corrected latencies of the warmup see any lateness), the last step a
     * {@link #RAMP_STEPS}th of the iteration before its end.
     */
    private static void rampUp(Worker worker, long start, long end, double rate, LongConsumer waitUntil) {
        long step = (end - start) / RAMP_STEPS;
        for (int k = 2; k <= RAMP_STEPS; k++) {
            waitUntil.accept(start + (k - 1) * step);
            worker.adjustRate(rate * k / RAMP_STEPS, Worker.OwedMessages.SEND);
        }
        waitUntil.accept(end);
    }

    /**
     * The scenario's topic configuration; for a backlog test with room for the backlog, as its system provides it
     * (Kafka: size-based retention must not delete messages that wait).
     */
    static Map<String, String> topicConfig(Scenario scenario) {
        WorkloadSpec w = scenario.workload();
        if (!w.isBacklogTest()) {
            return scenario.topic();
        }
        double messagesPerPartition = (double) w.backlogMessages() / Math.max(1, w.subscriptionsPerTopic())
                / (w.topics() * w.partitionsPerTopic());
        return MessagingSystem.named(DriverRegistry.load().get(scenario.driver()).system())
                .backlogTopicSettings(scenario.topic(), messagesPerPartition * w.messageSize(), messagesPerPartition);
    }

    /** 1-based index among the iterations of its kind. */
    private static int index(int phase, int firstMeasured) {
        return phase < firstMeasured ? phase : phase - firstMeasured + 1;
    }

    /** The topics of one scenario × fork: unique to the run, scenario and fork. */
    static List<String> topicNames(String namePrefix, WorkloadSpec w) {
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < w.topics(); t++) {
            topics.add(namePrefix + "-t" + t);
        }
        return topics;
    }

    /** One phase as an iteration; its backlog at the start is the previous phase's at its end. */
    static IterationResult toIteration(Worker worker, int phase, boolean warmup, int index, int messageSize,
                                       ReportPeriods periods) {
        PhaseStats stats = worker.phaseStats(phase);
        if (stats.endEpochNanos() != 0) {
            periods.ended(phase, stats.backlog());
        }
        // The previous phase's backlog at its end, known when it was read; fetching its statistics again would cost
        // every worker's histograms for one number.
        long backlogAtStart = phase <= 1 ? 0 : periods.backlogAtEnd(phase - 1)
                .orElseGet(() -> worker.phaseStats(phase - 1).backlog());
        PhaseSnapshot s = stats.snapshot();
        return new IterationResult(index, warmup, stats.startEpochNanos(),
                stats.endEpochNanos() - stats.startEpochNanos(), s.messagesSent(), s.publishErrors(),
                s.messagesReceived(), s.receivedInWindow(), s.negativeLatencies(), s.messagesLost(), s.messagesDuplicated(),
                s.messagesOutOfOrder(), stats.scheduleDebt(), backlogAtStart, stats.backlog(), messageSize,
                s.histograms(), periods.periods(stats), periods.kept(stats.cpu()), periods.broker(phase),
                s.longestStallNanos());
    }
}
