package io.msgbench.report;

import io.msgbench.worker.Worker.DrainResult;
import io.msgbench.worker.Worker.WorkerInfo;
import java.util.List;

/**
 * One fork (one worker lifetime) of a scenario: its iterations and how its drain ended.
 *
 * @param search  the maximum-rate search that chose the measured rate, or null for a fixed rate
 * @param backlog the backlog test, or null when the workload has none
 */
public record ForkResult(WorkerInfo worker, List<IterationResult> warmup, List<IterationResult> measurement,
                         DrainResult drain, long probeNanos, RateSearchResult search,
                         BacklogResult backlog) {
    public ForkResult {
        warmup = List.copyOf(warmup);
        measurement = List.copyOf(measurement);
    }
}
