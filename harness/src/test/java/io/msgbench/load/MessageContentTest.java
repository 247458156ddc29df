package io.msgbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.msgbench.api.KeyDistributor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageContentTest {
    @Test
    void noKeyIsNull() {
        assertThat(KeyDistribution.none().next()).isNull();
    }

    @Test
    void roundRobinCyclesOverTenThousandSevenCharacterKeys() {
        KeyDistribution keys = KeyDistribution.of(KeyDistributor.KEY_ROUND_ROBIN, 7);
        Set<String> distinct = new HashSet<>();
        byte[] first = keys.next();
        distinct.add(new String(first));
        for (int i = 1; i < KeyDistribution.KEYS; i++) {
            byte[] k = keys.next();
            assertThat(k).hasSize(7);
            distinct.add(new String(k));
        }
        assertThat(distinct).hasSizeGreaterThan(9_990); // random keys: a collision is possible, not likely
        assertThat(keys.next()).isSameAs(first); // the cycle starts again
        // the same seed gives the same keys
        assertThat(KeyDistribution.of(KeyDistributor.KEY_ROUND_ROBIN, 7).next()).isEqualTo(first);
    }

    @Test
    void randomNanoPicksAmongTheSameKeys() {
        KeyDistribution keys = KeyDistribution.of(KeyDistributor.RANDOM_NANO, 1);
        for (int i = 0; i < 1000; i++) {
            assertThat(keys.next()).hasSize(7);
        }
    }

    @Test
    void randomizedPoolHasRandomHeadsAndZeroTails() {
        PayloadPool pool = PayloadPool.randomized(1000, 0.25, 50, 3);
        assertThat(pool.size()).isEqualTo(50);
        assertThat(pool.messageSize()).isEqualTo(1000);
        Set<byte[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < 2000; i++) {
            byte[] p = pool.next();
            seen.add(p);
            for (int b = 250; b < 1000; b++) {
                assertThat(p[b]).isZero();
            }
        }
        assertThat(seen).hasSize(50); // every payload gets picked
        byte[] any = seen.iterator().next();
        int nonZero = 0;
        for (int b = 0; b < 250; b++) {
            nonZero += any[b] != 0 ? 1 : 0;
        }
        assertThat(nonZero).isGreaterThan(200);
        assertThatThrownBy(() -> PayloadPool.randomized(100, 0.5, 0, 1)).hasMessageContaining("at least one payload");
    }

    @Test
    void singlePayloadIsRandomThroughout() {
        PayloadPool pool = PayloadPool.single(512, 9);
        assertThat(pool.next()).isSameAs(pool.next());
        int nonZero = 0;
        for (byte b : pool.next()) {
            nonZero += b != 0 ? 1 : 0;
        }
        assertThat(nonZero).isGreaterThan(480);
    }
}
