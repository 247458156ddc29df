package io.msgbench.worker;

import io.msgbench.load.LoadProducer;
import io.msgbench.metrics.PhaseLedger;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches the producers while the load runs for stalls: stretches during which sends were outstanding and none was
 * acknowledged. A saturated system still acknowledges sends all the time, however slowly; a broker frozen, crashed or
 * cut off acknowledges none (its sends only fail, one timeout after another). The longest stretch of each phase goes
 * to its recorder, so that a schedule the producers could not hold is told apart from one a stall took from them.
 *
 * <p>It reads the producers' counters ten times a second on a thread of its own: nothing on the per-message path.
 */
final class StallWatch implements AutoCloseable {
    /** How often the counters are read: a stall is known to within this. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final List<LoadProducer> producers;
    private final PhaseLedger ledger;
    private final Thread thread;
    private volatile boolean running = true;

    private StallWatch(List<LoadProducer> producers, PhaseLedger ledger) {
        this.producers = producers;
        this.ledger = ledger;
        this.thread = new Thread(this::watch, "msgbench-stall-watch");
        thread.setDaemon(true);
    }

    /** Starts watching {@code producers}, attributing each stall to the ledger's current phase. */
    static StallWatch start(List<LoadProducer> producers, PhaseLedger ledger) {
        StallWatch w = new StallWatch(producers, ledger);
        w.thread.start();
        return w;
    }

    private void watch() {
        long acknowledgedBefore = -1;
        int phaseBefore = -1;
        long since = System.nanoTime();
        while (running) {
            try {
                TimeUnit.NANOSECONDS.sleep(TICK_NANOS);
            } catch (InterruptedException e) {
                return;
            }
            long acknowledged = 0;
            long outstanding = 0;
            for (LoadProducer p : producers) {
                acknowledged += p.acknowledged();
                outstanding += p.inFlight();
            }
            long now = System.nanoTime();
            int phase = ledger.currentPhase();
            if (acknowledged != acknowledgedBefore || outstanding == 0 || phase != phaseBefore) {
                // progress, nothing to wait for, or a new phase: a stall (of this phase) can only start now
                acknowledgedBefore = acknowledged;
                phaseBefore = phase;
                since = now;
            } else {
                ledger.phase(phase).stalled(now - since);
            }
        }
    }

    /** Stops watching; the stalls recorded stay with their phases. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(10 * TICK_NANOS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
