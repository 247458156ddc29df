package io.msgbench.driver.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerMainTest {
    @Test
    void recognisesATakenPortAnywhereInTheCauseChain() {
        KafkaException kafka = new KafkaException("Socket server failed to bind to 127.0.0.1:9092: Address already in use.",
                new BindException("Address already in use"));
        assertThat(EmbeddedBrokerMain.isBindFailure(new RuntimeException("startup", kafka))).isTrue();
        assertThat(EmbeddedBrokerMain.isBindFailure(new IllegalStateException("formatting failed"))).isFalse();
    }

    @Test
    void failureLineNamesOuterAndRootCause() {
        RuntimeException e = new RuntimeException("startup failed", new IllegalStateException("disk\nfull"));
        assertThat(Messages.outerAndRootMessage(e)).isEqualTo("startup failed (disk full)");
        assertThat(Messages.outerAndRootMessage(new RuntimeException("only"))).isEqualTo("only");
    }
}
