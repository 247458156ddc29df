package io.msgbench.runner;

import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.GcActivity;
import io.msgbench.metrics.HealthyRunAllowance;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.report.ProfileFigures;
import io.msgbench.report.Saturation;
import io.msgbench.worker.Worker.DrainResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Self-diagnosis: what a user must see next to a scenario's figures because it puts them in doubt — a
 * generator behind its schedule, consumers behind the producers, lost, duplicated or reordered messages,
 * errors, clock trouble. The thresholds are {@link HealthyRunAllowance}'s, above the timer floor and the
 * generator's own GC pauses. The result file carries these lines in its {@code msgbench.warnings}, so
 * {@code compare} and any reader see a marked result.
 */
final class Warnings {
    private Warnings() {
    }

    /** @param fixedRate the scenario's rate; after a search each fork's rate found is used instead */
    static List<String> of(double fixedRate, List<ForkResult> forks) {
        List<String> out = new ArrayList<>();
        Saturation saturation = Saturation.of(fixedRate, forks);
        if (saturation != null) {
            // One line instead of a "behind schedule" per iteration: being behind is what saturation is.
            out.add(saturation.describe());
        }
        for (int f = 0; f < forks.size(); f++) {
            ForkResult fork = forks.get(f);
            String where = forks.size() > 1 ? "fork " + (f + 1) + ": " : "";
            drain(fork.drain(), where, out);
            if (fork.backlog() != null && !fork.backlog().drained()) {
                out.add(String.format(Locale.ROOT, "%sbacklog did not drain: %d messages left after %.1f s (drained "
                        + "means %d or fewer)", where, fork.backlog().leftMessages(), fork.backlog().drainSeconds(),
                        fork.backlog().drainedLevel()));
            }
            clocks(fork.clockOffsets(), where, out);
            if (saturation == null && fork.drain().unsent() > 0) {
                out.add(where + fork.drain().unsent() + " messages due were never sent: the load stopped with a debt "
                        + "the producers could not pay within the drain bound");
            }
            double rate = fork.search() != null ? fork.search().maxSustainableRate()
                    : saturation != null ? saturation.achievedRate() : fixedRate;
            List<IterationResult> measured = fork.measurement();
            for (IterationResult r : measured) {
                iteration(r, rate, saturation == null, Math.max(1, fork.clockOffsets().size()),
                        where + "iteration " + r.index() + ": ", out);
            }
            trends(measured, rate, saturation == null, where, out);
            profiled(measured, where, out);
        }
        return out;
    }

