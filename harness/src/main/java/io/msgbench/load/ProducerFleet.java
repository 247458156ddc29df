package io.msgbench.load;

import io.msgbench.driver.SendListener;
import java.time.Duration;
import java.util.List;

/**
 * The producers of one worker and what drives their schedules: the harness's own sender threads
 * ({@link SenderThreads}) or an agent process that keeps the schedule beside a client the JVM cannot host. The
 * worker around it keeps the phases, the verification and the results, the same for both.
 *
 * <p>Call order: sendProbes, start, changeRate* and beginPhase*, stop, flush, close.
 */
public interface ProducerFleet extends AutoCloseable {
    /**
     * One producer to create: ids are unique across the whole run; its keys and payloads, as a Java producer's
     * would be.
     */
    record Member(int producerId, String topic, KeyDistribution keys, PayloadPool payloads) {
    }

    /**
     * A moment the producers crossed: sends before it belong to the phase that ended, sends from it on to the
     * next; {@code debt} is what their schedules had made due by then and not sent.
     */
    record Boundary(long epochNanos, long debt) {
    }

    /** When paying a debt must end: the deadline for what was owed ({@code debt}) when the schedules ended. */
    @FunctionalInterface
    interface PayPolicy {
        long payDeadline(long endEpochNanos, long debt);
    }

    /** The producers, in the order they were created. */
    List<? extends LoadProducer> producers();

    /**
     * Sends one readiness probe per producer (phase 0, sequence −1, never counted); {@code listener} hears each
     * one's outcome. Only before {@link #start}.
     */
    void sendProbes(SendListener listener);

    /**
     * Starts every producer's schedule at {@code startEpochNanos}, {@code ratePerSecond} shared by all of them
     * with staggered phases ({@link RateSchedule#staggered}), attributing sends to the ledger's current phase.
     *
     * @param threads how many sender threads may serve the producers, where the fleet has threads of its own
     */
    void start(long startEpochNanos, double ratePerSecond, int threads);

    /** True between {@link #start} and {@link #stop}. */
    boolean running();

    /**
     * Changes the rate from {@code fromEpochNanos}; what the old schedules made due before then is still sent,
     * unless {@code forgetOwed} (the rate search's trials).
     */
    void changeRate(long fromEpochNanos, double ratePerSecond, boolean forgetOwed);

    /** Moves the ledger to {@code phase}: sends from the returned boundary on are attributed to it. */
    Boundary beginPhase(int phase);

    /**
     * Ends the schedules now: nothing intended after the returned boundary is sent, what they owed there is still
     * sent until the deadline {@code policy} gives for that debt, then the senders stop.
     *
     * @param wait how long to wait for the senders beyond the pay deadline
     * @throws IllegalStateException with one line when the senders did not stop within the wait
     */
    Boundary stop(PayPolicy policy, Duration wait);

    /** Why the producers cannot go on (a process running them ended), or {@code null} while they are well. */
    default Exception failure() {
        return null;
    }

    /** Sends everything the clients buffer. */
    void flush();

    /** Stops every sender, owed messages or not, and closes the clients. Never throws. */
    @Override
    void close();
}
