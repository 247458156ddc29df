package io.msgbench.metrics;

import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One latency histogram written by many threads with little sharing: the first {@link #OWN} threads to record
 * get a {@link SingleWriterRecorder} each, any further thread shares one multi-writer {@link Recorder}, and the
 * reader adds them all up.
 *
 * <p>Why a recorder per thread: a single shared {@code Recorder} would make every value of every thread pass
 * through the same phaser counters and atomic bucket counts, one cache line bounced between all cores; a
 * thread's own recorder costs a thread-local lookup, two uncontended phaser increments and a plain bucket
 * increment. Why only a few: every recorder is two histograms (~150–200 KiB each at a latency range of
 * seconds) per metric and per phase, and a workload of 100 topics has 100 producer I/O threads and 300
 * consumer threads: one recorder each held 357 MB of a fork's heap there. Twice the cores is as many threads
 * as can record at the same moment; the rest rarely meet on the shared recorder.
 *
 * <p>Allocation happens when a thread records its first value and when a recorder meets a value beyond its
 * range so far (HdrHistogram's auto-resize: a bounded number of times, as the range doubles), never per value.
 */
final class ThreadRecorders {
    /** Threads with a recorder of their own: twice the cores, between 2 and 64. */
    static final int OWN = Math.max(2, Math.min(64, 2 * Runtime.getRuntime().availableProcessors()));

    private final int significantDigits;
    /** The calling thread's recorder: a {@link SingleWriterRecorder} of its own or the shared {@link Recorder}. */
    private final ThreadLocal<Object> own = new ThreadLocal<>();
    private final CopyOnWriteArrayList<SingleWriterRecorder> owned = new CopyOnWriteArrayList<>();
    private volatile Recorder shared;

    ThreadRecorders(int significantDigits) {
        this.significantDigits = significantDigits;
    }

    /** Records {@code value} (≥ 0) into the calling thread's recorder. */
    void record(long value) {
        Object r = own.get();
        if (r == null) {
            r = register();
        }
        if (r instanceof SingleWriterRecorder single) {
            single.recordValue(value);
        } else {
            ((Recorder) r).recordValue(value);
        }
    }

    private synchronized Object register() {
        Object r;
        if (owned.size() < OWN) {
            SingleWriterRecorder single = new SingleWriterRecorder(significantDigits);
            owned.add(single);
            r = single;
        } else {
            if (shared == null) {
                shared = new Recorder(significantDigits);
            }
            r = shared;
        }
        own.set(r);
        return r;
    }

    /** Recorders in use: own ones plus the shared one once created. */
    int recorders() {
        return owned.size() + (shared == null ? 0 : 1);
    }

    /**
     * Adds to {@code total} everything recorded since the previous call; one reader at a time.
     *
     * @param scratch a histogram this method may overwrite
     */
    void addNewInto(Histogram total, Histogram scratch) {
        for (SingleWriterRecorder r : owned) {
            r.getIntervalHistogramInto(scratch);
            total.add(scratch);
        }
        Recorder s = shared;
        if (s != null) {
            s.getIntervalHistogramInto(scratch);
            total.add(scratch);
        }
    }
}
