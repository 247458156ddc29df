package io.msgbench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ThreadRecordersTest {
    @Test
    void everyThreadsValuesAreInTheTotalAndOnlyAFewThreadsGetARecorderOfTheirOwn() throws InterruptedException {
        ThreadRecorders recorders = new ThreadRecorders(3);
        int threads = ThreadRecorders.OWN + 30;
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long value = (t + 1) * 1_000L;
            started.add(new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    recorders.record(value);
                }
            }));
        }
        started.forEach(Thread::start);
        for (Thread t : started) {
            t.join();
        }
        Histogram total = new Histogram(3);
        recorders.addNewInto(total, new Histogram(3));
        assertThat(total.getTotalCount()).isEqualTo(threads * 1_000L);
        assertThat(total.getMinValue()).isBetween(999L, 1_000L);
        assertThat(total.getMaxValue()).isBetween(threads * 1_000L, threads * 1_001L);
        assertThat(recorders.recorders()).isEqualTo(ThreadRecorders.OWN + 1);

        // the next read adds only what is new
        recorders.record(7);
        recorders.addNewInto(total, new Histogram(3));
        assertThat(total.getTotalCount()).isEqualTo(threads * 1_000L + 1);
    }

    @Test
    void oneThreadOneRecorder() {
        ThreadRecorders recorders = new ThreadRecorders(3);
        recorders.record(5);
        recorders.record(6);
        assertThat(recorders.recorders()).isEqualTo(1);
    }
}
