package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilersTest {
    @Test
    void gcIsOnUnlessNoneIsAsked() {
        assertThat(Profilers.of(List.of()).gc()).isTrue();
        assertThat(Profilers.of(List.of("gc")).gc()).isTrue();
        assertThat(Profilers.of(List.of("none")).gc()).isFalse();
    }

    @Test
    void anUnknownProfilerIsOneLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> Profilers.of(List.of("gc", "stack")))
                .isInstanceOf(UserError.class)
                .hasMessage("Unknown profiler 'stack'; known: gc, none (-lprof lists them)");
        assertThatThrownBy(() -> Profilers.of(List.of("gc:churn=true")))
                .hasMessage("Profiler gc takes no options, was given 'gc:churn=true'");
        assertThatThrownBy(() -> Profilers.of(List.of("gc", "none")))
                .hasMessage("-prof none and -prof gc exclude each other");
    }
}
