package io.msgbench.runner;

import io.msgbench.live.LiveView;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.scenario.IterationSettings;
import io.msgbench.scenario.Scenario;
import io.msgbench.scenario.WorkloadSpec;
import java.util.List;
import java.util.Locale;

/**
 * Where a run is in its plan — scenario, fork, phase — and about how long the rest will take: the planned
 * iteration time of what is left plus, per fork, the set-up and drain time the finished forks took beyond their
 * iterations (10 s assumed until one finished). Thread-safe: the status line reads it from its own thread.
 */
final class RunProgress {
    private static final long OVERHEAD_GUESS_NANOS = 10_000_000_000L;
    /** A search's trials are not known in advance: about this many trial lengths (bracketing, bisection, confirmations). */
    private static final int SEARCH_TRIALS_GUESS = 16;

    private final List<Scenario> plan;
    private final EpochNanoClock clock;
    private int scenario = -1;
    private int fork;
    private String phase = "starting";
    private final LiveView live;
    private long forkStart;
    private long overheadSum;
    private int forksDone;

    RunProgress(List<Scenario> plan, EpochNanoClock clock) {
        this(plan, clock, null);
    }

    /** @param live told the scenario and phase too ({@code --live}), or null */
    RunProgress(List<Scenario> plan, EpochNanoClock clock, LiveView live) {
        this.plan = List.copyOf(plan);
        this.clock = clock;
        this.live = live;
    }

    synchronized void scenario(int index) {
        scenario = index;
        fork = 0;
        phase = "setting up";
        if (live != null) {
            live.scenario(plan.get(index).label());
            live.phase(status());
        }
    }

    /** @param number 1-based */
    synchronized void fork(int number) {
        fork = number;
        forkStart = clock.epochNanos();
        phase = "setting up";
    }

    synchronized void phase(String what) {
        phase = what;
        if (live != null) {
            live.phase(status());
        }
    }

    synchronized void forkDone() {
        long took = clock.epochNanos() - forkStart;
        overheadSum += Math.max(0, took - plannedIterationNanos(plan.get(scenario)));
        forksDone++;
    }

    /** e.g. {@code scenario 2 of 6 (LatencyTest (acks=all)), fork 1 of 2, measurement 2 of 3; about 3 min 20 s left}. */
    synchronized String status() {
        if (scenario < 0) {
            return "starting; about " + duration(remainingNanos()) + " left";
        }
        Scenario s = plan.get(scenario);
        int forks = Math.max(1, s.iterations().forks());
        return String.format(Locale.ROOT, "scenario %d of %d (%s), fork %d of %d, %s; about %s left", scenario + 1,
                plan.size(), s.label(), Math.max(1, fork), forks, phase, duration(remainingNanos()));
    }

    synchronized long remainingNanos() {
        long overhead = forksDone == 0 ? OVERHEAD_GUESS_NANOS : overheadSum / forksDone;
        long left = 0;
        for (int i = Math.max(0, scenario); i < plan.size(); i++) {
            Scenario s = plan.get(i);
            int forks = Math.max(1, s.iterations().forks());
            long perFork = plannedIterationNanos(s) + overhead;
            if (i == scenario && fork > 0) {
                left += Math.max(0, perFork - (clock.epochNanos() - forkStart)) + (forks - fork) * perFork;
            } else {
                left += forks * perFork;
            }
        }
        return left;
    }

    /** The iterations' planned time of one fork: warmup (or the search) and measurement, and a backlog's build. */
    static long plannedIterationNanos(Scenario s) {
        IterationSettings it = s.iterations();
        WorkloadSpec w = s.workload();
        long warmup = w.isMaxRate() ? SEARCH_TRIALS_GUESS * it.warmupTime().toNanos()
                : it.warmupIterations() * it.warmupTime().toNanos();
        long build = w.isBacklogTest()
                ? (long) (w.backlogMessages() / (w.producerRate() * Math.max(1, w.subscriptionsPerTopic())) * 1e9) : 0;
        return warmup + build + it.measurementIterations() * it.measurementTime().toNanos();
    }

    /** e.g. {@code 3 min 20 s}, {@code 45 s}, {@code 1 h 5 min}. */
    static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
