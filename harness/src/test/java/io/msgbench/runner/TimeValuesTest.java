package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeValuesTest {
    @Test
    void jmhSyntax() {
        assertThat(TimeValues.parse("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(TimeValues.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(TimeValues.parse("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(TimeValues.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(TimeValues.parse("2min")).isEqualTo(Duration.ofMinutes(2));
        assertThat(TimeValues.parse("1hr")).isEqualTo(Duration.ofHours(1));
        assertThat(TimeValues.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThatThrownBy(() -> TimeValues.parse("5 parsecs")).hasMessageContaining("unknown time unit");
        assertThatThrownBy(() -> TimeValues.parse("-5s")).hasMessageContaining("is not a time");
    }

    @Test
    void printedAsJmhPrintsThem() {
        assertThat(TimeValues.format(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(TimeValues.format(Duration.ofMillis(100))).isEqualTo("100 ms");
        assertThat(TimeValues.format(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(TimeValues.format(Duration.ofMinutes(2))).isEqualTo("2 min");
    }
}
