package io.msgbench.runner;

import io.msgbench.report.BacklogResult;
import io.msgbench.scenario.WorkloadSpec;
import io.msgbench.worker.Worker;
import io.msgbench.worker.WorkerException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * OMB's backlog test on one worker: {@link #build} pauses the consumers until the backlog reaches the
 * workload's size, then resumes them; the measurement iterations then run under {@link #sleepUntil},
 * which watches the backlog drain while the producers go on at the rate.
 */
final class BacklogTestRunner {
    private static final long POLL_NANOS = 100_000_000L;
    /** Building may take this much longer than the rate says before it is given up. */
    private static final double BUILD_SLACK = 2.0;
    private static final Duration BUILD_GRACE = Duration.ofSeconds(30);

    private final Pacer pacer;
    private final ConsoleReporter console;
    private long target;
    private long built;
    private double buildSeconds;
    private long drainedLevel;
    private long resumedAt;
    private long drainedAt;
    private long left;

    BacklogTestRunner(Pacer pacer, ConsoleReporter console) {
        this.pacer = pacer;
        this.console = console;
    }

    /**
     * Pauses the consumers, waits until the backlog reaches the target, and resumes them.
     *
     * @throws WorkerException when the backlog does not reach the target in twice the time the rate needs
     *                         plus {@link #BUILD_GRACE}
     */
    void build(Worker worker, WorkloadSpec w) {
        target = w.backlogMessages();
        drainedLevel = w.drainedBacklogMessages();
        double growthPerSecond = w.producerRate() * Math.max(1, w.subscriptionsPerTopic());
        long start = pacer.now();
        long deadline = start + (long) (BUILD_SLACK * target / growthPerSecond * 1e9) + BUILD_GRACE.toNanos();
        console.line(String.format(Locale.ROOT, "# Backlog test: consumers paused until %,d messages (%.3f GiB) wait; "
                + "drained at %,d or fewer", target, w.consumerBacklogSizeGB(), drainedLevel));
        worker.pauseConsumers();
        long backlog;
        while ((backlog = worker.backlog()) < target) {
            if (pacer.now() > deadline) {
                worker.resumeConsumers();
                throw new WorkerException(String.format(Locale.ROOT, "The backlog reached %,d of %,d messages in %.0f s "
                        + "and the build was given up: the producers do not publish at the rate", backlog, target,
                        (pacer.now() - start) / 1e9));
            }
            pacer.sleepUntil(pacer.now() + POLL_NANOS);
        }
        worker.resumeConsumers();
        resumedAt = pacer.now();
        built = backlog;
        left = backlog;
        buildSeconds = (resumedAt - start) / 1e9;
        console.line(String.format(Locale.ROOT, "# Backlog built: %,d messages in %.1f s; consumers resumed", built,
                buildSeconds));
    }

    /** Waits until {@code epochNanos}, noting when the backlog first is at or below the drained level. */
    void sleepUntil(Worker worker, long epochNanos) {
        while (pacer.now() < epochNanos) {
            watch(worker);
            pacer.sleepUntil(Math.min(epochNanos, pacer.now() + POLL_NANOS));
        }
        watch(worker);
    }

    /**
     * After the measurement: waits for the drain until {@code deadline} if it is not done yet, in steps of
     * {@code waitUntil} (which must watch the backlog through {@link #sleepUntil}).
     */
    void awaitDrain(long deadline, LongConsumer waitUntil) {
        while (drainedAt == 0 && pacer.now() < deadline) {
            waitUntil.accept(Math.min(deadline, pacer.now() + POLL_NANOS));
        }
    }

    boolean drained() {
        return drainedAt != 0;
    }

    private void watch(Worker worker) {
        if (drainedAt != 0) {
            return;
        }
        left = worker.backlog();
        if (left <= drainedLevel) {
            drainedAt = pacer.now();
            console.line(String.format(Locale.ROOT, "# Backlog drained to %,d in %.1f s", left,
                    (drainedAt - resumedAt) / 1e9));
        }
    }

    BacklogResult result() {
        long end = drainedAt != 0 ? drainedAt : pacer.now();
        return new BacklogResult(target, built, buildSeconds, drainedLevel, drainedAt != 0, (end - resumedAt) / 1e9,
                left);
    }
}
