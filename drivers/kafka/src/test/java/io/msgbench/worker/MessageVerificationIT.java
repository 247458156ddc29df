package io.msgbench.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.api.KeyDistributor;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import io.msgbench.driver.kafka.FaultInjectingKafka;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.metrics.Sleeper;
import io.msgbench.testing.SharedKafkaBroker;
import io.msgbench.worker.Worker.ConsumerSpec;
import io.msgbench.worker.Worker.DrainResult;
import io.msgbench.worker.Worker.MessageSpec;
import io.msgbench.worker.Worker.ProducerSpec;
import io.msgbench.worker.Worker.WorkerSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verification against a real broker: a Kafka driver with faults put in on purpose, and the counts
 * that must come out of them, exactly. Producer faults: sequence {@value LOST} is acknowledged but never
 * sent (a broker that lost an acknowledged message), {@value SENT_TWICE} is sent twice, {@value LATE} is
 * held back and sent after its successor. Consumer fault: {@value REDELIVERED} is handed to the
 * listener twice (a consumer re-reading from an earlier offset).
 */
@ExtendWith(SharedKafkaBroker.class)
class MessageVerificationIT {
    private static final long LOST = 100;
    private static final long SENT_TWICE = 200;
    private static final long LATE = 300;
    private static final long REDELIVERED = 400;

    @Test
    void providedFaultsAreCountedExactlyInThePhaseThatSentThem() throws Exception {
        String prefix = "verify-it-" + System.nanoTime();
        DriverRegistry registry = DriverRegistry.of(new FaultyKafka());
        try (InProcessWorker worker = new InProcessWorker(registry, EpochNanoClock.system(), Sleeper.parking())) {
            worker.initialize(new WorkerSetup("faulty-kafka", SharedKafkaBroker.bootstrapServers(), Map.of(),
                    Map.of("linger.ms", "1"), Map.of(), Map.of(), (short) 1, 2));
            String topic = prefix + "-t";
            worker.createTopics(List.of(topic), 1); // one partition: the held-back message arrives out of order
            worker.createConsumers(List.of(new ConsumerSpec(topic, prefix + "-s")), Duration.ofSeconds(60));
            worker.createProducers(List.of(new ProducerSpec(topic, 1)),
                    new MessageSpec(64, KeyDistributor.NO_KEY, false, 0, 0, 1, null), 1_000);
            worker.probe(Duration.ofSeconds(30));

            worker.startLoad(1_000, 1);
            Thread.sleep(1_000); // sequences 0..~999 in phase 1: every fault falls in it
            worker.beginPhase(2);
            Thread.sleep(500);
            worker.stopLoad(Duration.ofSeconds(30));
            DrainResult drain = worker.drain(Duration.ofSeconds(5));

            PhaseSnapshot one = worker.phaseStats(1).snapshot();
            PhaseSnapshot two = worker.phaseStats(2).snapshot();
            assertThat(one.messagesSent()).isGreaterThan(REDELIVERED + 100);
            assertThat(one.messagesLost()).isEqualTo(1);
            assertThat(one.messagesDuplicated()).isEqualTo(2);
            assertThat(one.messagesOutOfOrder()).isEqualTo(1);
            assertThat(one.messagesReceived()).isEqualTo(one.messagesSent() - 1);
            assertThat(two.messagesLost()).isZero();
            assertThat(two.messagesDuplicated()).isZero();
            assertThat(two.messagesOutOfOrder()).isZero();
            assertThat(two.messagesReceived()).isEqualTo(two.messagesSent()).isPositive();
            assertThat(drain.complete()).isFalse();
            assertThat(drain.lost()).isEqualTo(1);
            assertThat(drain.duplicated()).isEqualTo(2);
            assertThat(drain.outOfOrder()).isEqualTo(1);
            assertThat(drain.inFlight()).isZero();
            // the drain waited for the lost message until its timeout, then gave its verdict
            assertThat(drain.waitedNanos()).isGreaterThanOrEqualTo(Duration.ofSeconds(5).toNanos());
        }
    }

    /** The Kafka driver with the faults above. */
    private static final class FaultyKafka extends FaultInjectingKafka {
        FaultyKafka() {
            super("faulty-kafka", FaultyProducer::new, listener -> (partition, payload, receiveEpochNanos) -> {
                listener.onMessage(partition, payload, receiveEpochNanos);
                if (io.msgbench.load.PayloadStamp.sequence(payload) == REDELIVERED) {
                    listener.onMessage(partition, payload, receiveEpochNanos);
                }
            });
        }
    }

    private static final class FaultyProducer implements ProducerHandle {
        private static final SendListener IGNORED = (token, error) -> { };
        private final ProducerHandle real;
        private final int maxInFlight;
        private byte[] heldPayload;
        private SendListener heldListener;

        FaultyProducer(ProducerHandle real, int maxInFlight) {
            this.real = real;
            this.maxInFlight = maxInFlight;
        }

        @Override
        public void send(byte[] key, byte[] payload, long token, SendListener listener) {
            if (token == LOST) {
                listener.onCompletion(token, null);
            } else if (token == SENT_TWICE) {
                real.send(key, payload, token, listener);
                // a token of its own: drivers keep per-send state by token, and no send near it is in flight
                real.send(key, payload, token + maxInFlight / 2, IGNORED);
            } else if (token == LATE) {
                heldPayload = payload.clone();
                heldListener = listener;
            } else {
                real.send(key, payload, token, listener);
                if (token == LATE + 1) {
                    real.send(key, heldPayload, LATE, heldListener);
                }
            }
        }

        @Override
        public void flush() {
            real.flush();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
