package io.msgbench.runner;

import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.metrics.Sleeper;
import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.scenario.IterationSettings;
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

/**
 * The iteration loop of one scenario on one worker: set up, probe, warmup and measurement iterations
 * at exact boundaries, stop, drain, collect. It talks to the {@link Worker} interface only, so the
 * worker may be in this JVM, in a fork or on another host.
 */
final class ScenarioRunner {
    static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final EpochNanoClock clock;
    private final Sleeper sleeper;
    private final ConsoleReporter console;

    ScenarioRunner(EpochNanoClock clock, Sleeper sleeper, ConsoleReporter console) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.console = console;
    }

    /**
     * Runs one fork of {@code scenario} on {@code worker}.
     *
     * @param namePrefix      unique to the run, scenario and fork; prefixes topics and subscriptions
     * @param firstProducerId producer ids of this fork start here (unique across the run)
     */
    ForkResult run(Scenario scenario, Worker worker, String bootstrapServers, Map<String, String> commonClientConfig,
                   String namePrefix, int firstProducerId, int senderThreads) {
        WorkloadSpec w = scenario.workload();
        IterationSettings it = scenario.iterations();
        WorkerInfo info = worker.initialize(new WorkerSetup(scenario.driver(), bootstrapServers, commonClientConfig,
                scenario.producer(), scenario.consumer(), scenario.topic(), (short) 1, it.phases()));
        console.clientConfig(info);

        List<String> topics = topicNames(namePrefix, w);
        worker.createTopics(topics, w.partitionsPerTopic());

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
        worker.createProducers(producers, new MessageSpec(w.messageSize(), w.keyDistributor(),
                w.useRandomizedPayloads(), w.randomBytesRatio(), w.randomizedPayloadPoolSize(), firstProducerId));
        long probeNanos = worker.probe(PROBE_TIMEOUT);

        long boundary = worker.startLoad(w.producerRate(), senderThreads);
        for (int phase = 1; phase <= it.phases(); phase++) {
            long end = boundary + it.timeOf(phase).toNanos();
            sleepUntil(end);
            boundary = phase < it.phases() ? worker.beginPhase(phase + 1) : worker.stopLoad();
            PhaseStats live = worker.phaseStats(phase);
            console.iteration(toIteration(live, it, w.messageSize()));
        }
        DrainResult drain = worker.drain(it.timeout());

        List<IterationResult> warmup = new ArrayList<>();
        List<IterationResult> measurement = new ArrayList<>();
        for (int phase = 1; phase <= it.phases(); phase++) {
            IterationResult r = toIteration(worker.phaseStats(phase), it, w.messageSize());
            (r.warmup() ? warmup : measurement).add(r);
        }
        return new ForkResult(info, warmup, measurement, drain, probeNanos);
    }

    /** The topics of one scenario × fork: unique to the run, scenario and fork. */
    static List<String> topicNames(String namePrefix, WorkloadSpec w) {
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < w.topics(); t++) {
            topics.add(namePrefix + "-t" + t);
        }
        return topics;
    }

    private void sleepUntil(long epochNanos) {
        while (clock.epochNanos() < epochNanos) {
            if (Thread.currentThread().isInterrupted()) {
                throw new WorkerException("Interrupted");
            }
            sleeper.sleepUntil(clock, epochNanos);
        }
    }

    static IterationResult toIteration(PhaseStats stats, IterationSettings it, int messageSize) {
        PhaseSnapshot s = stats.snapshot();
        boolean warmup = it.isWarmup(stats.phase());
        int index = warmup ? stats.phase() : stats.phase() - it.warmupIterations();
        return new IterationResult(index, warmup, stats.startEpochNanos(),
                stats.endEpochNanos() - stats.startEpochNanos(), s.messagesSent(), s.publishErrors(),
                s.messagesReceived(), s.receivedInWindow(), s.negativeLatencies(), s.messagesLost(), s.messagesDuplicated(),
                s.messagesOutOfOrder(), stats.scheduleDebt(), messageSize,
                s.histograms());
    }
}
