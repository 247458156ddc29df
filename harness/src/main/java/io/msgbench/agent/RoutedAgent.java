package io.msgbench.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.msgbench.driver.MessageListener;
import io.msgbench.load.PayloadStamp;
import io.msgbench.load.ProducerFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One agent process and the producers and consumers it runs: its events reach them (a received message's stamp is
 * copied into one reused buffer, so routing allocates nothing), its notices too. Commands are serialised, one
 * answer per command.
 */
final class RoutedAgent implements AgentEvents.Sink, AutoCloseable {
    private final AgentProcess process;
    /** Sorted by producer id, with {@link #producers} in the same order; replaced whole when producers are added. */
    private volatile int[] producerIds = new int[0];
    private volatile AgentProducer[] producers = new AgentProducer[0];
    /** By the agent's consumer index. */
    private volatile AgentConsumer[] consumers = new AgentConsumer[0];
    /** The stamp of the message being handed over; the reader thread's own. */
    private final byte[] stamp = new byte[PayloadStamp.SIZE];
    private volatile String senderFailure;

    RoutedAgent(String python, List<String> adapterFiles, Duration startTimeout) {
        this.process = AgentProcess.start(python, adapterFiles, this, this::notice, startTimeout);
    }

    JsonNode hello() {
        return process.hello();
    }

    synchronized JsonNode call(Map<String, ?> command, Duration timeout) {
        return process.call(command, timeout);
    }

    /** Makes a consumer in the agent; its messages go to {@code listener}. */
    synchronized AgentConsumer addConsumer(String topic, String group, MessageListener listener, Duration timeout) {
        AgentConsumer[] now = consumers;
        AgentConsumer consumer = new AgentConsumer(this, now.length, listener);
        AgentConsumer[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = consumer;
        consumers = next;
        process.call(Map.of("op", "consumers", "consumers",
                List.of(Map.of("index", now.length, "topic", topic, "group", group))), timeout);
        return consumer;
    }

    /** Makes these producers in the agent. */
    synchronized void addProducers(List<AgentProducer> added, List<ProducerFleet.Member> members, int messageSize,
                                   Duration timeout) {
        List<AgentProducer> all = new ArrayList<>(Arrays.asList(producers));
        all.addAll(added);
        all.sort((a, b) -> Integer.compare(a.producerId(), b.producerId()));
        producers = all.toArray(new AgentProducer[0]);
        producerIds = all.stream().mapToInt(AgentProducer::producerId).toArray();
        List<Map<String, Object>> specs = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            AgentProducer p = added.get(i);
            ProducerFleet.Member m = members.get(i);
            List<String> payloads = new ArrayList<>();
            for (int b = 0; b < m.payloads().size(); b++) {
                payloads.add(Base64.getEncoder().encodeToString(m.payloads().buffer(b)));
            }
            specs.add(Map.of("id", p.producerId(), "topic", p.topic(), "messageSize", messageSize,
                    "keying", m.keys().type().name(), "keys", m.keys().keys(), "payloads", payloads));
        }
        process.call(Map.of("op", "producers", "producers", specs), timeout);
    }

    private AgentProducer producer(int producerId) {
        int i = Arrays.binarySearch(producerIds, producerId);
        AgentProducer[] all = producers;
        return i >= 0 && i < all.length ? all[i] : null;
    }

    @Override
    public void completed(boolean failed, int phase, int producerId, long sequence, long intended, long send,
                          long ack) {
        AgentProducer p = producer(producerId);
        if (p != null) {
            p.completed(failed, phase, sequence, intended, send, ack);
        }
    }

    @Override
    public void received(int consumer, int partition, long receiveEpochNanos, byte[] frame, int stampOffset) {
        AgentConsumer[] all = consumers;
        if (consumer >= 0 && consumer < all.length) {
            System.arraycopy(frame, stampOffset, stamp, 0, PayloadStamp.SIZE);
            all[consumer].listener().onMessage(partition, stamp, receiveEpochNanos);
        }
    }

    @Override
    public void progress(int producerId, long issued, long segmentFirst, long segmentStart, double segmentRate,
                         long lastIntended, long lastSend) {
        AgentProducer p = producer(producerId);
        if (p != null) {
            p.progress(issued, segmentFirst, segmentStart, segmentRate, lastIntended, lastSend);
        }
    }

    private void notice(JsonNode notice) {
        String kind = notice.path("notice").asText();
        int index = notice.path("consumer").asInt(-1);
        AgentConsumer[] all = consumers;
        switch (kind) {
            case "assigned" -> {
                if (index >= 0 && index < all.length) {
                    all[index].assigned();
                }
            }
            case "consumerStopped" -> {
                if (index >= 0 && index < all.length) {
                    all[index].stopped(notice.path("error").asText());
                }
            }
            case "senderStopped" -> senderFailure = notice.path("error").asText();
            default -> {
                // a notice of a newer agent: nothing to do with it here
            }
        }
    }

    /** Why this agent cannot go on (its sender stopped, the process ended), or {@code null} while it is well. */
    AgentException failure() {
        String sender = senderFailure;
        if (sender != null) {
            return new AgentException(sender);
        }
        return process.alive() ? null : new AgentException("the agent ended: " + process.explanation());
    }

    /** CPU time the agent process has used so far (its last reading once it ended). */
    long pid() {
        return process.pid();
    }

    long cpuNanos() {
        return process.cpuNanos();
    }

    @Override
    public void close() {
        process.close();
    }
}
