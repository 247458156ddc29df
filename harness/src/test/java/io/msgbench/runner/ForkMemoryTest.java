package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.scenario.WorkloadSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkMemoryTest {
    private static final long MIB = ForkMemory.MIB;
    private static final long MACHINE = 24L << 30;
    private static final String MARK = "-XX:MarkStackSize=" + ForkMemory.MARK_STACK;

    @Test
    void oneProducerAndOneConsumerGetTheBaseAndTheirBuffers() {
        WorkloadSpec w = new WorkloadSpec(1, 16, 1024, 1, 1, 1, 100_000);
        assertThat(ForkMemory.maxHeapBytes(w, 4, MACHINE)).isEqualTo((96 + 1 + 32 + 8 + 4 * 3) * MIB);
        // a low rate does not shrink the producer's buffer: large batches are allocated whole
        WorkloadSpec slow = new WorkloadSpec(1, 1, 100, 1, 1, 1, 1_000);
        assertThat(ForkMemory.maxHeapBytes(slow, 4, MACHINE)).isEqualTo((96 + 1 + 32 + 8 + 4 * 3) * MIB);
    }

    @Test
    void manyClientsAtAShareOfTheRateEach() {
        // OMB's 100 topics: 100 producers at 1,500 msg/s of 1 KiB, 300 consumers; 674 MiB (a second of the
        // rate per producer) ran out of heap with OMB's 1 MiB batches
        WorkloadSpec w = new WorkloadSpec(100, 1, 1024, 1, 3, 1, 150_000);
        assertThat(ForkMemory.maxHeapBytes(w, 4, MACHINE) / MIB).isEqualTo(96 + 100 * 33 + 300 * 8 + 4 * 3);
    }

    @Test
    void aUsersHeapOptionWins() {
        WorkloadSpec w = new WorkloadSpec(1, 1, 1024, 1, 1, 1, 1_000);
        assertThat(ForkMemory.sized(List.of("-Xmx2g", "-Dx=y"), w, 4))
                .containsExactly(ForkMemory.EXIT_ON_OOM, MARK, "-Xmx2g", "-Dx=y");
        assertThat(ForkMemory.sized(List.of("-XX:MaxRAMPercentage=50"), w, 4))
                .containsExactly(ForkMemory.EXIT_ON_OOM, MARK, "-XX:MaxRAMPercentage=50");
        assertThat(ForkMemory.sized(List.of("-Dx=y"), w, 4))
                .containsExactly("-Xms64m", "-Xmx149m", ForkMemory.EXIT_ON_OOM, MARK, "-Dx=y");
    }

    @Test
    void aUsersChoiceOnOutOfMemoryWins() {
        WorkloadSpec w = new WorkloadSpec(1, 1, 1024, 1, 1, 1, 1_000);
        assertThat(ForkMemory.sized(List.of("-XX:-ExitOnOutOfMemoryError"), w, 4))
                .containsExactly("-Xms64m", "-Xmx149m", MARK, "-XX:-ExitOnOutOfMemoryError");
        assertThat(ForkMemory.sized(List.of("-XX:OnOutOfMemoryError=kill -3 %p"), w, 4))
                .containsExactly("-Xms64m", "-Xmx149m", MARK, "-XX:OnOutOfMemoryError=kill -3 %p");
        assertThat(ForkMemory.sized(List.of("-XX:+HeapDumpOnOutOfMemoryError"), w, 4)) // dumps, then exits
                .containsExactly("-Xms64m", "-Xmx149m", ForkMemory.EXIT_ON_OOM, MARK,
                        "-XX:+HeapDumpOnOutOfMemoryError");
        assertThat(ForkMemory.sized(List.of("-Xmx1g", "-XX:MarkStackSize=4m"), w, 4))
                .containsExactly(ForkMemory.EXIT_ON_OOM, "-Xmx1g", "-XX:MarkStackSize=4m");
    }

    @Test
    void aSearchsSixtyPhasesOfHistogramsCount() {
        WorkloadSpec search = new WorkloadSpec(1, 16, 1024, 1, 1, 1, 0);
        assertThat(ForkMemory.maxHeapBytes(search, 62, MACHINE)).isEqualTo((96 + 1 + 32 + 8 + 62 * 3) * MIB);
    }

    @Test
    void neverMoreThanTheJvmsOwnDefault() {
        WorkloadSpec unreachable = new WorkloadSpec(100, 1, 65536, 1, 0, 0, 10_000_000);
        assertThat(ForkMemory.maxHeapBytes(unreachable, 4, 8L << 30)).isEqualTo(2048 * MIB);
    }
}
