package io.msgbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Test vectors of stamp layout version 1: every driver that stamps payloads must reproduce these bytes. */
class PayloadStampTest {
    @Test
    void vector1() {
        byte[] payload = new byte[40];
        PayloadStamp.write(payload, 3, 7, 42L, 1_700_000_000_123_456_789L, 1_700_000_000_123_556_789L);
        assertThat(HexFormat.of().formatHex(payload, 0, 32)).isEqualTo(
                "4d01" + "0003" + "00000007" + "000000000000002a" + "17979cfe3d85cd15" + "17979cfe3d8753b5");
        assertThat(payload[32]).isZero(); // bytes after the stamp are left alone
        assertThat(PayloadStamp.isStamped(payload)).isTrue();
        assertThat(PayloadStamp.phase(payload)).isEqualTo(3);
        assertThat(PayloadStamp.producerId(payload)).isEqualTo(7);
        assertThat(PayloadStamp.sequence(payload)).isEqualTo(42L);
        assertThat(PayloadStamp.intendedEpochNanos(payload)).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(PayloadStamp.sendEpochNanos(payload)).isEqualTo(1_700_000_000_123_556_789L);
    }

    @Test
    void vector2ExtremeValues() {
        byte[] payload = new byte[32];
        PayloadStamp.write(payload, PayloadStamp.MAX_PHASE, -1, Long.MAX_VALUE, 0, -1);
        assertThat(HexFormat.of().formatHex(payload)).isEqualTo(
                "4d01" + "ffff" + "ffffffff" + "7fffffffffffffff" + "0000000000000000" + "ffffffffffffffff");
        assertThat(PayloadStamp.phase(payload)).isEqualTo(65535);
        assertThat(PayloadStamp.producerId(payload)).isEqualTo(-1);
    }

    @Test
    void foreignOrShortPayloadsAreNotStamped() {
        assertThat(PayloadStamp.isStamped(new byte[32])).isFalse();
        assertThat(PayloadStamp.isStamped(new byte[10])).isFalse();
        assertThat(PayloadStamp.isStamped(null)).isFalse();
    }
}
