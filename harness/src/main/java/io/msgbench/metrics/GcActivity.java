package io.msgbench.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a JVM's memory management did (JMH's {@code -prof gc}): bytes allocated on its heap by all its threads, ended
 * ones included, and its collections, count and time as its collectors report them. Read from the JVM's management
 * beans at phase boundaries, off the load threads.
 *
 * @param allocatedBytes  bytes allocated
 * @param collections     collections (young and old, every collector)
 * @param collectionNanos time the collectors report for them
 */
public record GcActivity(long allocatedBytes, long collections, long collectionNanos) {
    public static final GcActivity NONE = new GcActivity(0, 0, 0);

    /** This JVM's activity since it started; allocation 0 where the JVM cannot say. */
    public static GcActivity sinceStart() {
        long allocated = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()
                ? t.getTotalThreadAllocatedBytes() : 0;
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new GcActivity(Math.max(0, allocated), count, millis * 1_000_000L);
    }

    /** What happened from {@code earlier} to this reading. */
    public GcActivity since(GcActivity earlier) {
        return new GcActivity(allocatedBytes - earlier.allocatedBytes, collections - earlier.collections,
                collectionNanos - earlier.collectionNanos);
    }

    /** Two JVMs' (or phases') activity together. */
    public GcActivity plus(GcActivity other) {
        return new GcActivity(allocatedBytes + other.allocatedBytes, collections + other.collections,
                collectionNanos + other.collectionNanos);
    }
}
