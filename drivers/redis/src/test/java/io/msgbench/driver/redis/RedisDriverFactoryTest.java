package io.msgbench.driver.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.msgbench.driver.OmbFileKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisDriverFactoryTest {
    private final RedisDriverFactory factory = new RedisDriverFactory();

    @Test
    void itsSettingsAreCheckedBeforeAnyServerWork() {
        assertThat(factory.check(Map.of(), Map.of("pipelining", "false"), Map.of("readCount", "100"))).isEmpty();
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of("pipelining", "1"), Map.of()))
                .hasMessage("redis: pipelining=1: expected true or false");
        assertThatThrownBy(() -> factory.check(Map.of(), Map.of(), Map.of("readCount", "0")))
                .hasMessage("redis: readCount=0: expected a whole number from 1 to 1000000");
        assertThatThrownBy(() -> factory.checkTopic(Map.of("maxLength", "lots")))
                .hasMessage("redis: maxLength=lots: expected a whole number from 1 to 9223372036854775807");
    }

    @Test
    void ombsHostPortUserAndPasswordMakeOneAddress() throws Exception {
        JsonNode file = new ObjectMapper().readTree("""
                {"redisHost": "10.0.0.7", "redisPort": 6380, "redisUser": "bench", "redisPass": "p@ss",
                 "jedisPoolMaxTotal": 8}""");
        OmbFileKey address = OmbFileKey.address("redis://bench:p%40ss@10.0.0.7:6380");
        for (String key : new String[] {"redisHost", "redisPort", "redisUser", "redisPass"}) {
            assertThat(factory.ombFileKey(key, file.get(key), file)).containsExactly(address);
        }
        assertThat(factory.ombFileKey("jedisPoolMaxTotal", file.get("jedisPoolMaxTotal"), file).get(0).side())
                .isEqualTo(OmbFileKey.Side.IGNORED);
        assertThat(RedisDriverFactory.address(new ObjectMapper().readTree("{\"redisHost\": \"h\"}")))
                .isEqualTo("redis://h:6379");
    }

    @Test
    void aPartitionIsAStreamOfItsOwn() {
        byte[][] streams = RedisTopology.streams("t-1", 12);
        assertThat(new String(streams[11], StandardCharsets.UTF_8)).isEqualTo("t-1:11");
        assertThat(RedisTopology.partition(streams[11])).isEqualTo(11);
        assertThat(RedisTopology.partition("t-1:".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(RedisTopology.partition("t-11".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(new RedisSystem().backlogTopicSettings(Map.of(), 1e9, 1e6)).containsEntry("maxLength", "2000000");
        assertThat(factory.clientVersion()).startsWith("lettuce-core 7.");
    }
}
