package io.msgbench.metrics;

/**
 * How far a healthy run's figures stray from the schedule on a shared machine, one place for the
 * search's verdicts and the self-diagnosis warnings.
 *
 * <p>{@link #STALL_SECONDS}: parkNanos wakes tens of µs late, and young GC pauses of the load
 * generator's JVM were measured at up to 40 ms at 10k msg/s here; such stalls are not hidden (they are
 * in publishDelayLatency and the corrected latencies) but are not a generator that cannot keep up.
 * {@link #CONSUME_SHORTFALL}: consumers may trail the publish rate by this fraction before a growing
 * backlog counts as consumers behind.
 */
public final class HealthyRunAllowance {
    public static final double STALL_SECONDS = 0.050;
    /**
     * Sends outstanding and none acknowledged for this long is a stall of the broker or the network, not load: a
     * saturated broker still completes sends all the time, and its GC pauses at msgbench's heaps stay well under it.
     */
    public static final double BROKER_STALL_SECONDS = 1.0;
    public static final double CONSUME_SHORTFALL = 0.01;
    /**
     * Share of one core a client process outside the worker (an agent: one interpreter, one GIL) may use before
     * it is reported as the bottleneck.
     */
    public static final double CLIENT_PROCESS_BUSY = 0.9;
    /**
     * Share of an iteration a worker JVM may spend in garbage collection (as its collectors report it, on average
     * over the workers) before its heap is reported as the bottleneck: JMH users read above 5 % as GC-bound.
     */
    public static final double GC_SHARE = 0.05;
    /** Busy share of a host's CPUs above which the machine, not the broker alone, limits the figures (USE method). */
    public static final double HOST_CPU_BUSY = 0.90;
    /** Share of its host's CPUs the load generator may use before it is named the bottleneck (k6: keep 20 % idle). */
    public static final double LOAD_GENERATOR_CPU = 0.80;
    /** Share of CPU time a hypervisor may take from the host (steal) before the figures are called noisy. */
    public static final double STEAL_SHARE = 0.05;
    /** Share of scheduler periods a cgroup may be throttled in before its CPU quota is named the bottleneck. */
    public static final double THROTTLED_SHARE = 0.01;
    /** Idle share of a broker's request handlers or network threads below which they are saturated (Red Hat, Zabbix). */
    public static final double BROKER_IDLE = 0.30;
    /** Share of its time a producer may wait for buffer memory before the generator is said to outpace the broker. */
    public static final double BUFFER_POOL_WAIT = 0.001;
    /**
     * Share of its schedule a stretch of load must send for the rate to count as reachable: below it the
     * debt grew by more than a tenth of the schedule, which no stall of a healthy run explains (an unreachable
     * fixed rate, a search trial in overload).
     */
    public static final double REACHED_SHARE = 0.9;

    private HealthyRunAllowance() {
    }

    /** Messages due and unsent at one moment that a healthy generator at {@code rate} may show. */
    public static long debt(double rate) {
        return 1 + (long) (rate * STALL_SECONDS);
    }

    /** Growth of the backlog over {@code seconds} at {@code rate} that healthy consumers may show. */
    public static long backlogGrowth(double rate, double seconds) {
        return 1 + (long) (rate * (STALL_SECONDS + CONSUME_SHORTFALL * seconds));
    }

    /**
     * Publish delay (send − intended) above which the generator is behind, ns: at the 99th percentile for
     * the warnings, at the 99.9th for the rate search's trials (a rate called sustainable must hold with
     * headroom: stalls of a tenth of a second every few seconds fail it).
     */
    public static long publishDelayLimitNanos() {
        return (long) (STALL_SECONDS * 1e9);
    }
}
