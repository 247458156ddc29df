package io.msgbench.runner;

import io.msgbench.scenario.ForkJvmArgs;
import java.util.concurrent.TimeUnit;

/**
 * How a run is carried out, beyond what each scenario says: forks' JVM arguments from the command line
 * (over each benchmark's {@code @Fork}), failure policy, sender
 * threads, the latency unit of result files ({@code -tu}), the report periods ({@code --report-interval}), the
 * profilers ({@code -prof}) and the result marks that fail the run ({@code --fail-on}).
 */
record RunSettings(ForkJvmArgs forkJvmArgs, boolean failOnError, int senderThreads, TimeUnit latencyUnit,
                   Verbosity verbosity, java.time.Duration reportInterval,
                   java.util.Set<io.msgbench.report.ResultFormat> resultFormats, java.util.List<io.msgbench.worker.http.WorkerEndpoint> workers,
                   String workerToken, Profilers profilers, java.util.Set<io.msgbench.report.ResultMark> failOn) {
    RunSettings {
        resultFormats = java.util.Set.copyOf(resultFormats);
        failOn = java.util.Set.copyOf(failOn);
        workers = java.util.List.copyOf(workers);
        if (reportInterval.isNegative() || reportInterval.isZero()) {
            throw new UserError("--report-interval must be positive, was " + TimeValues.format(reportInterval));
        }
    }
}
