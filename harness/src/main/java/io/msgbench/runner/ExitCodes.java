package io.msgbench.runner;

/**
 * The exit codes of a run, documented in {@code -h} and the README, so that a CI job can tell them apart: a clean
 * result, a run that could not give one, and a result whose figures carry a mark ({@code --fail-on}).
 */
final class ExitCodes {
    /** Every scenario completed and no result carries a mark {@code --fail-on} names. */
    static final int OK = 0;
    /** Bad input (one line before any broker work), or a scenario failed (as JMH). */
    static final int FAILED = 1;
    /** Every scenario completed, but a result is marked by a kind {@code --fail-on} names (lost messages, ...). */
    static final int MARKED = 4;
    /** Interrupted (Ctrl-C): the completed scenarios are in the result file. */
    static final int INTERRUPTED = 130;

    /** The help's line. */
    static final String HELP = "Exit codes: " + OK + " every scenario completed with a clean result; " + FAILED
            + " bad input or a failed scenario; " + MARKED + " completed, but a result is marked by what --fail-on "
            + "names (by default lost, late, duplicated or reordered messages, publish errors, a fixed rate not "
            + "held); " + INTERRUPTED + " interrupted (Ctrl-C). compare: 0 nothing regressed, 1 a regression, 2 "
            + "unusable input, 3 inconclusive.";

    private ExitCodes() {
    }
}
