package io.msgbench.profile;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import jdk.jfr.consumer.RecordingStream;

/**
 * Every stop-the-world GC pause of this JVM, from JFR's {@code jdk.GCPhasePause} events: on JDK 17 the collectors'
 * beans miss G1's Remark and Cleanup pauses, JFR does not, for no measurable cost with G1. Not started under ZGC
 * (a recording stream costs 20–35 % there on 2 cores; its beans report its pauses). JFR delivers events about a second
 * late: a pause counts in the window in which it was delivered.
 */
public final class GcPauses implements AutoCloseable {
    private final RecordingStream stream;
    private final LongAdder nanos = new LongAdder();
    private final LongAdder count = new LongAdder();

    private GcPauses(RecordingStream stream) {
        this.stream = stream;
    }

    /** Starts recording this JVM's pauses; null under ZGC or where JFR is not available. */
    public static GcPauses start() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().startsWith("ZGC") || gc.getName().startsWith("Shenandoah")) {
                return null;
            }
        }
        try {
            RecordingStream stream = new RecordingStream();
            GcPauses pauses = new GcPauses(stream);
            stream.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
            stream.onEvent("jdk.GCPhasePause", e -> {
                pauses.nanos.add(e.getDuration().toNanos());
                pauses.count.increment();
            });
            stream.startAsync();
            return pauses;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Nanoseconds of pauses delivered so far. */
    public long nanos() {
        return nanos.sum();
    }

    /** Pauses delivered so far. */
    public long count() {
        return count.sum();
    }

    @Override
    public void close() {
        stream.close();
    }
}
