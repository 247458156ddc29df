package io.msgbench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.driver.SendListener;
import io.msgbench.load.LoadProducer;
import io.msgbench.load.ProducerFleet;
import io.msgbench.load.RateSchedule;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseLedger;
import io.msgbench.worker.Parallel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Producers running in agents: each agent keeps the schedules of its producers (docs/agent-protocol.md), and their
 * reports land in {@link AgentProducer}s. Boundaries (a phase change, the stop) are set a few milliseconds ahead and
 * sent to every agent at once, so all of them cross the same moment exactly.
 */
final class AgentFleet implements ProducerFleet {
    /** How far ahead a boundary is set: time for the command to reach every agent before it comes. */
    private static final long LEAD_NANOS = 5_000_000L;
    /** How long the agents may take to flush their clients after the last send. */
    private static final Duration FLUSH = Duration.ofSeconds(30);

    private final List<RoutedAgent> agents;
    /** Each agent's producers, by agent. */
    private final List<List<AgentProducer>> byAgent;
    /** Every producer in member order, the order their schedules are staggered in. */
    private final List<AgentProducer> producers;
    private final EpochNanoClock clock;
    private final PhaseLedger ledger;
    private final Duration timeout;
    private volatile boolean running;

    AgentFleet(List<RoutedAgent> agents, List<List<AgentProducer>> byAgent, List<AgentProducer> producers,
               EpochNanoClock clock, PhaseLedger ledger, Duration timeout) {
        this.agents = List.copyOf(agents);
        this.byAgent = byAgent.stream().<List<AgentProducer>>map(List::copyOf).toList();
        this.producers = List.copyOf(producers);
        this.clock = clock;
        this.ledger = ledger;
        this.timeout = timeout;
    }

    @Override
    public List<? extends LoadProducer> producers() {
        return producers;
    }

    @Override
    public void sendProbes(SendListener listener) {
        producers.forEach(p -> p.onProbe(listener));
        callAll(a -> Map.of("op", "probe"), timeout);
    }

    @Override
    public void start(long startEpochNanos, double ratePerSecond, int threads) {
        callAll(a -> Map.of("op", "start", "phase", ledger.currentPhase(),
                "schedules", schedules(a, startEpochNanos, ratePerSecond)), timeout);
        running = true;
    }

    /** The staggered schedules of agent {@code a}'s producers, as the Java sender threads would run them. */
    private List<Map<String, Object>> schedules(int a, long startEpochNanos, double ratePerSecond) {
        List<Map<String, Object>> schedules = new ArrayList<>();
        for (AgentProducer p : byAgent.get(a)) {
            RateSchedule s = RateSchedule.staggered(startEpochNanos, ratePerSecond, producers.indexOf(p),
                    producers.size());
            schedules.add(Map.of("id", p.producerId(), "start", s.startEpochNanos(), "rate", s.ratePerSecond()));
        }
        return schedules;
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public void changeRate(long fromEpochNanos, double ratePerSecond, boolean forgetOwed) {
        callAll(a -> Map.of("op", "schedule", "forgetOwed", forgetOwed,
                "schedules", schedules(a, fromEpochNanos, ratePerSecond)), timeout);
    }

    @Override
    public Boundary beginPhase(int phase) {
        long at = clock.epochNanos() + LEAD_NANOS;
        Boundary crossed = crossed(callAll(a -> Map.of("op", "phase", "phase", phase, "at", at), timeout));
        ledger.advanceTo(phase);
        return crossed;
    }

    @Override
    public Boundary stop(PayPolicy policy, Duration wait) {
        long at = clock.epochNanos() + LEAD_NANOS;
        Boundary end = crossed(callAll(a -> Map.of("op", "stop", "at", at), timeout));
        long payDeadline = policy.payDeadline(end.epochNanos(), end.debt());
        Duration finishing = Duration.ofNanos(Math.max(0, payDeadline - clock.epochNanos())).plus(wait).plus(FLUSH);
        callAll(a -> Map.of("op", "finish", "payDeadline", payDeadline, "flushSeconds", FLUSH.toSeconds()), finishing);
        running = false;
        return end;
    }

    /** One boundary from every agent's answer: the latest moment (they agree unless one came late), the debts summed. */
    private static Boundary crossed(List<JsonNode> answers) {
        long at = Long.MIN_VALUE;
        long debt = 0;
        for (JsonNode answer : answers) {
            at = Math.max(at, answer.get("at").asLong());
            debt += answer.get("debt").asLong();
        }
        return new Boundary(at, debt);
    }

    /** Sends every agent its command at once and waits for all the answers; the first failure is thrown. */
    private List<JsonNode> callAll(IntFunction<Map<String, ?>> command, Duration limit) {
        List<Supplier<JsonNode>> calls = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            RoutedAgent agent = agents.get(a);
            Map<String, ?> c = command.apply(a);
            calls.add(() -> agent.call(c, limit));
        }
        return Parallel.all(calls);
    }

    /** The agents flushed their clients when the load stopped. */
    @Override
    public void flush() {
    }

    @Override
    public Exception failure() {
        for (RoutedAgent agent : agents) {
            AgentException failure = agent.failure();
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** The driver closes the agents, and with them their clients. */
    @Override
    public void close() {
        running = false;
    }
}
