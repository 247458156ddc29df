package io.msgbench.runner;

import io.msgbench.scenario.WorkloadSpec;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap of a fork when its JVM arguments set none: sized for the work, not the JVM's default of a quarter
 * of the machine's memory (6 GiB here, with a 384 MiB initial heap that a fork at a modest rate never needed
 * but kept resident). A base for the harness and the client libraries, and per producer its client's buffered
 * messages (a second of its rate, at most a Kafka producer's 32 MiB buffer.memory, which an unreachable
 * rate fills) and payload pool, per consumer its fetch buffers. A user's {@code -Xmx} (or any heap-size
 * option) always wins.
 */
final class ForkHeap {
    static final long MIB = 1 << 20;
    static final long BASE = 128 * MIB;
    static final long PRODUCER_BUFFER_MAX = 32 * MIB;
    static final long PRODUCER = MIB;
    static final long CONSUMER = MIB;
    static final double BUFFERED_SECONDS = 1;
    static final long INITIAL = 64 * MIB;

    private ForkHeap() {
    }

    /** {@code jvmArgs} with {@code -Xms/-Xmx} for {@code w} added in front, unless they size the heap already. */
    static List<String> sized(List<String> jvmArgs, WorkloadSpec w) {
        if (jvmArgs.stream().anyMatch(ForkHeap::setsHeap)) {
            return jvmArgs;
        }
        long max = maxHeapBytes(w, physicalMemory());
        List<String> args = new ArrayList<>();
        args.add("-Xms" + Math.min(INITIAL, max) / MIB + "m");
        args.add("-Xmx" + max / MIB + "m");
        args.addAll(jvmArgs);
        return args;
    }

    /** The heap for {@code w}, at most a quarter of {@code physicalMemory} (the JVM's own default cap). */
    static long maxHeapBytes(WorkloadSpec w, long physicalMemory) {
        int producers = w.producers();
        double perProducerRate = w.isMaxRate() ? Double.POSITIVE_INFINITY : w.producerRate() / Math.max(1, producers);
        long buffered = (long) Math.min(PRODUCER_BUFFER_MAX, BUFFERED_SECONDS * perProducerRate * w.messageSize());
        long pools = w.useRandomizedPayloads() ? (long) w.randomizedPayloadPoolSize() * w.messageSize() : 0;
        long heap = BASE + producers * (PRODUCER + buffered + pools) + (long) w.consumers() * CONSUMER;
        long cap = physicalMemory > 0 ? physicalMemory / 4 : Long.MAX_VALUE;
        return Math.max(BASE, Math.min(heap, cap)) / MIB * MIB;
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