    /**
     * The profilers' verdicts over the measurement: each rule that holds in some iteration is one line naming the likely
     * bottleneck, the iterations and the worst figure.
     */
    private static void profiled(List<IterationResult> measured, String where, List<String> out) {
        List<Map<String, ProfileFigures.Figure>> figures = measured.stream().map(ProfileFigures::of).toList();
        Worst host = Worst.above(measured, figures, "os.cpu.host", 100 * HealthyRunAllowance.HOST_CPU_BUSY);
        if (host != null) {
            Map<String, ProfileFigures.Figure> f = figures.get(host.at());
            double loadGenerator = figure(f, "os.loadgen.cpu");
            boolean generatorBound = loadGenerator >= host.value() / 2;
            out.add(String.format(Locale.ROOT, "%shost CPU %s busy %s (user %.0f %%, system %.0f %%; the load generator "
                    + "%.0f %% of the host%s): %s", where, host.amount("%.0f %%"), host.when(), figure(f, "os.cpu.user"),
                    figure(f, "os.cpu.system"), loadGenerator, f.containsKey("broker.cpu")
                            ? String.format(Locale.ROOT, ", the broker %.2f cores", figure(f, "broker.cpu")) : "",
                    generatorBound ? "the load generator is the likely bottleneck, not the broker; give it a machine of its "
                            + "own (--workers) or fewer clients"
                            : "the machine is the likely bottleneck, the figures are limited by everything that runs on "
                            + "it, not by the broker alone"));
        } else {
            Worst generator = Worst.above(measured, figures, "os.loadgen.cpu",
                    100 * HealthyRunAllowance.LOAD_GENERATOR_CPU);
            if (generator != null) {
                out.add(String.format(Locale.ROOT, "%sload generator CPU %s of its host's %s: it is the likely "
                        + "bottleneck, not the broker", where, generator.amount("%.0f %%"), generator.when()));
            }
        }
        Worst steal = Worst.above(measured, figures, "os.cpu.steal", 100 * HealthyRunAllowance.STEAL_SHARE);
        if (steal != null) {
            out.add(String.format(Locale.ROOT, "%sCPU steal %s of the host's time %s: the hypervisor gave it to other "
                    + "machines, a noisy neighbour; the figures vary with it", where, steal.amount("%.1f %%"),
                    steal.when()));
        }
        Worst swap = Worst.above(measured, figures, "os.swap.paging", 0);
        if (swap != null) {
            out.add(String.format(Locale.ROOT, "%shost swapping %s %s: its memory is the likely bottleneck", where,
                    swap.amount("%.0f pages/sec"), swap.when()));
        }
        Worst throttled = Worst.above(measured, figures, "os.cgroup.cpu.throttled",
                100 * HealthyRunAllowance.THROTTLED_SHARE);
        if (throttled != null) {
            out.add(String.format(Locale.ROOT, "%sload generator's cgroup throttled in %s of its CPU periods %s: its CPU "
                    + "quota is the likely bottleneck", where, throttled.amount("%.0f %%"), throttled.when()));
        }
        for (String[] threads : new String[][] {{"broker.handler.idle", "request handlers"},
                {"broker.network.idle", "network threads"}}) {
            Worst busy = Worst.below(measured, figures, threads[0], 100 * HealthyRunAllowance.BROKER_IDLE);
            if (busy != null) {
                out.add(String.format(Locale.ROOT, "%sbroker %s idle only %s %s: they are the likely bottleneck (more of "
                        + "them, or more brokers)", where, threads[1], busy.amount("%.0f %%"), busy.when()));
            }
        }
        Worst waits = Worst.above(measured, figures, "client.producer.bufferpool.wait",
                100 * HealthyRunAllowance.BUFFER_POOL_WAIT);
        if (waits != null) {
            out.add(String.format(Locale.ROOT, "%sproducers blocked waiting for buffer memory %s of the time %s: the "
                    + "generator offers more than the broker (or the network) takes, so the load offered is not the load "
                    + "measured", where, waits.amount("%.1f %%"), waits.when()));
        }
        Worst retries = Worst.above(measured, figures, "client.producer.retries", 0);
        if (retries != null) {
            out.add(String.format(Locale.ROOT, "%sproducer retries: %s %s; the broker refused or lost requests",
                    where, retries.amount("%.0f"), retries.when()));
        }
        Worst underReplicated = Worst.above(measured, figures, "broker.partitions.underReplicated", 0);
        if (underReplicated != null) {
            out.add(String.format(Locale.ROOT, "%sunder-replicated partitions: %s %s; the cluster was not healthy",
                    where, underReplicated.amount("%.0f"), underReplicated.when()));
        }
    }

    private static double figure(Map<String, ProfileFigures.Figure> figures, String name) {
        ProfileFigures.Figure f = figures.get(name);
        return f == null ? Double.NaN : f.value();
    }

