package io.msgbench.microbenchmarks;

import io.msgbench.load.KeyDistribution;
import io.msgbench.load.PayloadPool;
import io.msgbench.load.RateSchedule;
import io.msgbench.load.ScheduledProducer;
import io.msgbench.load.SenderLoop;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.Sleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sender thread's step as a worker runs it at saturation (every message due): pick the earliest due of
 * its producers, stamp, claim the in-flight slot, record the publish delay, send to a driver that acknowledges
 * at once (so the acknowledgement's two latencies and counts are paid here too), re-key the producer. All
 * threads share one {@link PhaseLedger}, as a worker's sender and I/O threads do, so contention on the
 * recorders and counters shows. {@code producers} are spread over the threads.
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be ~0 B/op. On a machine with fewer cores than
 * threads, the per-thread time of the 8-thread benchmark includes waiting for a core: divide by threads/cores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SenderLoopBenchmark {
    /** What the worker shares between its threads. */
    @State(Scope.Benchmark)
    public static class Worker {
        @Param({"1", "100"})
        public int producers;

        final EpochNanoClock clock = EpochNanoClock.system();
        final PhaseLedger ledger = new PhaseLedger(1);
        final AtomicInteger nextThread = new AtomicInteger();
    }

    /** One sender thread and its share of the producers. */
    @State(Scope.Thread)
    public static class Sender {
        SenderLoop loop;

        @Setup
        public void setUp(Worker w, org.openjdk.jmh.infra.BenchmarkParams params) {
            int threads = params.getThreads();
            int index = w.nextThread.getAndIncrement();
            List<ScheduledProducer> mine = new ArrayList<>();
            // Due a day ago at 1e9 msg/s: always due, so every step sends.
            long start = w.clock.epochNanos() - TimeUnit.DAYS.toNanos(1);
            for (int p = index; p < Math.max(w.producers, threads); p += threads) {
                ScheduledProducer producer = new ScheduledProducer(p, "t", new HotPathBenchmark.ImmediateProducer(),
                        1024, PayloadPool.single(1024, p), KeyDistribution.none(), w.clock, w.ledger);
                producer.startSchedule(new RateSchedule(start + p, 1e9));
                mine.add(producer);
            }
            loop = new SenderLoop(mine, w.clock, Sleeper.parking());
        }
    }

    @Benchmark
    @Threads(1)
    public void oneSenderThread(Sender s) {
        s.loop.runOnce();
    }

    @Benchmark
    @Threads(8)
    public void eightSenderThreads(Sender s) {
        s.loop.runOnce();
    }
}
