package io.msgbench.runner;

import io.msgbench.metrics.ClockOffset;
import io.msgbench.metrics.HealthyRunAllowance;
import io.msgbench.metrics.LatencyMetric;
import io.msgbench.report.CoordinatorCost;
import io.msgbench.report.Figures;
import io.msgbench.report.ForkResult;
import io.msgbench.report.IterationResult;
import io.msgbench.report.LatencySummary;
import io.msgbench.report.MeasuredTotals;
import io.msgbench.report.MeasuredWindow;
import io.msgbench.report.PeriodResult;
import io.msgbench.report.Saturation;
import io.msgbench.report.ScenarioResult;
import io.msgbench.scenario.IterationSettings;
import io.msgbench.scenario.Scenario;
import io.msgbench.worker.Worker.WorkerInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** What the user sees while a run goes on: plan, settings, one line per iteration, the final tables. */
final class ConsoleReporter {
    static final double[] TABLE_PERCENTILES = {50, 95, 99, 99.9, 99.99};
    private static final String[] SHORT = new String[LatencyMetric.values().length];

    static {
        SHORT[LatencyMetric.END_TO_END_LATENCY_CORRECTED.ordinal()] = "e2e*";
        SHORT[LatencyMetric.END_TO_END_LATENCY.ordinal()] = "e2e";
        SHORT[LatencyMetric.PUBLISH_LATENCY_CORRECTED.ordinal()] = "pub*";
        SHORT[LatencyMetric.PUBLISH_LATENCY.ordinal()] = "pub";
        SHORT[LatencyMetric.PUBLISH_DELAY_LATENCY.ordinal()] = "delay";
    }

    private static final LatencyMetric[] LINE_ORDER = {LatencyMetric.END_TO_END_LATENCY_CORRECTED,
        LatencyMetric.END_TO_END_LATENCY, LatencyMetric.PUBLISH_LATENCY_CORRECTED, LatencyMetric.PUBLISH_LATENCY,
        LatencyMetric.PUBLISH_DELAY_LATENCY};

    private final PrintStream out;

    ConsoleReporter(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
    }

    void scenarioStart(int index, int count, Scenario s) {
        out.println();
        out.printf(Locale.ROOT, "# Scenario %d of %d: %s%n", index, count, s.label());
        IterationSettings it = s.iterations();
        boolean search = s.workload().isMaxRate();
        out.printf(Locale.ROOT, "# Workload: %s, rate %s%n", s.workload().asMap(),
                search ? "searched (maximum sustainable)" : fmt(s.workload().producerRate()) + " msg/s");
        String warmup = search ? "the rate search, trials of " + TimeValues.format(it.warmupTime())
                : it.warmupIterations() == 0 ? "none"
                : it.warmupIterations() + " × " + TimeValues.format(it.warmupTime());
        out.printf(Locale.ROOT, "# Warmup: %s; measurement: %d × %s; forks: %s; drain bound %s%n", warmup,
                it.measurementIterations(), TimeValues.format(it.measurementTime()),
                it.forks() == 0 ? "none (in this JVM)" : Integer.toString(it.forks()), TimeValues.format(it.timeout()));
    }

    void clientConfig(WorkerInfo info) {
        out.printf(Locale.ROOT, "# Client: %s (%s)%n", info.driver(), info.clientVersion());
        out.println("#   producer: " + new TreeMap<>(info.clientConfig().producer()));
        out.println("#   consumer: " + new TreeMap<>(info.clientConfig().consumer()));
        if (!info.clientConfig().topic().isEmpty()) {
            out.println("#   topic:    " + new TreeMap<>(info.clientConfig().topic()));
        }
    }

