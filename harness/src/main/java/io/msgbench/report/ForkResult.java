package io.msgbench.report;

import io.msgbench.metrics.ClockOffset;
import io.msgbench.worker.Worker.DrainResult;
import io.msgbench.worker.Worker.WorkerInfo;
import java.util.List;

/**
 * One fork (one worker lifetime) of a scenario: its iterations and how its drain ended.
 *
 * @param search  the maximum-rate search that chose the measured rate, or null for a fixed rate
 * @param backlog the backlog test, or null when the workload has none
 * @param clockOffsets per worker (one, or a group's in their order), its clock against the coordinator's, before the
 *                     load and after each iteration
 * @param coordinatorCost what the coordinator spent on this fork
 */
public record ForkResult(WorkerInfo worker, List<IterationResult> warmup, List<IterationResult> measurement,
                         DrainResult drain, long probeNanos, RateSearchResult search,
                         BacklogResult backlog, List<List<ClockOffset>> clockOffsets, CoordinatorCost coordinatorCost) {
    public ForkResult {
        warmup = List.copyOf(warmup);
        measurement = List.copyOf(measurement);
        clockOffsets = clockOffsets.stream().<List<ClockOffset>>map(List::copyOf).toList();
        java.util.Objects.requireNonNull(coordinatorCost, "coordinatorCost");
    }

    /** A fork whose coordinator cost was not measured. */
    public ForkResult(WorkerInfo worker, List<IterationResult> warmup, List<IterationResult> measurement,
                      DrainResult drain, long probeNanos, RateSearchResult search, BacklogResult backlog,
                      List<List<ClockOffset>> clockOffsets) {
        this(worker, warmup, measurement, drain, probeNanos, search, backlog, clockOffsets, CoordinatorCost.NONE);
    }
}
