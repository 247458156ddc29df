package io.msgbench.metrics;

/**
 * What the load generator cost during a phase: the worker JVM's CPU (its sender, I/O and poll threads, or the
 * bookkeeping of clients that run elsewhere), that of the client processes outside it (agents running Python
 * clients), all of them and the busiest one (one interpreter is one GIL: near a whole core, it is the bottleneck),
 * and the worker JVM's allocation and collections ({@code -prof gc}).
 *
 * @param workerGc the worker JVM's heap allocation and collections, or {@code null} when not profiled
 */
public record ProcessCpu(long workerNanos, long clientProcessesNanos, long busiestClientProcessNanos,
                         GcActivity workerGc) {
    public static final ProcessCpu NONE = new ProcessCpu(0, 0, 0, null);

    public ProcessCpu(long workerNanos, long clientProcessesNanos, long busiestClientProcessNanos) {
        this(workerNanos, clientProcessesNanos, busiestClientProcessNanos, null);
    }

    /** The same without the JVM's allocation and collections (the {@code gc} profiler is off). */
    public ProcessCpu withoutGc() {
        return new ProcessCpu(workerNanos, clientProcessesNanos, busiestClientProcessNanos, null);
    }

    /** CPU time this JVM has used so far, all threads (0 where the JVM cannot say). */
    public static long thisProcessNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** Both workers' (or phases') cost: sums, and the busier of the two busiest. */
    public ProcessCpu plus(ProcessCpu other) {
        GcActivity gc = workerGc == null ? other.workerGc
                : other.workerGc == null ? workerGc : workerGc.plus(other.workerGc);
        return new ProcessCpu(workerNanos + other.workerNanos, clientProcessesNanos + other.clientProcessesNanos,
                Math.max(busiestClientProcessNanos, other.busiestClientProcessNanos), gc);
    }
}
