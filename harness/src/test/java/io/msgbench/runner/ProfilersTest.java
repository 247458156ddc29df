package io.msgbench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilersTest {
    @Test
    void gcOsAndBrokerAreOnUnlessNoneOrOthersAreAsked() {
        assertThat(Profilers.of(List.of())).isEqualTo(new Profilers(true, true, true, false, false));
        assertThat(Profilers.of(List.of("gc"))).isEqualTo(new Profilers(true, false, false, false, false));
        assertThat(Profilers.of(List.of("os", "broker"))).isEqualTo(new Profilers(false, true, true, false, false));
        assertThat(Profilers.of(List.of("client", "jfr"))).isEqualTo(new Profilers(false, false, false, true, true));
        assertThat(Profilers.of(List.of("none"))).isEqualTo(new Profilers(false, false, false, false, false));
    }

    @Test
    void anUnknownProfilerIsOneLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> Profilers.of(List.of("gc", "stack")))
                .isInstanceOf(UserError.class)
                .hasMessage("Unknown profiler 'stack'; known: gc, os, broker, client, jfr, none (-lprof lists them)");
        assertThatThrownBy(() -> Profilers.of(List.of("gc:churn=true")))
                .hasMessage("Profiler gc takes no options, was given 'gc:churn=true'");
        assertThatThrownBy(() -> Profilers.of(List.of("gc", "none")))
                .hasMessage("-prof none and -prof gc exclude each other");
        assertThatThrownBy(() -> Profilers.of(List.of("none", "os")))
                .hasMessage("-prof none and -prof os exclude each other");
    }
}
