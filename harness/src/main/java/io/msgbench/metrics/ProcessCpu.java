package io.msgbench.metrics;

/**
 * What the load generator cost during a phase: the worker JVM's CPU (its sender, I/O and poll threads, or the
 * bookkeeping of clients that run elsewhere), that of the client processes outside it (agents running Python
 * clients), all of them and the busiest one (one interpreter is one GIL: near a whole core, it is the bottleneck),
 * the worker JVM's allocation and collections ({@code -prof gc}), and the hosts and processes the load ran on
 * ({@code -prof os}).
 *
 * @param workerGc the worker JVM's heap allocation and collections, or {@code null} when not profiled
 * @param host     the load generator's hosts and processes, or {@code null} when not profiled
 * @param clients  the clients' own metrics ({@code -prof client}), added up over clients and workers, or {@code null}
 */
public record ProcessCpu(long workerNanos, long clientProcessesNanos, long busiestClientProcessNanos,
                         GcActivity workerGc, HostActivity host, Readings clients) {
    public static final ProcessCpu NONE = new ProcessCpu(0, 0, 0, null, null, null);

    public ProcessCpu(long workerNanos, long clientProcessesNanos, long busiestClientProcessNanos) {
        this(workerNanos, clientProcessesNanos, busiestClientProcessNanos, null, null, null);
    }

    public ProcessCpu(long workerNanos, long clientProcessesNanos, long busiestClientProcessNanos,
                      GcActivity workerGc) {
        this(workerNanos, clientProcessesNanos, busiestClientProcessNanos, workerGc, null, null);
    }

    public ProcessCpu(long workerNanos, long clientProcessesNanos, long busiestClientProcessNanos,
                      GcActivity workerGc, HostActivity host) {
        this(workerNanos, clientProcessesNanos, busiestClientProcessNanos, workerGc, host, null);
    }

    /** The same without the JVM's allocation and collections (the {@code gc} profiler is off). */
    public ProcessCpu withoutGc() {
        return new ProcessCpu(workerNanos, clientProcessesNanos, busiestClientProcessNanos, null, host, clients);
    }

    /**
     * What was used from {@code earlier} (in the same phase) to this reading, for a report period. The busiest client
     * process is the difference of the busiest ones, exact while the same process stays the busiest.
     */
    public ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(workerNanos - earlier.workerNanos, clientProcessesNanos - earlier.clientProcessesNanos,
                Math.max(0, busiestClientProcessNanos - earlier.busiestClientProcessNanos),
                workerGc == null ? null : workerGc.since(earlier.workerGc == null ? GcActivity.NONE : earlier.workerGc),
                host == null ? null : earlier.host == null ? host : host.since(earlier.host),
                clients == null ? null : earlier.clients == null ? clients : clients.since(earlier.clients));
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
        HostActivity hosts = host == null ? other.host : other.host == null ? host : host.plus(other.host);
        Readings metrics = clients == null ? other.clients : other.clients == null ? clients : clients.plus(other.clients);
        return new ProcessCpu(workerNanos + other.workerNanos, clientProcessesNanos + other.clientProcessesNanos,
                Math.max(busiestClientProcessNanos, other.busiestClientProcessNanos), gc, hosts, metrics);
    }
}
