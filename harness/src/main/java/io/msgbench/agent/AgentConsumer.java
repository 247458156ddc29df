package io.msgbench.agent;

import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.MessageListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A consumer running in an agent: its messages reach {@link #listener} on the agent's reader thread. */
final class AgentConsumer implements ConsumerHandle {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final RoutedAgent agent;
    private final int index;
    private final MessageListener listener;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile String stopped;

    AgentConsumer(RoutedAgent agent, int index, MessageListener listener) {
        this.agent = agent;
        this.index = index;
        this.listener = listener;
    }

    MessageListener listener() {
        return listener;
    }

    void assigned() {
        assigned.countDown();
    }

    void stopped(String error) {
        stopped = error;
    }

    @Override
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void pause() {
        agent.call(Map.of("op", "pause", "paused", true, "consumers", java.util.List.of(index)), CALL_TIMEOUT);
    }

    @Override
    public void resume() {
        agent.call(Map.of("op", "pause", "paused", false, "consumers", java.util.List.of(index)), CALL_TIMEOUT);
    }

    @Override
    public Exception failure() {
        String error = stopped;
        return error != null ? new AgentException("the consumer stopped: " + error) : agent.failure();
    }

    /** The agent closes its clients when it quits (the driver closes the agents). */
    @Override
    public void close() {
    }
}
