package io.msgbench.driver.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void singleNodeKraftOnLoopbackWithTheDesignTuning() {
        Map<String, String> s = EmbeddedBrokerSettings.of(9092, 9093, dir.resolve("data"), Map.of());

        assertThat(s).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("log.dirs", dir.resolve("data").toAbsolutePath().toString())
                .containsEntry("num.network.threads", "2")
                .containsEntry("num.io.threads", "2")
                .containsEntry("offsets.topic.num.partitions", "4")
                .containsEntry("transaction.state.log.num.partitions", "4")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.retention.bytes", "1073741824")
                .containsEntry("log.segment.bytes", "134217728")
                .containsEntry("log.retention.check.interval.ms", "5000");
    }

    @Test
    void clientsReachTheListenAddressWhileTheControllerStaysOnLoopback() {
        Map<String, String> s = EmbeddedBrokerSettings.of(1, "10.213.7.1", 9092, 9093, "1@127.0.0.1:9093", dir,
                Map.of());
        assertThat(s).containsEntry("listeners", "PLAINTEXT://10.213.7.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://10.213.7.1:9092");
    }

    @Test
    void userSettingsReplaceTuningButNotWiring() {
        Map<String, String> s = EmbeddedBrokerSettings.of(1, 2, dir,
                Map.of("log.retention.bytes", "-1", "num.io.threads", "8"));
        assertThat(s).containsEntry("log.retention.bytes", "-1").containsEntry("num.io.threads", "8");
    }

    @Test
    void writesAFileKafkaReadsBack() throws Exception {
        Map<String, String> s = EmbeddedBrokerSettings.of(1, 2, dir.resolve("dätä dir"), Map.of());
        Path file = dir.resolve("server.properties");
        EmbeddedBrokerSettings.write(s, file);

        Properties read = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            read.load(r);
        }
        assertThat(read).containsExactlyInAnyOrderEntriesOf(s);
    }
}
