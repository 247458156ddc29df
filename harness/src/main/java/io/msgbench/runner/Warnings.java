package io.msgbench.runner;

import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.scenario.Scenario;
import io.msgbench.worker.Worker.DrainResult;
import java.util.ArrayList;
import java.util.List;

/** What a user must see next to a scenario's figures because it puts them in doubt. */
final class Warnings {
    /**
     * Schedule debt within this much of the schedule at an iteration's end is a transient stall, not a
     * generator that cannot keep up: parkNanos wakes tens of µs late, and young GC pauses of the load
     * generator's JVM were measured at up to 40 ms at 10k msg/s here. Such stalls are not hidden: they
     * are in publishDelayLatency and the corrected latencies.
     */
    static final double DEBT_GRACE_SECONDS = 0.050;

    private Warnings() {
    }

    static List<String> of(Scenario scenario, List<ForkResult> forks) {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < forks.size(); f++) {
            ForkResult fork = forks.get(f);
            String where = forks.size() > 1 ? "fork " + (f + 1) + ": " : "";
            DrainResult d = fork.drain();
            if (d.inFlight() > 0) {
                out.add(where + "drain incomplete: " + d.inFlight() + " sends never acknowledged");
            }
            if (d.lost() > 0) {
                out.add(where + d.lost() + " of " + d.expected() + " expected deliveries lost (acknowledged, never "
                        + "received by their subscription)");
            }
            if (d.duplicated() > 0) {
                out.add(where + d.duplicated() + " duplicated deliveries");
            }
            if (d.outOfOrder() > 0) {
                out.add(where + d.outOfOrder() + " deliveries out of order within a producer and partition");
            }
            if (d.unrecognised() > 0) {
                out.add(where + d.unrecognised() + " received messages carried no valid msgbench stamp");
            }
            for (IterationResult r : fork.measurement()) {
                if (r.publishErrors() > 0) {
                    out.add(where + "iteration " + r.index() + ": " + r.publishErrors() + " publish errors");
                }
                if (r.negativeLatencies() > 0) {
                    out.add(where + "iteration " + r.index() + ": " + r.negativeLatencies()
                            + " negative latencies (clock trouble), not recorded");
                }
                if (r.scheduleDebt() > 1 + scenario.workload().producerRate() * DEBT_GRACE_SECONDS) {
                    out.add(where + "iteration " + r.index() + ": generator behind schedule, " + r.scheduleDebt()
                            + " messages due but unsent at its end");
                }
            }
        }
        return out;
    }
}
