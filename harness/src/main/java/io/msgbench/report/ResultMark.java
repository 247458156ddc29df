package io.msgbench.report;

import io.msgbench.search.MaxRateSearch;
import io.msgbench.worker.Worker.DrainResult;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What marks a completed scenario's result as not a clean measurement, by kind, so that a run can exit non-zero on the
 * kinds a CI job must not pass ({@code --fail-on}). The kinds are read from the result's figures, not from the text
 * of its warnings.
 */
public enum ResultMark {
    /** Messages acknowledged and not received (lost, or not received within the drain bound), duplicated, reordered. */
    LOSS("loss"),
    /** Sends that failed or were never acknowledged. */
    ERRORS("errors"),
    /**
     * The fixed rate was not delivered: the schedule was unreachable (saturation) or not held, or messages due were
     * never sent. A rate of {@link MaxRateSearch#MAX_RATE} or more (OMB's {@code producerRate: 10000000}) asks for
     * "as fast as it goes" and is not marked for being unreachable.
     */
    SCHEDULE("schedule"),
    /**
     * Any warning at all: those of the kinds above and the diagnosis of the machine, the broker, the clients, the
     * clocks.
     */
    WARNINGS("warnings");

    private final String optionName;

    ResultMark(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    /** Every kind's option name, for help and errors. */
    public static String names() {
        return Arrays.stream(values()).map(ResultMark::optionName).collect(Collectors.joining(", "));
    }

    /** The kind named {@code name}; one line naming the known ones otherwise. */
    public static ResultMark of(String name) {
        for (ResultMark m : values()) {
            if (m.optionName.equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("--fail-on " + name + ": choose " + names() + ", all or none");
    }

    /** The marks of {@code result}, each with a short reason (figures summed over its forks' measurement). */
    public static Map<ResultMark, String> of(ScenarioResult result) {
        Map<ResultMark, String> marks = new EnumMap<>(ResultMark.class);
        MeasuredTotals totals = MeasuredTotals.of(result);
        long lost = 0;
        long late = 0;
        long neverAcknowledged = 0;
        long unsent = 0;
        for (ForkResult f : result.forks()) {
            DrainResult d = f.drain();
            if (d.stillArriving()) {
                late += d.lost();
            } else {
                lost += d.lost();
            }
            neverAcknowledged += d.inFlight();
            unsent += d.unsent();
        }
        long duplicated = totals.duplicated();
        long outOfOrder = totals.outOfOrder();
        long errors = totals.publishErrors();
        StringBuilder loss = new StringBuilder();
        append(loss, lost, "lost");
        append(loss, late, "not received within the drain bound");
        append(loss, duplicated, "duplicated");
        append(loss, outOfOrder, "out of order");
        if (!loss.isEmpty()) {
            marks.put(LOSS, loss.toString());
        }
        StringBuilder failed = new StringBuilder();
        append(failed, errors, "publish errors");
        append(failed, neverAcknowledged, "sends never acknowledged");
        if (!failed.isEmpty()) {
            marks.put(ERRORS, failed.toString());
        }
        Saturation saturation = result.saturation();
        if (saturation != null && (saturation.lostToFailures() || saturation.lostToStall()
                || result.scenario().workload().producerRate() < MaxRateSearch.MAX_RATE)) {
            marks.put(SCHEDULE, String.format(Locale.ROOT, "schedule not held (%.1f %% of %s msg/s sent)",
                    100 * saturation.achievedShare(), Figures.number(saturation.scheduledRate())));
        } else if (saturation == null && unsent > 0) {
            marks.put(SCHEDULE, unsent + " messages due never sent");
        }
        if (!result.warnings().isEmpty()) {
            marks.put(WARNINGS, result.warnings().size() + " warning(s)");
        }
        return marks;
    }

    private static void append(StringBuilder into, long count, String what) {
        if (count > 0) {
            into.append(into.isEmpty() ? "" : ", ").append(count).append(' ').append(what);
        }
    }
}
