package io.msgbench.driver.kafka.broker;

import java.io.IOException;
import java.nio.file.Paths;

/** Process helpers for this package's tests. */
final class TestProcesses {
    private TestProcesses() {
    }

    /** The pid of a process that has just exited, as left in the name of an orphaned directory. */
    static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(javaBinary(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.waitFor();
        long pid = p.pid();
        if (ProcessHandle.of(pid).isPresent()) {
            throw new IllegalStateException("pid " + pid + " still present after exit");
        }
        return pid;
    }

    static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
