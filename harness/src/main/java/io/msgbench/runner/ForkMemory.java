package io.msgbench.runner;

import io.msgbench.scenario.WorkloadSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory options of a fork. Its heap, when its JVM arguments set none: sized for the work, not the JVM's
 * default of a quarter of the machine's memory (6 GiB here, with a 384 MiB initial heap that a fork at a
 * modest rate never needed but kept resident). A base for the harness and the client libraries, per producer
 * its client's buffer and payload pool, per consumer its fetch buffers, per phase its latency histograms.
 * A producer's buffer is counted whole whatever the rate (a Kafka producer's 32 MiB buffer.memory): an
 * unreachable rate fills it, and so do large batches at a low rate, since a batch's buffer is allocated whole
 * (OMB's throughput file asks for 1 MiB batches; its 100-topic workload at 1,500 msg/s per producer ran out of
 * a heap that counted a second of the rate). This is a maximum: G1 commits only what the work uses. A user's
 * {@code -Xmx} (or any heap-size option) always wins.
 *
 * <p>A fork also exits on its first {@link OutOfMemoryError} (unless the user chose what happens then):
 * a JVM whose threads die one by one of it hangs the run instead of failing it. And G1's concurrent mark
 * stack starts at {@value #MARK_STACK} instead of 32 MiB (it grows when marking needs more): a fork's live
 * heap is tens of MiB (32 MiB at 100,000 msg/s of 1 KiB), and the default stack was a tenth of its RSS.
 */
final class ForkMemory {
    static final long MIB = 1 << 20;
    static final long BASE = 96 * MIB;
    static final long PRODUCER_BUFFER = 32 * MIB;
    static final long PRODUCER = MIB;
    static final long CONSUMER = 8 * MIB;
    /**
     * Latency histograms of one phase: per metric a recorder (two histograms) per recording thread and the
     * accumulated histogram, ~200 KiB each at a range of seconds; a search has 60 phases.
     */
    static final long PHASE = 3 * MIB;
    static final long INITIAL = 64 * MIB;
    static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    static final String MARK_STACK = "256k";

    private ForkMemory() {
    }

    /**
     * {@code jvmArgs} with {@code -Xms/-Xmx} for {@code w} added in front, unless they size the heap already,
     * with {@value #EXIT_ON_OOM} unless they say what an OutOfMemoryError does, and with the mark stack's
     * initial size unless they set it.
     */
    static List<String> sized(List<String> jvmArgs, WorkloadSpec w, int phases) {
        List<String> args = new ArrayList<>();
        if (jvmArgs.stream().noneMatch(ForkMemory::setsHeap)) {
            long max = maxHeapBytes(w, phases, physicalMemory());
            args.add("-Xms" + Math.min(INITIAL, max) / MIB + "m");
            args.add("-Xmx" + max / MIB + "m");
        }
        if (jvmArgs.stream().noneMatch(ForkMemory::decidesOnOutOfMemory)) {
            args.add(EXIT_ON_OOM);
        }
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:MarkStackSize"))) {
            args.add("-XX:MarkStackSize=" + MARK_STACK);
        }
        args.addAll(jvmArgs);
        return args;
    }

    /** The heap for {@code w}, at most a quarter of {@code physicalMemory} (the JVM's own default cap). */
    static long maxHeapBytes(WorkloadSpec w, int phases, long physicalMemory) {
        long pools = w.useRandomizedPayloads() ? (long) w.randomizedPayloadPoolSize() * w.messageSize() : 0;
        long heap = BASE + w.producers() * (PRODUCER + PRODUCER_BUFFER + pools) + (long) w.consumers() * CONSUMER
                + phases * PHASE;
        long cap = physicalMemory > 0 ? physicalMemory / 4 : Long.MAX_VALUE;
        return Math.max(BASE, Math.min(heap, cap)) / MIB * MIB;
    }

    private static boolean decidesOnOutOfMemory(String arg) {
        return arg.matches("-XX:[+-]?(Exit|Crash)OnOutOfMemoryError|-XX:OnOutOfMemoryError=.*");
    }

    private static boolean setsHeap(String arg) {
        return arg.startsWith("-Xmx") || arg.startsWith("-XX:MaxHeapSize") || arg.startsWith("-XX:MaxRAM")
                || arg.startsWith("-XX:InitialRAMPercentage") || arg.startsWith("-XX:MinRAMPercentage");
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
