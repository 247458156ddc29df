package io.msgbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.msgbench.driver.ProducerHandle;
import org.junit.jupiter.api.Test;

class InFlightCapacityTest {
    @Test
    void fourSecondsOfTheProducersRateAsAPowerOfTwo() {
        assertThat(InFlightCapacity.perProducer(10_000, 1, 100)).isEqualTo(65_536); // 40,000 -> 65,536
        assertThat(InFlightCapacity.perProducer(3_000, 1, 100)).isEqualTo(16_384); // 12,000
        assertThat(InFlightCapacity.perProducer(150_000, 100, 100)).isEqualTo(8_192); // 1,500/s each: 6,000
    }

    @Test
    void aSlowProducerStillGetsTheMinimum() {
        assertThat(InFlightCapacity.perProducer(10, 1, 100)).isEqualTo(4_096);
    }

    @Test
    void anUnknownOrUnreachableRateGetsTheLargestTableTheTotalAllows() {
        assertThat(InFlightCapacity.perProducer(0, 1, 100)).isEqualTo(ProducerHandle.MAX_IN_FLIGHT);
        assertThat(InFlightCapacity.perProducer(10_000_000, 4, 100)).isEqualTo(ProducerHandle.MAX_IN_FLIGHT);
        // a hundred producers share about a million slots
        assertThat(InFlightCapacity.perProducer(10_000_000, 100, 100)).isEqualTo(8_192);
        assertThat(InFlightCapacity.perProducer(0, 4_000, 100)).isEqualTo(256);
    }

    @Test
    void allProducersTogetherHoldAtMost256MiBInFlight() {
        // 1 KiB: one producer keeps the largest table (64 MiB), a hundred get 2,048 slots (2 MiB) each
        assertThat(InFlightCapacity.perProducer(0, 1, 1024)).isEqualTo(ProducerHandle.MAX_IN_FLIGHT);
        assertThat(InFlightCapacity.perProducer(150_000, 100, 1024)).isEqualTo(2_048);
        // 64 KiB: 4,096 slots for one producer, 16 at least however many
        assertThat(InFlightCapacity.perProducer(1_000, 1, 65_536)).isEqualTo(4_096);
        assertThat(InFlightCapacity.perProducer(10_000_000, 10, 65_536)).isEqualTo(256);
        assertThat(InFlightCapacity.perProducer(0, 1_000, 65_536)).isEqualTo(16);
    }
}