    /**
     * Workers whose clocks differ by more than their estimates' uncertainties: the end-to-end latencies of messages
     * produced on one and consumed on the other are corrected by that difference, and are only as good as it.
     */
    private static void clocks(List<List<ClockOffset>> byWorker, String where, List<String> out) {
        long worst = 0;
        long uncertainty = 0;
        for (int a = 0; a < byWorker.size(); a++) {
            for (int b = a + 1; b < byWorker.size(); b++) {
                for (int t = 0; t < Math.min(byWorker.get(a).size(), byWorker.get(b).size()); t++) {
                    ClockOffset x = byWorker.get(a).get(t);
                    ClockOffset y = byWorker.get(b).get(t);
                    long apart = Math.abs(x.offsetNanos() - y.offsetNanos());
                    long allowed = x.uncertaintyNanos() + y.uncertaintyNanos();
                    if (apart > allowed && apart - allowed > worst - uncertainty) {
                        worst = apart;
                        uncertainty = allowed;
                    }
                }
            }
        }
        if (worst > 0) {
            out.add(String.format(Locale.ROOT, "%sworker clocks differ by up to %.3f ms (± %.3f ms): end-to-end "
                    + "latencies of messages produced on one worker and consumed on another are corrected by it, "
                    + "within that uncertainty", where, worst / 1e6, uncertainty / 1e6));
        }
    }

    private static void drain(DrainResult d, String where, List<String> out) {
        if (d.inFlight() > 0) {
            out.add(where + "drain incomplete: " + d.inFlight() + " sends never acknowledged");
        }
        if (d.lost() > 0 && d.stillArriving()) {
            out.add(where + d.lost() + " of " + d.expected() + " expected deliveries not received within the drain "
                    + String.format(Locale.ROOT, "bound (-to; the drain waited %.1f s)", d.waitedNanos() / 1e9)
                    + ": messages were still arriving when it "
                    + "expired, so these are late, not known lost; a longer -to tells");
        } else if (d.lost() > 0) {
            out.add(where + d.lost() + " of " + d.expected() + " expected deliveries lost (acknowledged, never "
                    + "received by their subscription; none arrived in the drain's last second)");
        }
        if (d.duplicated() > 0) {
            out.add(where + d.duplicated() + " duplicated deliveries");
        }
        if (d.outOfOrder() > 0) {
            out.add(where + d.outOfOrder() + " deliveries out of order within a producer and partition");
        }
        if (d.unrecognised() > 0) {
            out.add(where + d.unrecognised() + " received messages carried no valid msgbench stamp");
        }
    }

    /** @param workers the workers of the fork (their collections are summed in the iteration's figures) */
    private static void iteration(IterationResult r, double rate, boolean reachable, int workers, String where,
                                  List<String> out) {
        if (r.publishErrors() > 0) {
            out.add(where + r.publishErrors() + " publish errors");
        }
        if (r.longestStallNanos() >= HealthyRunAllowance.BROKER_STALL_SECONDS * 1e9) {
            out.add(String.format(Locale.ROOT, "%sfor %.1f s sends were outstanding and none was acknowledged: a stall of "
                    + "the broker or the network, not load", where, r.longestStallNanos() / 1e9));
        }
        if (r.negativeLatencies() > 0) {
            out.add(where + r.negativeLatencies() + " negative latencies (clock trouble), not recorded");
        }
        double busiest = r.durationNanos() > 0 ? r.cpu().busiestClientProcessNanos() / (double) r.durationNanos() : 0;
        if (busiest >= HealthyRunAllowance.CLIENT_PROCESS_BUSY) {
            // Said at a saturated rate too: it names what limited the rate.
            out.add(String.format(Locale.ROOT, "%sa client process (agent) used %.0f %% of a core: the client's own "
                    + "process is the bottleneck here, not the broker; more producers or consumers spread it over "
                    + "more agents", where, 100 * busiest));
        }
        GcActivity gc = r.cpu().workerGc();
        if (gc != null && r.durationNanos() > 0) {
            // JFR's pauses where recorded (the collectors' beans miss some of G1's), else the collectors' own time
            boolean pauses = gc.pausesRecorded();
            long nanos = pauses ? gc.pauseNanos() : gc.collectionNanos();
            double share = nanos / ((double) r.durationNanos() * workers);
            if (share > HealthyRunAllowance.GC_SHARE) {
                out.add(String.format(Locale.ROOT, "%sthe worker JVM spent %.1f %% of the iteration in garbage "
                        + "collection (%d %s, %.0f ms): its heap is the likely bottleneck, not the broker; give the forks "
                        + "more (-jvmArgsAppend -Xmx...)", where, 100 * share, pauses ? gc.pauses() : gc.collections(),
                        pauses ? "pauses" : "collections", nanos / 1e6));
            }
        }
        if (!reachable) {
            return;
        }
        if (r.scheduleDebt() > HealthyRunAllowance.debt(rate)) {
            out.add(where + "generator behind schedule, " + r.scheduleDebt() + " messages due but unsent at its end");
        }
        long delayP99 = r.latency(LatencyMetric.PUBLISH_DELAY_LATENCY).getValueAtPercentile(99);
        if (delayP99 > HealthyRunAllowance.publishDelayLimitNanos()) {
            out.add(String.format(Locale.ROOT, "%sgenerator behind schedule, publish delay p99 %.1f ms", where,
                    delayP99 / 1e6));
        }
    }

