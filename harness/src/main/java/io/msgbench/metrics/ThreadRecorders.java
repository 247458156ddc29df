package io.msgbench.metrics;

import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One latency histogram written by many threads without sharing: each recording thread gets a
 * {@link SingleWriterRecorder} of its own on its first value, and the reader adds them all up. A shared
 * {@code Recorder} would make every thread's every value pass through the same WriterReaderPhaser counters
 * and atomic bucket counts (a hundred producers' I/O threads on one cache line); here a value costs a
 * thread-local lookup, two uncontended phaser increments and a plain bucket increment.
 *
 * <p>Allocation happens once per thread (its recorder) and when a thread's recorder meets a value beyond
 * its range so far (HdrHistogram's auto-resize: a bounded number of times, as the range doubles), never per
 * value. Recorders start small, so a phase's memory follows the threads and the range that actually
 * recorded into it.
 */
final class ThreadRecorders {
    private final int significantDigits;
    private final ThreadLocal<SingleWriterRecorder> own = new ThreadLocal<>();
    private final CopyOnWriteArrayList<SingleWriterRecorder> all = new CopyOnWriteArrayList<>();

    ThreadRecorders(int significantDigits) {
        this.significantDigits = significantDigits;
    }

    /** Records {@code value} (≥ 0) into the calling thread's recorder. */
    void record(long value) {
        SingleWriterRecorder r = own.get();
        if (r == null) {
            r = register();
        }
        r.recordValue(value);
    }

    private SingleWriterRecorder register() {
        SingleWriterRecorder r = new SingleWriterRecorder(significantDigits);
        all.add(r);
        own.set(r);
        return r;
    }

    /**
     * Adds to {@code total} everything recorded since the previous call; one reader at a time.
     *
     * @param scratch a histogram this method may overwrite
     */
    void addNewInto(Histogram total, Histogram scratch) {
        for (SingleWriterRecorder r : all) {
            r.getIntervalHistogramInto(scratch);
            total.add(scratch);
        }
    }
}
