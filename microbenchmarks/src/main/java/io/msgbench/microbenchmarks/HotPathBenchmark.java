package io.msgbench.microbenchmarks;

import io.msgbench.driver.ProducerHandle;
import io.msgbench.driver.SendListener;
import io.msgbench.api.KeyDistributor;
import io.msgbench.load.KeyDistribution;
import io.msgbench.load.PayloadPool;
import io.msgbench.load.PayloadStamp;
import io.msgbench.load.RateSchedule;
import io.msgbench.load.ReceivedMessageRecorder;
import io.msgbench.load.ScheduledProducer;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.PhaseRecorder;
import java.util.concurrent.TimeUnit;
import io.msgbench.load.SubscriptionCounters;
import io.msgbench.verification.ConsumerReceipts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The harness's own work per message, without any client library: stamping, the schedule, recording, and
 * the whole send and receive paths around a driver that completes at once. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} must be ~0 B/op for every benchmark here (DESIGN §4, "Hot path").
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class HotPathBenchmark {
    /** A driver that acknowledges every send at once, on the calling thread. */
    static final class ImmediateProducer implements ProducerHandle {
        @Override
        public void send(byte[] key, byte[] payload, long token, SendListener listener) {
            listener.onCompletion(token, null);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private final EpochNanoClock clock = EpochNanoClock.system();
    private final byte[] payload = new byte[1024];
    private PhaseLedger ledger;
    private PhaseRecorder recorder;
    private RateSchedule schedule;
    private ScheduledProducer producer;
    private ReceivedMessageRecorder receiver;
    private long i;
    private long sentAt;

    @Setup
    public void setUp() {
        ledger = new PhaseLedger(1);
        recorder = ledger.phase(1);
        schedule = new RateSchedule(clock.epochNanos(), 123_456.7);
        producer = new ScheduledProducer(1, "t", new ImmediateProducer(), 1024, PayloadPool.randomized(1024, 0.5, 100, 1),
                KeyDistribution.of(KeyDistributor.KEY_ROUND_ROBIN, 1), clock, ledger);
        // Schedule far in the past: every message is due, so sendNext never waits.
        producer.startSchedule(new RateSchedule(clock.epochNanos() - TimeUnit.DAYS.toNanos(1), 1_000_000));
        receiver = new ReceivedMessageRecorder(ledger, new SubscriptionCounters("t", "s"), new ConsumerReceipts());
        sentAt = clock.epochNanos();
        PayloadStamp.write(payload, 1, 1, 0, sentAt, sentAt);
    }

    @Benchmark
    public void stampWrite() {
        long n = i++;
        PayloadStamp.write(payload, 1, 7, n, n, n + 1);
    }

    @Benchmark
    public long stampRead() {
        return PayloadStamp.phase(payload) + PayloadStamp.sequence(payload) + PayloadStamp.intendedEpochNanos(payload)
                + PayloadStamp.sendEpochNanos(payload);
    }

    @Benchmark
    public long scheduleIntendedTime() {
        return schedule.intendedTime(i++);
    }

    @Benchmark
    public void recordLatency() {
        long n = i++;
        recorder.recordLatency(LatencyMetric.END_TO_END_LATENCY, 0, 1_000_000 + (n & 0xFFFFF));
    }

    /** Stamp, in-flight table, publish delay, then the acknowledgement path with two latencies and a count. */
    @Benchmark
    public void sendAndAcknowledge() {
        producer.sendNextDue();
    }

    /**
     * A new message each time (stamp written with the next sequence): verify its sequence, decode the
     * stamp, record two end-to-end latencies and the counts. The sequence set allocates one 8 KiB page
     * per 65,536 messages (0.125 B/op).
     */
    @Benchmark
    public void receive() {
        PayloadStamp.write(payload, 1, 1, i++, sentAt, sentAt);
        receiver.onMessage(0, payload, clock.epochNanos());
    }
}