    /**
     * One line per iteration: rates, schedule debt, then p50/p99/p99.9/max of each latency in ms; marked when
     * the iteration fell well short of its fixed {@code rate} (0 for none: a search's trials vary it).
     */
    /**
     * The worker's clock against the coordinator's over the fork: the offsets' range and the best uncertainty;
     * nothing for a worker in this JVM (the same clock).
     */
    void clockOffsets(List<List<ClockOffset>> byWorker) {
        for (int w = 0; w < byWorker.size(); w++) {
            List<ClockOffset> offsets = byWorker.get(w);
            if (offsets.isEmpty() || offsets.stream().allMatch(o -> o.offsetNanos() == 0 && o.uncertaintyNanos() == 0)) {
                continue;
            }
            long min = offsets.stream().mapToLong(ClockOffset::offsetNanos).min().orElse(0);
            long max = offsets.stream().mapToLong(ClockOffset::offsetNanos).max().orElse(0);
            long best = offsets.stream().mapToLong(ClockOffset::uncertaintyNanos).min().orElse(0);
            out.printf(Locale.ROOT, "# Worker%s clock offset: %+.3f to %+.3f ms (± %.3f ms at best, %d estimates)%n",
                    byWorker.size() > 1 ? " " + (w + 1) : "", min / 1e6, max / 1e6, best / 1e6, offsets.size());
        }
    }

    /** The coordinator's own work of a fork: what a distributed run costs the host that drives it. */
    void coordinatorCost(CoordinatorCost c) {
        CoordinatorCost.Work p = c.reportPeriods();
        CoordinatorCost.Work i = c.iterationEnds();
        CoordinatorCost.Work k = c.clocks();
        out.printf(Locale.ROOT, "# Coordinator: %.1f ms CPU per report period (%.0f ms wall, %d periods), %.1f ms CPU "
                + "per iteration end (%.0f ms wall, %d), %.1f ms CPU per clock estimate of all workers (%.0f ms wall, "
                + "%d), %.1f ms CPU for drain and verification (%.0f ms wall)%n", p.meanCpuMillis(), p.meanWallMillis(),
                p.count(), i.meanCpuMillis(), i.meanWallMillis(), i.count(), k.meanCpuMillis(), k.meanWallMillis(),
                k.count(), c.drain().cpuNanos() / 1e6, c.drain().wallNanos() / 1e6);
    }

    void iteration(IterationResult r, double rate) {
        String head = String.format(Locale.ROOT, "%s %3d: ", r.warmup() ? "Warmup    " : "Iteration ", r.index());
        String state = ", debt " + r.scheduleDebt() + ", backlog " + r.backlogAtEnd();
        boolean stalled = r.longestStallNanos() >= HealthyRunAllowance.BROKER_STALL_SECONDS * 1e9;
        if (rate > 0 && Saturation.fellShort(r, rate)) {
            state += String.format(Locale.ROOT, " (%s: %.1f %% of it sent; * and delay only measure the falling "
                    + "behind)", stalled ? "schedule not held" : "schedule unreachable",
                    100 * (r.messagesSent() + r.publishErrors()) / (rate * r.seconds()));
        }
        if (stalled) {
            state += String.format(Locale.ROOT, " (stalled %.1f s: nothing acknowledged)", r.longestStallNanos() / 1e9);
        }
        out.println(window(head, r, state, m -> LatencySummary.of(r.latency(m))));
    }

    /** One line per report period within an iteration, as OMB prints its 10-s stats. */
    void period(PeriodResult p, long nanosIntoIteration) {
        out.println(window(String.format(Locale.ROOT, "  %6s: ", Math.round(nanosIntoIteration / 1e9) + " s"), p,
                ", backlog " + p.backlog(), p::latency));
    }

