package io.msgbench.metrics;

/**
 * The CPU the load generator used during a phase: the worker JVM's (its sender, I/O and poll threads, or the
 * bookkeeping of clients that run elsewhere), and that of the client processes outside it (agents running
 * Python clients), all of them and the busiest one (one interpreter is one GIL: near a whole core, it is the
 * bottleneck).
 */
public record ProcessCpu(long workerNanos, long clientProcessesNanos, long busiestClientProcessNanos) {
    public static final ProcessCpu NONE = new ProcessCpu(0, 0, 0);

    /** CPU time this JVM has used so far, all threads (0 where the JVM cannot say). */
    public static long thisProcessNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Both phases' CPU: sums, and the busier of the two busiest. */
    public ProcessCpu plus(ProcessCpu other) {
        return new ProcessCpu(workerNanos + other.workerNanos, clientProcessesNanos + other.clientProcessesNanos,
                Math.max(busiestClientProcessNanos, other.busiestClientProcessNanos));
    }
}
