package io.msgbench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BacklogRoomTest {
    @Test
    void theBoundIsRaisedUnlessTheUserSetOne() {
        assertThat(BacklogRoom.atLeast(Map.of("a", "1"), "retention.bytes", 5)).containsExactly(
                Map.entry("a", "1"), Map.entry("retention.bytes", "5"));
        assertThat(BacklogRoom.atLeast(Map.of("retention.bytes", "7"), "retention.bytes", 5))
                .containsExactly(Map.entry("retention.bytes", "7"));
        assertThat(BacklogRoom.atLeast(Map.of("maxBytes", "-1"), "maxBytesPerPartition", 5, "maxBytes"))
                .containsExactly(Map.entry("maxBytes", "-1"));
    }
}
