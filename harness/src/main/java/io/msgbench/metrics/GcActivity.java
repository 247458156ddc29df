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
 * @param pauses          stop-the-world pauses JFR recorded (G1's Remark and Cleanup included), or -1 when not recorded
 * @param pauseNanos      their time, or -1 when not recorded
 */
public record GcActivity(long allocatedBytes, long collections, long collectionNanos, long pauses, long pauseNanos) {
    public static final GcActivity NONE = new GcActivity(0, 0, 0);

    public GcActivity(long allocatedBytes, long collections, long collectionNanos) {
        this(allocatedBytes, collections, collectionNanos, -1, -1);
    }

    /** Whether JFR recorded the pauses. */
    public boolean pausesRecorded() {
        return pauseNanos >= 0;
    }

    /** This JVM's activity since it started, with the pauses {@code recorded} (null: none); see {@link #sinceStart()}. */
    public static GcActivity sinceStart(io.msgbench.profile.GcPauses recorded) {
        GcActivity a = sinceStart();
        return recorded == null ? a
                : new GcActivity(a.allocatedBytes, a.collections, a.collectionNanos, recorded.count(), recorded.nanos());
    }

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
        boolean both = pausesRecorded() && earlier.pausesRecorded();
        return new GcActivity(allocatedBytes - earlier.allocatedBytes, collections - earlier.collections,
                collectionNanos - earlier.collectionNanos, both ? pauses - earlier.pauses : pausesRecorded() ? pauses : -1,
                both ? pauseNanos - earlier.pauseNanos : pausesRecorded() ? pauseNanos : -1);
    }

    /** Two JVMs' (or phases') activity together. */
    public GcActivity plus(GcActivity other) {
        boolean any = pausesRecorded() || other.pausesRecorded();
        return new GcActivity(allocatedBytes + other.allocatedBytes, collections + other.collections,
                collectionNanos + other.collectionNanos,
                any ? Math.max(0, pauses) + Math.max(0, other.pauses) : -1,
                any ? Math.max(0, pauseNanos) + Math.max(0, other.pauseNanos) : -1);
    }
}
