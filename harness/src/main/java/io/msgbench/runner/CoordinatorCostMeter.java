package io.msgbench.runner;

import io.msgbench.metrics.ProcessCpu;
import io.msgbench.report.CoordinatorCost;
import java.util.function.Supplier;

/** Measures the coordinator's own work of one fork as it happens: wall time and this process's CPU around it. */
final class CoordinatorCostMeter {
    private CoordinatorCost.Work reportPeriods = CoordinatorCost.Work.NONE;
    private CoordinatorCost.Work iterationEnds = CoordinatorCost.Work.NONE;
    private CoordinatorCost.Work drain = CoordinatorCost.Work.NONE;
    private CoordinatorCost.Work clocks = CoordinatorCost.Work.NONE;

    /** One kind of work. */
    enum Kind { REPORT_PERIOD, ITERATION_END, DRAIN, CLOCKS }

    <T> T measure(Kind kind, Supplier<T> work) {
        long wall = System.nanoTime();
        long cpu = ProcessCpu.thisProcessNanos();
        try {
            return work.get();
        } finally {
            long w = System.nanoTime() - wall;
            long c = ProcessCpu.thisProcessNanos() - cpu;
            switch (kind) {
                case REPORT_PERIOD -> reportPeriods = reportPeriods.plus(w, c);
                case ITERATION_END -> iterationEnds = iterationEnds.plus(w, c);
                case DRAIN -> drain = drain.plus(w, c);
                case CLOCKS -> clocks = clocks.plus(w, c);
                default -> throw new IllegalStateException(kind.name());
            }
        }
    }

    void measure(Kind kind, Runnable work) {
        measure(kind, () -> {
            work.run();
            return null;
        });
    }

    CoordinatorCost result() {
        return new CoordinatorCost(reportPeriods, iterationEnds, drain, clocks);
    }
}
