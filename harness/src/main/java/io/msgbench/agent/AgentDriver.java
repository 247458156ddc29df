package io.msgbench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.driver.ConsumerHandle;
import io.msgbench.driver.DriverContext;
import io.msgbench.driver.MessageListener;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.driver.ProducerHandle;
import io.msgbench.load.ProducerFleet;
import io.msgbench.metrics.EpochNanoClock;
import io.msgbench.metrics.PhaseLedger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A client the JVM cannot host (a Python Kafka client), run in agent processes: consumers spread over up to one
 * agent per core, producers over as many more (each agent is one interpreter, one GIL), topics through the
 * system's own Java driver. Settings arrive under the system's Java names, the same for every client, on top of
 * the pinned defaults the Java client gets; each agent answers the effective configuration in its client's own
 * names.
 */
public final class AgentDriver implements MessagingDriver {
    /** The parameter ({@code -p python=PATH}) and the environment variable that choose the interpreter. */
    public static final String PYTHON_SETTING = "python";
    public static final String PYTHON_VARIABLE = "MSGBENCH_PYTHON";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a system module says about one of its agent clients.
     *
     * @param name             the client's name ({@code client=kafka-python}), as the agent knows it
     * @param adapterFiles     the agent files of this client beside the core ({@code client_kafka_python.py})
     * @param producerNames    the setting names producers take (the system's Java names)
     * @param consumerNames    the setting names consumers take
     * @param producerDefaults what every client of the system gets unless told otherwise (the Java client's pins)
     * @param consumerDefaults likewise for consumers
     */
    public record AgentClient(String name, List<String> adapterFiles, Set<String> producerNames,
                              Set<String> consumerNames, Map<String, String> producerDefaults,
                              Map<String, String> consumerDefaults) {
        public AgentClient {
            adapterFiles = List.copyOf(adapterFiles);
            producerNames = Set.copyOf(producerNames);
            consumerNames = Set.copyOf(consumerNames);
            producerDefaults = Map.copyOf(producerDefaults);
            consumerDefaults = Map.copyOf(consumerDefaults);
        }
    }

    private final AgentClient client;
    private final MessagingDriver topics;
    private final int maxAgents;
    private final List<RoutedAgent> agents = new ArrayList<>();
    private final List<RoutedAgent> consumerAgents = new ArrayList<>();
    private Map<String, Object> init;
    private String python;
    private EpochNanoClock clock;
    private RoutedAgent spare;
    private String version;
    private int consumersMade;

    /**
     * @param topics the system's Java driver, used for topics only
     */
    public AgentDriver(AgentClient client, MessagingDriver topics) {
        this.client = client;
        this.topics = topics;
        this.maxAgents = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The interpreter: {@code -p python=PATH}, else {@code MSGBENCH_PYTHON}, else Debian's. */
    public static String python(Map<String, String> common) {
        String given = common.get(PYTHON_SETTING);
        if (given != null && !given.isBlank()) {
            return given;
        }
        String variable = System.getenv(PYTHON_VARIABLE);
        return variable != null && !variable.isBlank() ? variable : AgentProcess.DEFAULT_PYTHON;
    }

    /**
     * Checks before any broker work that the interpreter runs the agent, imports the client and takes the settings
     * (the clients check their own names and values without connecting anywhere that matters).
     *
     * @return warnings the client has (a slow fallback it would use)
     * @throws AgentException with one line naming the client, the interpreter and the problem
     */
    public static List<String> check(AgentClient client, Map<String, String> common, Map<String, String> producer,
                                     Map<String, String> consumer) {
        String python = python(common);
        try (RoutedAgent agent = new RoutedAgent(python, client.adapterFiles(), START_TIMEOUT)) {
            JsonNode answer = agent.call(initCommand(client, "127.0.0.1:9", common, producer, consumer,
                    EpochNanoClock.system()), CALL_TIMEOUT);
            List<String> warnings = new ArrayList<>();
            answer.path("warnings").forEach(w -> warnings.add(client.name() + ": " + w.asText()));
            return warnings;
        } catch (AgentException e) {
            String why = e.getMessage().startsWith(client.name() + ": ")
                    ? e.getMessage().substring(client.name().length() + 2) : e.getMessage();
            throw new AgentException("client=" + client.name() + " (Python " + python + "): " + why, e);
        }
    }

    private static Map<String, Object> initCommand(AgentClient client, String bootstrap, Map<String, String> common,
                                                   Map<String, String> producer, Map<String, String> consumer,
                                                   EpochNanoClock clock) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("op", "init");
        command.put("client", client.name());
        command.put("bootstrap", bootstrap);
        long before = System.nanoTime();
        long epoch = clock.epochNanos();
        long after = System.nanoTime();
        command.put("anchorEpochNs", epoch);
        command.put("anchorMonotonicNs", before + (after - before) / 2);
        command.put("producer", new TreeMap<>(DriverContext.clientSettings(client.producerDefaults(), common,
                client.producerNames(), producer)));
        command.put("consumer", new TreeMap<>(DriverContext.clientSettings(client.consumerDefaults(), common,
                client.consumerNames(), consumer)));
        return command;
    }

    @Override
    public EffectiveClientConfig initialize(DriverContext context) {
        EffectiveClientConfig topicSide = topics.initialize(context);
        python = python(context.common());
        clock = context.clock();
        init = initCommand(client, context.bootstrapServers(), context.common(), context.producer(), context.consumer(),
                clock);
        spare = startAgent();
        JsonNode answer = spare.call(init, CALL_TIMEOUT);
        JsonNode hello = spare.hello();
        version = client.name() + " " + hello.path("clients").path(client.name()).asText() + ", Python "
                + hello.path("python").asText() + " (" + hello.path("executable").asText() + ")";
        return new EffectiveClientConfig(strings(answer.path("effective").path("producer")),
                strings(answer.path("effective").path("consumer")), topicSide.topic());
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** A new agent, initialised like every other (the first one was made by {@link #initialize}). */
    private RoutedAgent agent() {
        if (spare != null) {
            RoutedAgent a = spare;
            spare = null;
            return a;
        }
        RoutedAgent a = startAgent();
        a.call(init, CALL_TIMEOUT);
        return a;
    }

    private RoutedAgent startAgent() {
        RoutedAgent a = new RoutedAgent(python, client.adapterFiles(), START_TIMEOUT);
        synchronized (agents) {
            agents.add(a);
        }
        return a;
    }

    @Override
    public long[] clientProcessIds() {
        synchronized (agents) {
            return agents.stream().mapToLong(RoutedAgent::pid).toArray();
        }
    }

    @Override
    public long[] clientProcessCpuNanos() {
        List<RoutedAgent> all;
        synchronized (agents) {
            all = List.copyOf(agents);
        }
        long[] nanos = new long[all.size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = all.get(i).cpuNanos();
        }
        return nanos;
    }

    @Override
    public String clientVersion() {
        return version;
    }

    @Override
    public void createTopics(List<String> names, int partitions, Duration timeout) {
        topics.createTopics(names, partitions, timeout);
    }

    @Override
    public void deleteTopics(List<String> names, Duration timeout) {
        topics.deleteTopics(names, timeout);
    }

    /** Producers of agent clients run in a fleet: {@link #createFleet}. */
    @Override
    public ProducerHandle createProducer(String topic, int maxInFlight) {
        throw new UnsupportedOperationException(client.name() + " producers run in agents, as a fleet");
    }

    @Override
    public synchronized ProducerFleet createFleet(List<ProducerFleet.Member> members, int messageSize,
                                                  PhaseLedger ledger) {
        int count = Math.min(members.size(), maxAgents);
        List<RoutedAgent> fleetAgents = new ArrayList<>();
        List<List<AgentProducer>> byAgent = new ArrayList<>();
        List<List<ProducerFleet.Member>> membersByAgent = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            fleetAgents.add(agent());
            byAgent.add(new ArrayList<>());
            membersByAgent.add(new ArrayList<>());
        }
        List<AgentProducer> producers = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            AgentProducer p = new AgentProducer(members.get(i).producerId(), members.get(i).topic(), ledger);
            producers.add(p);
            byAgent.get(i % count).add(p);
            membersByAgent.get(i % count).add(members.get(i));
        }
        for (int a = 0; a < count; a++) {
            fleetAgents.get(a).addProducers(byAgent.get(a), membersByAgent.get(a), messageSize, CALL_TIMEOUT);
        }
        return new AgentFleet(fleetAgents, byAgent, producers, clock, ledger, CALL_TIMEOUT);
    }

    @Override
    public ConsumerHandle createConsumer(String topic, String subscription, MessageListener listener) {
        RoutedAgent agent;
        synchronized (this) {
            int k = consumersMade++;
            if (k < maxAgents) {
                consumerAgents.add(agent());
            }
            agent = consumerAgents.get(k % maxAgents);
        }
        return agent.addConsumer(topic, subscription, listener, CALL_TIMEOUT);
    }

    /** Quits every agent (each closes its clients) and the topic driver. */
    @Override
    public void close() {
        List<RoutedAgent> all;
        synchronized (agents) {
            all = List.copyOf(agents);
            agents.clear();
        }
        List<Thread> closing = new ArrayList<>();
        for (RoutedAgent a : all) {
            Thread t = new Thread(a::close, "msgbench-agent-close");
            t.setDaemon(true);
            t.start();
            closing.add(t);
        }
        for (Thread t : closing) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        topics.close();
    }
}