    private static String window(String head, MeasuredWindow w, String state,
                                 java.util.function.Function<LatencyMetric, LatencySummary> latency) {
        StringBuilder b = new StringBuilder(head);
        b.append(String.format(Locale.ROOT, "pub %s msg/s %s MB/s, con %s msg/s %s MB/s%s", fmt(w.publishRate()),
                fmt(w.publishThroughputMB()), fmt(w.consumeRate()), fmt(w.consumeThroughputMB()), state));
        if (w.publishErrors() > 0) {
            b.append(", errors ").append(w.publishErrors());
        }
        for (LatencyMetric m : LINE_ORDER) {
            LatencySummary l = latency.apply(m);
            if (l.count() == 0) {
                continue;
            }
            b.append(String.format(Locale.ROOT, " | %s %s/%s/%s/%s", SHORT[m.ordinal()], ms(l.p50()), ms(l.p99()),
                    ms(l.p999()), ms(l.max())));
        }
        return b.toString();
    }

    void legend() {
        out.println("# Iteration lines: latencies p50/p99/p99.9/max in ms; * = from the intended send time"
                + " (corrected for coordinated omission); delay = send − intended; debt = messages due but unsent;"
                + " backlog = messages sent but not yet received (producer-only: not yet acknowledged). Indented lines:"
                + " report periods within an iteration (--report-interval).");
    }

    /** The final table of a scenario: merged measurement histograms of all forks. */
    void scenarioResult(ScenarioResult result) {
        MeasuredTotals t = MeasuredTotals.of(result);
        long sent = t.sent();
        double seconds = t.seconds();
        int size = result.scenario().workload().messageSize();
        out.println();
        out.printf(Locale.ROOT, "Result \"%s\" %s:%n", result.benchmarkName(), result.scenario().params());
        for (ForkResult f : result.forks()) {
            if (f.backlog() != null) {
                out.printf(Locale.ROOT, "  backlog %d messages built in %.1f s, %s in %.1f s (net drain %s msg/s)%n",
                        f.backlog().builtMessages(), f.backlog().buildSeconds(),
                        f.backlog().drained() ? "drained" : "NOT drained", f.backlog().drainSeconds(),
                        fmt(f.backlog().netDrainRate()));
            }
        }
        if (result.isMaxRate()) {
            out.printf(Locale.ROOT, "  maximum sustainable rate %s msg/s%n", result.forks().stream()
                    .map(f -> fmt(f.search().maxSustainableRate())).collect(java.util.stream.Collectors.joining(", ")));
        }
        out.printf(Locale.ROOT, "  publish %s msg/s (%s MB/s), consume %s msg/s (%s MB/s)%n",
                fmt(sent / seconds), fmt(sent / seconds * size / MeasuredWindow.BYTES_PER_MB),
                fmt(t.receivedInWindow() / seconds),
                fmt(t.receivedInWindow() / seconds * size / MeasuredWindow.BYTES_PER_MB));
        long unsent = result.forks().stream().mapToLong(f -> f.drain().unsent()).sum();
        out.printf(Locale.ROOT, "  messages sent %d, received %d, lost %d, duplicated %d, out of order %d, "
                + "publish errors %d, negative latencies %d, unsent %d%n",
                sent, t.received(), t.lost(), t.duplicated(), t.outOfOrder(), t.publishErrors(), t.negativeLatencies(),
                unsent);
        Saturation saturation = result.saturation();
        out.printf(Locale.ROOT, "  %-26s %9s %9s %9s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p95", "p99", "p99.9",
                "p99.99", "max", "count");
        for (LatencyMetric m : LatencyMetric.values()) {
            Histogram h = result.merged(m);
            if (h.getTotalCount() == 0 || saturation != null && Saturation.SCHEDULE_DOMINATED.contains(m)) {
                continue;
            }
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-26s", m.resultName()));
            for (double p : TABLE_PERCENTILES) {
                b.append(String.format(Locale.ROOT, " %9s", ms(h.getValueAtPercentile(p))));
            }
            b.append(String.format(Locale.ROOT, " %9s %9d", ms(h.getMaxValue()), h.getTotalCount()));
            out.println(b);
        }
        for (String w : result.warnings()) {
            out.println("  WARNING: " + w);
        }
    }

    static String ms(long nanos) {
        return Figures.latency(nanos / 1e6);
    }

    static String fmt(double v) {
        return Figures.number(v);
    }
}
