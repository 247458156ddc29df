package io.msgbench.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.metrics.PhaseSnapshot;
import io.msgbench.worker.Worker;
import io.msgbench.worker.Worker.DrainResult;
import java.time.Duration;

/**
 * The end of a known-faults test, for any system: messages taken off the broker before a consumer read them and one
 * stamped message published twice, in phase 1 of {@code worker}. Stops the load, drains, and checks that exactly
 * those are counted, in the drain and in the phase's statistics, and nothing else.
 */
public final class KnownFaults {
    private KnownFaults() {
    }

    public static void assertCountedExactly(Worker worker, String client, long lost, long duplicated) throws Exception {
        worker.resumeConsumers();
        Thread.sleep(1_000);
        worker.stopLoad(Duration.ofSeconds(30));
        DrainResult drain = worker.drain(Duration.ofSeconds(5));
        System.out.printf("%s faults: %s%n", client, drain);
        assertThat(drain.lost()).as(drain.toString()).isEqualTo(lost);
        assertThat(drain.duplicated()).isEqualTo(duplicated);
        assertThat(drain.outOfOrder()).isZero();
        assertThat(drain.unrecognised()).isZero();
        assertThat(drain.inFlight()).isZero();
        assertThat(drain.received()).isEqualTo(drain.expected() - lost);
        PhaseSnapshot s = worker.phaseStats(1).snapshot();
        assertThat(s.messagesLost()).isEqualTo(lost);
        assertThat(s.messagesDuplicated()).isEqualTo(duplicated);
    }
}
