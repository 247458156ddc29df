package io.msgbench.report;

/**
 * A scenario's counts summed over its forks' measurement iterations, as the console's result block and the result
 * marks read them.
 *
 * @param seconds the measurement's length, summed over forks
 */
public record MeasuredTotals(long sent, long received, long receivedInWindow, long publishErrors,
                             long negativeLatencies, long lost, long duplicated, long outOfOrder, double seconds) {
    /** The totals of {@code result}'s measurement. */
    public static MeasuredTotals of(ScenarioResult result) {
        long sent = 0;
        long received = 0;
        long receivedInWindow = 0;
        long errors = 0;
        long negative = 0;
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        double seconds = 0;
        for (ForkResult f : result.forks()) {
            for (IterationResult r : f.measurement()) {
                sent += r.messagesSent();
                received += r.messagesReceived();
                receivedInWindow += r.receivedInWindow();
                errors += r.publishErrors();
                negative += r.negativeLatencies();
                lost += r.messagesLost();
                duplicated += r.messagesDuplicated();
                outOfOrder += r.messagesOutOfOrder();
                seconds += r.seconds();
            }
        }
        return new MeasuredTotals(sent, received, receivedInWindow, errors, negative, lost, duplicated, outOfOrder,
                seconds);
    }
}
