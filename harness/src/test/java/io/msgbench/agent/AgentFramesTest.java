package io.msgbench.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentFramesTest {
    /** Every event as text, to compare with the vectors. */
    private static final class Recording implements AgentEvents.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void completed(boolean failed, int phase, int producerId, long sequence, long intended, long send,
                              long ack) {
            events.add("completed " + failed + " " + phase + " " + producerId + " " + sequence + " " + intended + " "
                    + send + " " + ack);
        }

        @Override
        public void received(int consumer, int partition, long receive, byte[] frame, int stampOffset) {
            events.add("received " + consumer + " " + partition + " " + receive + " "
                    + HexFormat.of().formatHex(frame, stampOffset, stampOffset + 32));
        }

        @Override
        public void progress(int producerId, long issued, long segmentFirst, long segmentStart, double segmentRate,
                             long lastIntended, long lastSend) {
            events.add("progress " + producerId + " " + issued + " " + segmentFirst + " " + segmentStart + " "
                    + segmentRate + " " + lastIntended + " " + lastSend);
        }
    }

    @Test
    void decodesTheVectorFrameAsPythonEncodedIt() throws Exception {
        JsonNode vectors = new ObjectMapper().readTree(AgentFramesTest.class.getResource("/io/msgbench/agent/test-vectors.json"));
        JsonNode events = vectors.get("events");
        AgentFrames frames = new AgentFrames(new ByteArrayInputStream(HexFormat.of().parseHex(events.get("frameHex").asText())));
        assertThat(frames.next()).isTrue();
        assertThat(frames.type()).isEqualTo(AgentFrames.EVENTS);
        Recording r = new Recording();
        frames.events(r);
        List<String> expected = new ArrayList<>();
        for (JsonNode e : events.get("records")) {
            expected.add(switch (e.get("kind").asText()) {
                case "completed" -> "completed " + e.get("failed").asBoolean() + " " + e.get("phase").asInt() + " "
                        + e.get("producerId").asInt() + " " + e.get("sequence").asLong() + " "
                        + e.get("intendedEpochNanos").asLong() + " " + e.get("sendEpochNanos").asLong() + " "
                        + e.get("ackEpochNanos").asLong();
                case "received" -> "received " + e.get("consumer").asInt() + " " + e.get("partition").asInt() + " "
                        + e.get("receiveEpochNanos").asLong() + " " + e.get("stamp").asText();
                default -> "progress " + e.get("producerId").asInt() + " " + e.get("issued").asLong() + " "
                        + e.get("segmentFirstSequence").asLong() + " " + e.get("segmentStartEpochNanos").asLong() + " "
                        + e.get("segmentRatePerSecond").asDouble() + " " + e.get("lastIntendedEpochNanos").asLong() + " " + e.get("lastSendEpochNanos").asLong();
            });
        }
        assertThat(r.events).containsExactlyElementsOf(expected);
        assertThat(frames.next()).isFalse();
    }

    private static byte[] frame(int length, byte type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).putInt(length).put(type).put(body).array();
    }

    @Test
    void readsJsonFramesAndEndsAtTheEndOfTheStream() throws IOException {
        byte[] hello = "{\"hello\":1}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(frame(hello.length + 1, AgentFrames.JSON, hello));
        out.writeBytes(frame(1, AgentFrames.EVENTS, new byte[0]));
        AgentFrames frames = new AgentFrames(new ByteArrayInputStream(out.toByteArray()));
        assertThat(frames.next()).isTrue();
        assertThat(frames.type()).isEqualTo(AgentFrames.JSON);
        assertThat(frames.text()).isEqualTo("{\"hello\":1}");
        assertThat(frames.next()).isTrue();
        Recording r = new Recording();
        frames.events(r);
        assertThat(r.events).isEmpty();
        assertThat(frames.next()).isFalse();
    }

    @Test
    void aBrokenStreamIsAnErrorThatSaysWhere() {
        assertThatThrownBy(() -> new AgentFrames(new ByteArrayInputStream(frame(0, AgentFrames.JSON, new byte[0]))).next())
                .hasMessage("agent stream broken: a frame of 0 bytes");
        assertThatThrownBy(() -> new AgentFrames(new ByteArrayInputStream(frame(2, (byte) 0x51, new byte[1]))).next())
                .hasMessage("agent stream broken: a frame of unknown type 0x51");
        assertThatThrownBy(() -> new AgentFrames(new ByteArrayInputStream(frame(9, AgentFrames.JSON, new byte[3]))).next())
                .isInstanceOf(java.io.EOFException.class); // cut in the middle of a frame
        byte[] oneRecordCut = new byte[39];
        oneRecordCut[0] = AgentEvents.COMPLETED;
        assertThatThrownBy(() -> {
            AgentFrames f = new AgentFrames(new ByteArrayInputStream(frame(40, AgentFrames.EVENTS, oneRecordCut)));
            f.next();
            f.events(new Recording());
        }).hasMessage("agent stream broken: a record of kind 1 at byte 0 of 39");
    }
}
