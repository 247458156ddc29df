package io.msgbench.runner;

import io.msgbench.broker.BrokerMetrics;
import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.metrics.ProcessCpu;
import io.msgbench.metrics.Readings;
import io.msgbench.report.PeriodResult;
import io.msgbench.worker.PhaseStats;
import io.msgbench.worker.Worker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import java.util.function.LongConsumer;

/**
 * The report periods of one fork's iterations (OMB's 10-s stats): while an iteration runs, the worker's
 * cumulative statistics of the iteration are read every {@code --report-interval}, each period's difference is
 * printed as it ends, and after the drain the periods are final. Only the last snapshot of each phase is
 * kept (cumulative histograms are large); finished periods are kept as summaries.
 */
final class ReportPeriods {
    private final Worker worker;
    private final long intervalNanos;
    private final int messageSize;
    private final ObjLongConsumer<PeriodResult> onPeriod;
    private final CoordinatorCostMeter cost;
    private final Profilers profilers;
    /** The broker's own figures ({@code -prof broker}), or null. */
    private final BrokerMetrics broker;
    private long phaseStart;
    private final Map<Integer, List<PeriodResult>> done = new HashMap<>();
    private final Map<Integer, PhaseSnapshot> lastSnapshot = new HashMap<>();
    private final Map<Integer, Long> lastTaken = new HashMap<>();
    private final Map<Integer, Long> backlogAtEnd = new HashMap<>();
    /** The load generator's use since its phase began, when each phase's last period ended. */
    private final Map<Integer, ProcessCpu> lastCpu = new HashMap<>();
    /** The broker's running totals when each phase began, when its last period ended, when it ended. */
    private final Map<Integer, Readings> brokerAtStart = new HashMap<>();
    private final Map<Integer, Readings> lastBroker = new HashMap<>();
    private final Map<Integer, Readings> brokerAtEnd = new HashMap<>();
    private int phase;
    private long nextEnd = Long.MAX_VALUE;

    /** @param onPeriod sees each period as it ends, with the nanoseconds since its iteration began (the live line) */
    ReportPeriods(Worker worker, long intervalNanos, int messageSize, ObjLongConsumer<PeriodResult> onPeriod) {
        this(worker, intervalNanos, messageSize, onPeriod, new CoordinatorCostMeter(), Profilers.DEFAULT, null);
    }

    /**
     * @param cost      measures the reading of each period
     * @param profilers which figures the periods keep
     * @param broker    the broker's own figures, read at every boundary, or null
     */
    ReportPeriods(Worker worker, long intervalNanos, int messageSize, ObjLongConsumer<PeriodResult> onPeriod,
                  CoordinatorCostMeter cost, Profilers profilers, BrokerMetrics broker) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("report interval must be positive, was " + intervalNanos + " ns");
        }
        this.worker = worker;
        this.intervalNanos = intervalNanos;
        this.messageSize = messageSize;
        this.onPeriod = onPeriod;
        this.cost = cost;
        this.profilers = profilers;
        this.broker = broker;
    }

    /** {@code phase} began at {@code boundaryEpochNanos}: its periods count from there. */
    void begin(int phase, long boundaryEpochNanos) {
        this.phase = phase;
        done.put(phase, new ArrayList<>());
        lastTaken.put(phase, boundaryEpochNanos);
        lastCpu.put(phase, ProcessCpu.NONE);
        if (broker != null) {
            // the previous phase's end reading, if there was one: the two windows meet without a gap
            Readings now = brokerAtStart.computeIfAbsent(phase, p -> readBroker());
            lastBroker.put(phase, now);
        }
        phaseStart = boundaryEpochNanos;
        nextEnd = boundaryEpochNanos + intervalNanos;
    }

    /**
     * Waits until {@code epochNanos} with {@code wait}, ending a period at every period boundary before it.
     * The iteration's own end is not sampled here: its last period is completed by {@link #periods}.
     */
    void waitUntil(long epochNanos, LongConsumer wait) {
        while (nextEnd < epochNanos) {
            wait.accept(nextEnd);
            cost.measure(CoordinatorCostMeter.Kind.REPORT_PERIOD, () -> {
                PhaseStats now = worker.phaseStats(phase);
                Readings brokerNow = broker == null ? null : readBroker();
                PeriodResult period = period(phase, now, now.takenEpochNanos(), brokerNow);
                done.get(phase).add(period);
                lastSnapshot.put(phase, now.snapshot());
                lastTaken.put(phase, now.takenEpochNanos());
                lastCpu.put(phase, now.cpu());
                if (brokerNow != null) {
                    lastBroker.put(phase, brokerNow);
                }
                onPeriod.accept(period, now.takenEpochNanos() - phaseStart);
            });
            nextEnd += intervalNanos;
        }
        wait.accept(epochNanos);
    }

    /**
     * The periods of a phase, the last ending at the phase's end and holding everything recorded for its
     * messages since the last period ended; {@code complete} is the phase's statistics after the drain.
     */
    /**
     * {@code phase} has ended with {@code backlog} messages sent and not yet received; the broker's figures are read at
     * the first call, just after the end.
     */
    void ended(int phase, long backlog) {
        backlogAtEnd.put(phase, backlog);
        if (broker != null && brokerAtStart.containsKey(phase)) {
            Readings end = brokerAtEnd.computeIfAbsent(phase, p -> readBroker());
            // read just after the boundary, it is where the next phase begins (its own begin comes later, after this
            // phase's statistics and the clock estimates)
            brokerAtStart.putIfAbsent(phase + 1, end);
        }
    }

    /** The broker's figures now, stamped with when they were read. */
    private Readings readBroker() {
        return broker.read().at(System.nanoTime());
    }

    /** What the broker's figures added up to in {@code phase}, or null when they were not read. */
    Readings broker(int phase) {
        Readings start = brokerAtStart.get(phase);
        Readings end = brokerAtEnd.get(phase);
        return start == null || end == null ? null : end.since(start);
    }

    /** What the iteration keeps of the load generator's figures: those of the profilers asked for. */
    ProcessCpu kept(ProcessCpu cpu) {
        return profilers.gc() ? cpu : cpu.withoutGc();
    }

    /** The backlog {@code phase} ended with, if it has ended and been read. */
    java.util.Optional<Long> backlogAtEnd(int phase) {
        return java.util.Optional.ofNullable(backlogAtEnd.get(phase));
    }

    List<PeriodResult> periods(PhaseStats complete) {
        int p = complete.phase();
        List<PeriodResult> periods = new ArrayList<>(done.getOrDefault(p, List.of()));
        if (lastTaken.containsKey(p)) {
            periods.add(period(p, complete, complete.endEpochNanos(), brokerAtEnd.get(p)));
        }
        return periods;
    }

    /** The period from the last one's end to {@code after}, with the profilers' figures where they were read. */
    private PeriodResult period(int p, PhaseStats after, long endEpochNanos, Readings brokerAfter) {
        Readings brokerBefore = lastBroker.get(p);
        return PeriodResult.between(lastTaken.get(p), lastSnapshot.get(p), endEpochNanos, after.snapshot(),
                after.backlog(), messageSize).profiled(kept(after.cpu().since(lastCpu.getOrDefault(p, ProcessCpu.NONE))),
                brokerAfter == null || brokerBefore == null ? null : brokerAfter.since(brokerBefore));
    }
}
