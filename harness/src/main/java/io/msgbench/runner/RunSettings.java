package io.msgbench.runner;

import io.msgbench.scenario.ForkJvmArgs;
import java.util.concurrent.TimeUnit;

/**
 * How a run is carried out, beyond what each scenario says: forks' JVM arguments from the command line
 * (over each benchmark's {@code @Fork}), failure policy, sender
 * threads and the latency unit of result files ({@code -tu}).
 */
record RunSettings(ForkJvmArgs forkJvmArgs, boolean failOnError, int senderThreads, TimeUnit latencyUnit,
                   Verbosity verbosity) {
}