    /** Across the measurement: debt or backlog that grew means the rate was not sustained. */
    private static void trends(List<IterationResult> measured, double rate, boolean reachable, String where,
                               List<String> out) {
        if (measured.isEmpty()) {
            return;
        }
        IterationResult first = measured.get(0);
        IterationResult last = measured.get(measured.size() - 1);
        if (reachable && measured.size() > 1 && last.scheduleDebt() > first.scheduleDebt() + HealthyRunAllowance.debt(rate)) {
            out.add(where + "schedule debt grew from " + first.scheduleDebt() + " to " + last.scheduleDebt()
                    + " across the measurement: the generator cannot sustain this rate");
        }
        double seconds = measured.stream().mapToDouble(IterationResult::seconds).sum();
        long growth = last.backlogAtEnd() - first.backlogAtStart();
        if (growth > HealthyRunAllowance.backlogGrowth(rate, seconds)) {
            out.add(String.format(Locale.ROOT, "%sconsumers behind: backlog grew from %d to %d over the measurement "
                    + "(%.0f messages/s)", where, first.backlogAtStart(), last.backlogAtEnd(), growth / seconds));
        }
    }

    /**
     * The iterations in which a figure crossed its threshold, and the worst value among them.
     *
     * @param at    index (among the measured iterations) of the worst
     * @param count how many crossed it
     * @param when  which, e.g. {@code in iteration 2}, {@code in iterations 1, 3}, {@code in every iteration}
     */
    private record Worst(double value, int at, int count, String when) {
        static Worst above(List<IterationResult> measured, List<Map<String, ProfileFigures.Figure>> figures,
                           String name, double threshold) {
            return find(measured, figures, name, v -> v > threshold, true);
        }

        static Worst below(List<IterationResult> measured, List<Map<String, ProfileFigures.Figure>> figures,
                           String name, double threshold) {
            return find(measured, figures, name, v -> v < threshold, false);
        }

        /** The worst value in {@code format}, "up to" it when several iterations crossed. */
        String amount(String format) {
            return (count > 1 ? "up to " : "") + String.format(Locale.ROOT, format, value);
        }

        private static Worst find(List<IterationResult> measured, List<Map<String, ProfileFigures.Figure>> figures,
                                  String name, java.util.function.DoublePredicate crossed, boolean high) {
            List<Integer> indexes = new ArrayList<>();
            int worst = -1;
            for (int i = 0; i < figures.size(); i++) {
                double v = figure(figures.get(i), name);
                if (Double.isFinite(v) && crossed.test(v)) {
                    indexes.add(measured.get(i).index());
                    if (worst < 0 || (high ? v > figure(figures.get(worst), name) : v < figure(figures.get(worst), name))) {
                        worst = i;
                    }
                }
            }
            if (worst < 0) {
                return null;
            }
            String when = indexes.size() == 1 ? "in iteration " + indexes.get(0)
                    : indexes.size() == figures.size() ? "in every iteration"
                    : "in iterations " + indexes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            return new Worst(figure(figures.get(worst), name), worst, indexes.size(), when);
        }
    }
}
