package io.msgbench.worker;

import io.msgbench.driver.SendListener;
import io.msgbench.load.LoadProducer;
import io.msgbench.load.ProducerFleet;
import io.msgbench.load.RateSchedule;
import io.msgbench.load.ScheduledProducer;
import io.msgbench.load.SenderLoop;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.metrics.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Producers of Java clients, driven by the harness's own sender threads ({@link SenderLoop}). */
final class SenderThreads implements ProducerFleet {
    private final List<ScheduledProducer> producers;
    private final EpochNanoClock clock;
    private final Sleeper sleeper;
    private final PhaseLedger ledger;
    private final List<SenderLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    SenderThreads(List<ScheduledProducer> producers, EpochNanoClock clock, Sleeper sleeper, PhaseLedger ledger) {
        this.producers = List.copyOf(producers);
        this.clock = clock;
        this.sleeper = sleeper;
        this.ledger = ledger;
    }

    @Override
    public List<? extends LoadProducer> producers() {
        return producers;
    }

    @Override
    public void sendProbes(SendListener listener) {
        producers.forEach(p -> p.sendProbe(listener));
    }

    @Override
    public void start(long startEpochNanos, double ratePerSecond, int threadCount) {
        List<List<ScheduledProducer>> perThread = new ArrayList<>();
        for (int t = 0; t < Math.min(threadCount, producers.size()); t++) {
            perThread.add(new ArrayList<>());
        }
        for (int i = 0; i < producers.size(); i++) {
            ScheduledProducer p = producers.get(i);
            p.startSchedule(RateSchedule.staggered(startEpochNanos, ratePerSecond, i, producers.size()));
            perThread.get(i % perThread.size()).add(p);
        }
        for (int t = 0; t < perThread.size(); t++) {
            SenderLoop loop = new SenderLoop(perThread.get(t), clock, sleeper);
            Thread thread = new Thread(loop, "msgbench-sender-" + t);
            thread.setDaemon(true);
            loops.add(loop);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public boolean running() {
        return !loops.isEmpty();
    }

    @Override
    public void changeRate(long fromEpochNanos, double ratePerSecond, boolean forgetOwed) {
        for (int i = 0; i < producers.size(); i++) {
            RateSchedule next = RateSchedule.staggered(fromEpochNanos, ratePerSecond, i, producers.size());
            if (forgetOwed) {
                producers.get(i).replaceSchedule(next);
            } else {
                producers.get(i).requestSchedule(next);
            }
        }
        loops.forEach(SenderLoop::schedulesChanged);
    }

    @Override
    public Boundary beginPhase(int phase) {
        long boundary = clock.epochNanos();
        ledger.advanceTo(phase);
        return new Boundary(boundary, debt(boundary));
    }

    private long debt(long epochNanos) {
        long debt = 0;
        for (ScheduledProducer p : producers) {
            debt += p.scheduleDebt(epochNanos);
        }
        return debt;
    }

    @Override
    public Boundary stop(PayPolicy policy, Duration wait) {
        long end = clock.epochNanos();
        // Only the debt between reading the clock and stopping the senders: they may send what falls due
        // meanwhile, so that window stays as short as possible.
        long debt = debt(end);
        long payDeadline = policy.payDeadline(end, debt);
        loops.forEach(loop -> loop.stopAt(end, payDeadline));
        long waitNanos = Math.max(0, payDeadline - end) + wait.toNanos();
        if (!join(Duration.ofNanos(waitNanos))) {
            throw new IllegalStateException("Sender threads did not stop within "
                    + TimeUnit.NANOSECONDS.toSeconds(waitNanos) + " s after the load stopped (a send blocked in the client)");
        }
        return new Boundary(end, debt);
    }

    /** Waits for the sender threads; false if one is still alive after {@code timeout}. */
    private boolean join(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Thread t : threads) {
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
        threads.clear();
        return true;
    }

    @Override
    public void flush() {
        producers.forEach(ScheduledProducer::flush);
    }

    @Override
    public void close() {
        loops.forEach(SenderLoop::stopNow);
        join(Worker.STOP_GRACE);
        List<Runnable> closes = new ArrayList<>();
        for (ScheduledProducer p : producers) {
            closes.add(() -> InProcessWorker.closeQuietly(p::closeHandle, "producer"));
        }
        Clients.closeAll(closes);
    }
}
