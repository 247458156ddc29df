package io.msgbench.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium for the browser tests: skipped where it is not installed, except in CI ({@code CI=true}, as CI
 * services set it, or {@code MSGBENCH_CI=1}, as {@code .ci/run} does), where its absence fails the test instead of
 * hiding it.
 */
public final class Chromium {
    public static final Path PATH = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** The browser's path; skips the test, or fails it in CI, when it is not installed. */
    public static Path require() {
        if (!Files.isExecutable(PATH)) {
            if ("true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("MSGBENCH_CI"))) {
                fail(PATH + " is not installed: in CI the browser tests must run (.ci/run installs it)");
            }
            assumeTrue(false, "Debian's chromium is not installed");
        }
        return PATH;
    }
}
