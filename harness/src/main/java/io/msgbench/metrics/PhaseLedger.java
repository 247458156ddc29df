package io.msgbench.metrics;

/**
 * The {@link PhaseRecorder}s of one scenario on one worker, indexed by phase, and the phase that is
 * current now. Phase 0 is the readiness probe and is never recorded; phases 1..n are the warmup and
 * measurement iterations in order.
 */
public final class PhaseLedger {
    private final PhaseRecorder[] recorders;
    private volatile int currentPhase;
    /** False once the load stopped: receptions during the drain belong to no phase's window. */
    private volatile boolean windowOpen = true;

    /** @param phases number of counted phases (iterations); they get the indices 1..phases */
    public PhaseLedger(int phases) {
        if (phases < 1) {
            throw new IllegalArgumentException("at least one phase, was " + phases);
        }
        recorders = new PhaseRecorder[phases + 1];
        for (int i = 1; i <= phases; i++) {
            recorders[i] = new PhaseRecorder(i);
        }
        currentPhase = 1;
    }

    /** Number of counted phases. */
    public int phases() {
        return recorders.length - 1;
    }

    /** True when {@code phase} is a counted phase of this ledger. */
    public boolean isCounted(int phase) {
        return phase >= 1 && phase < recorders.length;
    }

    /** The recorder of a counted phase. */
    public PhaseRecorder phase(int phase) {
        if (!isCounted(phase)) {
            throw new IllegalArgumentException("no phase " + phase + " (1.." + phases() + ")");
        }
        return recorders[phase];
    }

    /** The phase new sends are attributed to. */
    public int currentPhase() {
        return currentPhase;
    }

    /** Counts a reception (of any phase's message) towards the current phase's window, while load runs. */
    public void receivedDuringWindow() {
        if (windowOpen) {
            recorders[currentPhase].receivedDuringWindow();
        }
    }

    /** The load stopped: later receptions count towards no window (the consume rate covers load time only). */
    public void closeWindow() {
        windowOpen = false;
    }

    /** Makes {@code phase} current; phases only move forward. */
    public void advanceTo(int phase) {
        if (!isCounted(phase) || phase < currentPhase) {
            throw new IllegalArgumentException("cannot move from phase " + currentPhase + " to " + phase);
        }
        currentPhase = phase;
    }
}
