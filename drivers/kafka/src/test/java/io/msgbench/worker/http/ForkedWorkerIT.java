package io.msgbench.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.api.KeyDistributor;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.testing.SharedKafkaBroker;
import io.msgbench.worker.PhaseStats;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.DrainResult;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerInfo;
import io.msgbench.worker.Worker.WorkerSetup;
import io.msgbench.worker.WorkerException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A worker in a forked JVM behind the HTTP API, with a real broker: the same steps as in-process. */
@ExtendWith(SharedKafkaBroker.class)
class ForkedWorkerIT {

    private static WorkerSetup setup() {
        return new WorkerSetup("kafka", SharedKafkaBroker.bootstrapServers(), Map.of(), Map.of("linger.ms", "1"),
                Map.of(), Map.of(), (short) 1, 1);
    }

    @Test
    void runsAPhaseInAnotherJvmAndHandsOverExactHistograms() throws Exception {
        String topic = "forked-it-" + System.nanoTime();
        ForkedWorker worker = ForkedWorker.launch(List.of("-Xmx256m"));
        try {
            assertThat(worker.pid()).isNotEqualTo(ProcessHandle.current().pid());
            WorkerInfo info = worker.initialize(setup());
            assertThat(info.environment().jvmArgs()).contains("-Xmx256m");
            assertThat(info.clientConfig().producer()).containsEntry("linger.ms", "1");
            worker.createTopics(List.of(topic), 1);
            worker.createConsumers(List.of(new ConsumerSpec(topic, topic + "-sub")), Duration.ofSeconds(60));
            worker.createProducers(List.of(new ProducerSpec(topic, 1)),
                    new MessageSpec(64, KeyDistributor.NO_KEY, false, 0, 1, 1, new byte[64]), 300);
            worker.probe(Duration.ofSeconds(30));
            worker.startLoad(300, 1);
            Thread.sleep(1000);
            worker.stopLoad(Duration.ofSeconds(30));
            DrainResult drain = worker.drain(Duration.ofSeconds(30));
            PhaseStats stats = worker.phaseStats(1);
            assertThat(drain.complete()).as(drain.toString()).isTrue();
            long expected = Math.round(300 * (stats.endEpochNanos() - stats.startEpochNanos()) / 1e9);
            assertThat(stats.snapshot().messagesSent()).isBetween(expected - 2, expected + 2);
            assertThat(stats.snapshot().messagesReceived()).isEqualTo(stats.snapshot().messagesSent());
            assertThat(stats.snapshot().histogram(LatencyMetric.END_TO_END_LATENCY_CORRECTED).getTotalCount())
                    .isEqualTo(stats.snapshot().messagesSent());
        } finally {
            worker.close();
        }
        assertThat(worker.pid()).satisfies(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true)));
    }

    @Test
    void aForkKilledMidRunIsReportedWithItsExitCode() throws Exception {
        ForkedWorker worker = ForkedWorker.launch(List.of());
        try {
            worker.initialize(setup());
            ProcessHandle.of(worker.pid()).orElseThrow().destroyForcibly();
            Thread.sleep(500);
            assertThatThrownBy(() -> worker.createTopics(List.of("never-" + System.nanoTime()), 1))
                    .isInstanceOf(WorkerException.class)
                    .hasMessageContaining("the fork exited with code 137");
        } finally {
            worker.close();
        }
    }

    @Test
    void aForkThatCannotStartSaysWhy() {
        assertThatThrownBy(() -> ForkedWorker.launch(List.of("-Xmx1k")))
                .isInstanceOf(WorkerException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("heap");
    }
}
