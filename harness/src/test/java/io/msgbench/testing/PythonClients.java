package io.msgbench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.agent.AgentProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Which Python clients the default interpreter can import, asked once of an agent. A test of a client that is not
 * importable skips with one line saying what to install, except where {@code MSGBENCH_REQUIRE_PYTHON_CLIENTS} is
 * set ({@code .ci/run} sets it after installing them): there it fails. aiokafka is not packaged by Debian (pip
 * install aiokafka): its tests skip without it everywhere.
 */
public final class PythonClients {
    /** The adapters of the Kafka clients, beside the agent's core on the class path. */
    public static final List<String> KAFKA_ADAPTERS = List.of("client_confluent_kafka.py", "client_kafka_python.py",
            "client_aiokafka.py");
    private static final Map<String, JsonNode> HELLO = new ConcurrentHashMap<>();

    private PythonClients() {
    }

    /** Returns when {@code client} is importable; skips or fails the test otherwise. */
    public static void require(String client) {
        JsonNode hello = HELLO.computeIfAbsent("hello", k -> {
            try (AgentProcess agent = AgentProcess.start(AgentProcess.DEFAULT_PYTHON, KAFKA_ADAPTERS,
                    new io.msgbench.agent.AgentEvents.Sink() {
                        @Override
                        public void completed(boolean failed, int phase, int producerId, long sequence, long intended,
                                              long send, long ack) {
                        }

                        @Override
                        public void received(int consumer, int partition, long receive, byte[] frame, int at) {
                        }

                        @Override
                        public void progress(int producerId, long issued, long first, long start, double rate,
                                             long lastIntended, long lastSend) {
                        }
                    }, n -> { }, Duration.ofSeconds(30))) {
                return agent.hello();
            }
        });
        if (!hello.get("clients").path(client).isNull() && !hello.get("clients").path(client).isMissingNode()) {
            return;
        }
        boolean aiokafka = client.equals("aiokafka");
        String why = client + " is not importable by " + AgentProcess.DEFAULT_PYTHON + (aiokafka
                ? " (pip install aiokafka)" : " (Debian: apt-get install python3-kafka python3-confluent-kafka python3-crc32c)");
        if (!aiokafka && System.getenv("MSGBENCH_REQUIRE_PYTHON_CLIENTS") != null) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
    }
}
