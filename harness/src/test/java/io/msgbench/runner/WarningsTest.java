package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.GcActivity;
import io.msgbench.metrics.HostActivity;
import io.msgbench.metrics.Readings;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.report.BacklogResult;
import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.worker.Worker.DrainResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class WarningsTest {
    private static final long MS = 1_000_000;
    private static final DrainResult CLEAN = new DrainResult(true, 0, 100, 100, 0, 0, 0, 0, 0, 0);

    @Test
    void aHealthyRunHasNoWarnings() {
        ForkResult f = fork(CLEAN, iteration(1, 0, 20, 10, 2 * MS), iteration(2, 20, 30, 40, 3 * MS));
        assertThat(Warnings.of(1_000, List.of(f))).isEmpty();
    }

    @Test
    void everyDoubtIsNamed() {
        DrainResult bad = new DrainResult(false, 2, 100, 97, 3, 4, 5, 6, 0, 0);
        // at 1,000 msg/s: debt allowed 51, backlog growth allowed over 2 × 10 s: 1 + 1,000 × (0.05 + 0.2) = 251
        ForkResult f = fork(bad, iteration(1, 10, 100, 0, 80 * MS), iteration(2, 100, 400, 300, MS));
        assertThat(Warnings.of(1_000, List.of(f))).containsExactly(
                "drain incomplete: 2 sends never acknowledged",
                "3 of 100 expected deliveries lost (acknowledged, never received by their subscription; none arrived "
                        + "in the drain's last second)",
                "4 duplicated deliveries",
                "5 deliveries out of order within a producer and partition",
                "6 received messages carried no valid msgbench stamp",
                "iteration 1: generator behind schedule, publish delay p99 80.0 ms",
                "iteration 2: generator behind schedule, 300 messages due but unsent at its end",
                "schedule debt grew from 0 to 300 across the measurement: the generator cannot sustain this rate",
                "consumers behind: backlog grew from 10 to 400 over the measurement (20 messages/s)");
    }

    @Test
    void messagesStillArrivingWhenTheDrainBoundExpiredAreLateNotLost() {
        DrainResult late = new DrainResult(false, 0, 100, 98, 2, 0, 0, 0, 10_000_000_000L, 0, true);
        assertThat(Warnings.of(1_000, List.of(fork(late, iteration(1, 10, 10, 0, MS))))).containsExactly(
                "2 of 100 expected deliveries not received within the drain bound (-to; the drain waited 10.0 s): "
                        + "messages were still arriving when it expired, so these are late, not known lost; a longer "
                        + "-to tells");
        assertThat(DrainResult.stillArriving(2, true, 0, DrainResult.STILL_ARRIVING_NANOS - 1)).isTrue();
        assertThat(DrainResult.stillArriving(2, true, 0, DrainResult.STILL_ARRIVING_NANOS)).isFalse();
        assertThat(DrainResult.stillArriving(2, false, 0, 1)).as("the drain did not time out").isFalse();
        assertThat(DrainResult.stillArriving(0, true, 0, 1)).as("nothing missing").isFalse();
    }

    @Test
    void aStallIsNamedWhereverItHappened() {
        IterationResult plain = iteration(1, 10, 10, 0, MS);
        IterationResult stalled = new IterationResult(1, false, 0, plain.durationNanos(), plain.messagesSent(), 0,
                plain.messagesReceived(), plain.receivedInWindow(), 0, 0, 0, 0, 0, 10, 10, 100, plain.latencies(),
                List.of(), ProcessCpu.NONE, null, 2_340_000_000L);
        assertThat(Warnings.of(1_000, List.of(fork(CLEAN, stalled)))).containsExactly("iteration 1: for 2.3 s sends "
                + "were outstanding and none was acknowledged: a stall of the broker or the network, not load");
    }

    @Test
    void aBacklogThatDidNotDrainIsNamed() {
        ForkResult f = new ForkResult(null, List.of(), List.of(iteration(1, 9_000, 5_000, 0, MS)), CLEAN, 0, null,
                new BacklogResult(10_000, 10_100, 5.0, 1_000, false, 60.0, 5_000), List.of());
        assertThat(Warnings.of(1_000, List.of(f)))
                .containsExactly("backlog did not drain: 5000 messages left after 60.0 s (drained means 1000 or fewer)");
    }

    /** Two workers 150 ms apart, each known to ±0.5 ms: the end-to-end latencies between them carry it. */
    @Test
    void workerClocksApartBeyondTheirUncertaintyAreNamed() {
        ForkResult f = new ForkResult(null, List.of(), List.of(iteration(1, 0, 0, 0, MS)), CLEAN, 0, null, null,
                List.of(List.of(new ClockOffset(0, 100_000, 500_000), new ClockOffset(1, -200_000, 400_000)),
                        List.of(new ClockOffset(0, 150_100_000, 500_000), new ClockOffset(1, 149_900_000, 300_000))));
        assertThat(Warnings.of(1_000, List.of(f))).containsExactly("worker clocks differ by up to 150.100 ms "
                + "(± 0.700 ms): end-to-end latencies of messages produced on one worker and consumed on another "
                + "are corrected by it, within that uncertainty");
        ForkResult close = new ForkResult(null, List.of(), List.of(iteration(1, 0, 0, 0, MS)), CLEAN, 0, null, null,
                List.of(List.of(new ClockOffset(0, 100_000, 500_000)), List.of(new ClockOffset(0, -300_000, 500_000))));
        assertThat(Warnings.of(1_000, List.of(close))).isEmpty();
    }

    /** 600 ms of collections in a 10-s iteration is 6 %: the worker's heap is named; 400 ms (4 %) is not. */
    @Test
    void aWorkerBusyCollectingGarbageIsNamed() {
        ForkResult gcBound = fork(CLEAN, withGc(iteration(1, 0, 0, 0, MS), new GcActivity(1L << 30, 120, 600 * MS)));
        assertThat(Warnings.of(1_000, List.of(gcBound))).containsExactly("iteration 1: the worker JVM spent 6.0 % of "
                + "the iteration in garbage collection (120 collections, 600 ms): its heap is the likely bottleneck, not "
                + "the broker; give the forks more (-jvmArgsAppend -Xmx...)");
        ForkResult quiet = fork(CLEAN, withGc(iteration(1, 0, 0, 0, MS), new GcActivity(1L << 30, 80, 400 * MS)));
        assertThat(Warnings.of(1_000, List.of(quiet))).isEmpty();
        // two workers: 600 ms summed over both is 3 % each
        ForkResult two = new ForkResult(null, List.of(), List.of(withGc(iteration(1, 0, 0, 0, MS),
                new GcActivity(1L << 30, 120, 600 * MS))), CLEAN, 0, null, null,
                List.of(List.of(new ClockOffset(0, 0, 100_000)), List.of(new ClockOffset(0, 0, 100_000))));
        assertThat(Warnings.of(1_000, List.of(two))).isEmpty();
    }

    private static IterationResult withGc(IterationResult r, GcActivity gc) {
        return new IterationResult(r.index(), r.warmup(), r.startEpochNanos(), r.durationNanos(), r.messagesSent(),
                r.publishErrors(), r.messagesReceived(), r.receivedInWindow(), r.negativeLatencies(), r.messagesLost(),
                r.messagesDuplicated(), r.messagesOutOfOrder(), r.scheduleDebt(), r.backlogAtStart(), r.backlogAtEnd(),
                r.messageSize(), r.latencies(), r.periods(), new ProcessCpu(0, 0, 0, gc));
    }

    /**
     * A host 10 s long on 2 CPUs: {@code busy} CPU seconds of 20 (user), the load generator {@code generator} CPU
     * seconds of them, {@code steal} seconds stolen, {@code swapped} pages; a broker with {@code handlersIdle} of its
     * handler time idle.
     */
    private static IterationResult profiled(int index, double busy, double generator, double steal, double swapped,
                                            double handlersIdle) {
        IterationResult r = iteration(index, 0, 0, 0, MS);
        Readings host = new Readings(Map.of("cpu.user.seconds", busy - steal, "cpu.steal.seconds", steal,
                "cpu.idle.seconds", 20 - busy, "swap.pagesIn", swapped), Map.of("cpus", 2.0));
        ProcessCpu cpu = new ProcessCpu((long) (generator * 1e9), 0, 0, null,
                new HostActivity(Map.of("h", host), Readings.NONE));
        Readings broker = new Readings(Map.of("process.cpu.seconds", 5.0, "handler.idle.seconds", handlersIdle * 10),
                Map.of("nodes", 1.0));
        return new IterationResult(r.index(), r.warmup(), r.startEpochNanos(), r.durationNanos(), r.messagesSent(),
                r.publishErrors(), r.messagesReceived(), r.receivedInWindow(), r.negativeLatencies(), r.messagesLost(),
                r.messagesDuplicated(), r.messagesOutOfOrder(), r.scheduleDebt(), r.backlogAtStart(), r.backlogAtEnd(),
                r.messageSize(), r.latencies(), r.periods(), cpu, broker);
    }

    @Test
    void aQuietHostAndBrokerHaveNoWarnings() {
        ForkResult quiet = fork(CLEAN, profiled(1, 14, 6, 0.2, 0, 0.9), profiled(2, 17.9, 8, 0, 0, 0.31));
        assertThat(Warnings.of(1_000, List.of(quiet))).isEmpty();
    }

    /** Above 90 % busy, the host is named; who had the CPU says whether it is the generator or the machine. */
    @Test
    void aBusyHostIsNamedWithWhoHadItsCpu() {
        ForkResult burnt = fork(CLEAN, profiled(1, 19.6, 4, 0, 0, 0.9), profiled(2, 18, 4, 0, 0, 0.9),
                profiled(3, 19, 4, 0, 0, 0.9));
        assertThat(Warnings.of(1_000, List.of(burnt))).containsExactly("host CPU up to 98 % busy in iterations 1, 3 "
                + "(user 98 %, system 0 %; the load generator 20 % of the host, the broker 0.50 cores): the machine is the "
                + "likely bottleneck, the figures are limited by everything that runs on it, not by the broker alone");
        ForkResult generator = fork(CLEAN, profiled(1, 19, 12, 0, 0, 0.9));
        assertThat(Warnings.of(1_000, List.of(generator))).singleElement().asString()
                .startsWith("host CPU 95 % busy in iteration 1 (user 95 %, system 0 %; the load generator 60 % of the host")
                .endsWith("the load generator is the likely bottleneck, not the broker; give it a machine of its own "
                        + "(--workers) or fewer clients");
    }

    @Test
    void stealSwapAndSaturatedBrokerThreadsAreNamed() {
        ForkResult f = fork(CLEAN, profiled(1, 12, 2, 1.2, 30, 0.1));
        assertThat(Warnings.of(1_000, List.of(f))).containsExactly(
                "CPU steal 6.0 % of the host's time in iteration 1: the hypervisor gave it to other machines, a noisy "
                        + "neighbour; the figures vary with it",
                "host swapping 3 pages/sec in iteration 1: its memory is the likely bottleneck",
                "broker request handlers idle only 10 % in iteration 1: they are the likely bottleneck (more of them, "
                        + "or more brokers)");
    }

    @Test
    void forksAreNamedWhenThereAreSeveral() {
        ForkResult ok = fork(CLEAN, iteration(1, 0, 0, 0, MS));
        ForkResult behind = fork(CLEAN, iteration(1, 0, 0, 500, MS));
        assertThat(Warnings.of(1_000, List.of(ok, behind)))
                .containsExactly("fork 2: iteration 1: generator behind schedule, 500 messages due but unsent at its end");
    }

    @Test
    void anUnreachableRateIsOneLineNotAWarningPerIteration() {
        // 10,000 acknowledged in 10 s at 1,000,000 msg/s asked: 0.1 % of the schedule, debt and delay huge
        DrainResult stopped = new DrainResult(true, 0, 100, 100, 0, 0, 0, 0, 0, 9_990_000);
        ForkResult f = fork(stopped, iteration(1, 0, 0, 9_990_000, 9_000 * MS));
        assertThat(Warnings.of(1_000_000, List.of(f))).containsExactly("schedule unreachable: the producers sent 1000 "
                + "msg/s, 0.1 % of the 1000000 msg/s asked, so this is a throughput measurement (publish rate is the "
                + "result); 9990000 messages due were never sent; latencies from the intended send time "
                + "(publishDelayLatency, *Corrected) only measure the falling behind and are left out");
    }

    /** Fell short because its sends failed (a broker gone): not called a throughput measurement. */
    @Test
    void aScheduleLostToFailingSendsIsNotCalledAThroughputMeasurement() {
        IterationResult r = iteration(1, 0, 0, 9_000, MS);
        IterationResult failing = new IterationResult(1, false, 0, r.durationNanos(), 700, 2_500, 700, 700, 0, 0, 0, 0,
                9_000, 0, 0, 100, r.latencies(), List.of(), ProcessCpu.NONE);
        ForkResult f = fork(new DrainResult(true, 0, 100, 100, 0, 0, 0, 0, 0, 1_800), failing);
        assertThat(Warnings.of(1_000, List.of(f))).startsWith("schedule not held: the producers sent 70.00 msg/s, 7.0 % of "
                + "the 1000 msg/s asked, and 2500 sends failed: failing sends (the broker or the network, timeouts) held "
                + "them back, not the system's capacity, so this is neither a latency nor a throughput measurement; 1800 "
                + "messages due were never sent").contains("iteration 1: 2500 publish errors");
    }

    @Test
    void aDebtLeftUnsentAtAReachableRateIsNamed() {
        ForkResult f = fork(new DrainResult(true, 0, 100, 100, 0, 0, 0, 0, 0, 7), iteration(1, 0, 0, 0, MS));
        assertThat(Warnings.of(1_000, List.of(f))).containsExactly("7 messages due were never sent: the load stopped "
                + "with a debt the producers could not pay within the drain bound");
    }

    private static ForkResult fork(DrainResult drain, IterationResult... measured) {
        return new ForkResult(null, List.of(), List.of(measured), drain, 0, null, null, List.of());
    }

    private static IterationResult iteration(int index, long backlogAtStart, long backlogAtEnd, long debt,
                                             long publishDelay) {
        Map<LatencyMetric, Histogram> latencies = new EnumMap<>(LatencyMetric.class);
        for (LatencyMetric m : LatencyMetric.values()) {
            Histogram h = new Histogram(3);
            h.recordValueWithCount(m == LatencyMetric.PUBLISH_DELAY_LATENCY ? publishDelay : MS, 10_000);
            latencies.put(m, h);
        }
        return new IterationResult(index, false, 0, 10_000_000_000L, 10_000, 0, 10_000, 10_000, 0, 0, 0, 0, debt,
                backlogAtStart, backlogAtEnd, 100, latencies, List.of(), ProcessCpu.NONE);
    }
}
