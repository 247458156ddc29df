package io.msgbench.report;

/**
 * How one fork's backlog test went (OMB's consumerBacklogSizeGB): the consumers paused until the backlog
 * reached its target, then resumed with the producers still going; the drain ends when the backlog is
 * down to the drained level.
 *
 * @param targetMessages  the backlog to build, over all subscriptions
 * @param builtMessages   the backlog when the consumers resumed
 * @param buildSeconds    how long building took
 * @param drainedLevel    the backlog at or below which it counts as drained
 * @param drained         whether it got there before the measurement (and its drain bound) ended
 * @param drainSeconds    from the resume to drained, or to the end when not drained
 * @param leftMessages    the backlog when the drain was seen done, or at the end
 */
public record BacklogResult(long targetMessages, long builtMessages, double buildSeconds, long drainedLevel,
                            boolean drained, double drainSeconds, long leftMessages) {
    /** Backlog removed per second while the producers kept publishing (consume rate − publish rate). */
    public double netDrainRate() {
        return (builtMessages - leftMessages) / drainSeconds;
    }
}
