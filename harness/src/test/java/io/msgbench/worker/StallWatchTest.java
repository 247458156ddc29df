package io.msgbench.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.load.LoadProducer;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.verification.ProducerSends;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stall watch on producers whose counters the test moves: sends outstanding and none acknowledged is a stall of the
 * current phase, however long it lasts; completions going on, or nothing outstanding, is none.
 */
class StallWatchTest {
    /** A producer whose issued and completed counts the test sets. */
    private static final class Counted implements LoadProducer {
        volatile long issued;
        volatile long completed;

        @Override
        public int producerId() {
            return 0;
        }

        @Override
        public String topic() {
            return "t";
        }

        @Override
        public long issued() {
            return issued;
        }

        @Override
        public long acknowledged() {
            return completed;
        }

        @Override
        public long inFlight() {
            return issued - completed;
        }

        @Override
        public double scheduledRate() {
            return 0;
        }

        @Override
        public long scheduleDebt(long epochNanos) {
            return 0;
        }

        @Override
        public long lastIntendedSent() {
            return 0;
        }

        @Override
        public long lastSendTime() {
            return 0;
        }

        @Override
        public ProducerSends sends() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void outstandingSendsWithoutCompletionsAreAStallOfTheCurrentPhase() throws Exception {
        Counted p = new Counted();
        PhaseLedger ledger = new PhaseLedger(2);
        try (StallWatch ignored = StallWatch.start(List.of(p), ledger)) {
            // phase 1: sends outstanding all the time, but acknowledged as they go
            for (int i = 0; i < 8; i++) {
                p.issued += 10;
                p.completed += 5;
                Thread.sleep(50);
            }
            // nothing outstanding: no stall however quiet
            p.completed = p.issued;
            Thread.sleep(400);
            ledger.advanceTo(2);
            // phase 2: five sends out, none acknowledged for 800 ms
            p.issued += 5;
            Thread.sleep(800);
            p.completed += 5;
            Thread.sleep(300);
        }
        assertThat(ledger.phase(1).snapshot().longestStallNanos()).isZero();
        long stall = ledger.phase(2).snapshot().longestStallNanos();
        // known to within a tick or two (the first tick sees the sends; a busy machine may wake it late)
        assertThat(stall).isBetween(800_000_000L - 3 * StallWatch.TICK_NANOS, 800_000_000L + 2 * StallWatch.TICK_NANOS);
    }
}
