package io.msgbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildProcessTest {
    @Test
    void aChildThatDiedIsExplainedByItsExitCodeAndLastOutput() throws Exception {
        ChildProcess child = ChildProcess.start("the helper", new ProcessBuilder("sh", "-c",
                "for i in $(seq 1 30); do echo line $i; done; echo READY 42; echo oops >&2; exit 3")
                .redirectErrorStream(true));
        CompletableFuture<String> ready = new CompletableFuture<>();
        child.keepTail(child.process().getInputStream(), new ChildProcess.Lines() {
            @Override
            public boolean consumed(String line) {
                return line.startsWith("READY") && ready.complete(line);
            }

            @Override
            public void ended() {
                ready.complete("ended");
            }
        });
        assertThat(ready.get(10, TimeUnit.SECONDS)).isEqualTo("READY 42");
        assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // the reader takes the last line
        List<String> tail = child.tail();
        assertThat(tail).hasSize(20).endsWith("line 30", "oops").doesNotContain("READY 42");
        assertThat(child.describe("the helper is running")).startsWith("the helper exited with code 3; its last "
                + "output: line 12 | line 13").endsWith("line 30 | oops");
    }

    @Test
    void stopEndsStdinAndKillsAChildThatIgnoresIt() throws Exception {
        ChildProcess polite = ChildProcess.start("the reader", new ProcessBuilder("cat"));
        assertThat(polite.stop(Duration.ofSeconds(10))).as("cat ends at the end of its input").isTrue();
        ChildProcess stubborn = ChildProcess.start("the sleeper", new ProcessBuilder("sleep", "60"));
        long start = System.nanoTime();
        assertThat(stubborn.stop(Duration.ofMillis(200))).isFalse();
        assertThat(stubborn.alive()).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(stubborn.describe("running")).startsWith("the sleeper exited with code 137");
    }

    @Test
    void aJavaCommandUsesThisJvmAndAnAbsoluteClassPath() {
        List<String> command = ChildProcess.javaCommand(List.of("-Xmx64m"), ChildProcessTest.class, List.of("a"));
        assertThat(command.get(0)).endsWith("/bin/java");
        assertThat(command).containsSubsequence("-Xmx64m", "-cp");
        assertThat(command.get(command.indexOf("-cp") + 1).split(java.io.File.pathSeparator))
                .allMatch(e -> e.startsWith("/"));
        assertThat(command.subList(command.size() - 2, command.size()))
                .containsExactly(ChildProcessTest.class.getName(), "a");
    }
}
