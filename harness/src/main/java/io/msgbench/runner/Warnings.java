package io.msgbench.runner;

import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/** What a user must see next to a scenario's figures because it puts them in doubt. */
final class Warnings {
    /**
     * Schedule debt within this much of the schedule is the sender waking from its timer (parkNanos
     * is tens of µs late, occasionally a few ms), not a generator that cannot keep up.
     */
    static final double DEBT_GRACE_SECONDS = 0.002;

    private Warnings() {
    }

    static List<String> of(Scenario scenario, List<ForkResult> forks) {
        List<String> out = new ArrayList<>();
        for (int f = 0; f < forks.size(); f++) {
            ForkResult fork = forks.get(f);
            String where = forks.size() > 1 ? "fork " + (f + 1) + ": " : "";
            if (!fork.drain().complete()) {
                out.add(where + "drain incomplete: received " + fork.drain().received() + " of "
                        + fork.drain().expected() + " expected messages, " + fork.drain().inFlight()
                        + " sends unacknowledged; missing messages are lost");
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
