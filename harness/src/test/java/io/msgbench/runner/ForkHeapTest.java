package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.scenario.WorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkHeapTest {
    private static final long MIB = ForkHeap.MIB;
    private static final long MACHINE = 24L << 30;

    @Test
    void oneProducerAtAModestRateGetsTheBase() {
        // 100,000 msg/s of 1 KiB: a second buffered = 98 MiB, capped at 32 MiB of buffer.memory
        WorkloadSpec w = new WorkloadSpec(1, 16, 1024, 1, 1, 1, 100_000);
        assertThat(ForkHeap.maxHeapBytes(w, MACHINE)).isEqualTo((128 + 1 + 32 + 1) * MIB);
        WorkloadSpec slow = new WorkloadSpec(1, 1, 100, 1, 1, 1, 1_000); // 0.1 MiB buffered
        assertThat(ForkHeap.maxHeapBytes(slow, MACHINE)).isEqualTo((128 + 1 + 0 + 1) * MIB);
    }

    @Test
    void manyClientsAtAShareOfTheRateEach() {
        // OMB's 100 topics: 100 producers at 1,500 msg/s of 1 KiB (1.46 MiB buffered each), 300 consumers
        WorkloadSpec w = new WorkloadSpec(100, 1, 1024, 1, 3, 1, 150_000);
        assertThat(ForkHeap.maxHeapBytes(w, MACHINE) / MIB).isEqualTo(128 + 100 + 146 + 300);
    }

    @Test
    void aUsersHeapOptionWins() {
        WorkloadSpec w = new WorkloadSpec(1, 1, 1024, 1, 1, 1, 1_000);
        assertThat(ForkHeap.sized(List.of("-Xmx2g", "-Dx=y"), w)).containsExactly("-Xmx2g", "-Dx=y");
        assertThat(ForkHeap.sized(List.of("-XX:MaxRAMPercentage=50"), w)).containsExactly("-XX:MaxRAMPercentage=50");
        assertThat(ForkHeap.sized(List.of("-Dx=y"), w)).containsExactly("-Xms64m", "-Xmx130m", "-Dx=y");
    }

    @Test
    void neverMoreThanTheJvmsOwnDefault() {
        WorkloadSpec unreachable = new WorkloadSpec(100, 1, 65536, 1, 0, 0, 10_000_000);
        assertThat(ForkHeap.maxHeapBytes(unreachable, 8L << 30)).isEqualTo(2048 * MIB);
    }
}
