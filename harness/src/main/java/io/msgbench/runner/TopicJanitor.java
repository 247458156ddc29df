package io.msgbench.runner;

import io.msgbench.driver.DriverContext;
import io.msgbench.driver.DriverRegistry;
import io.msgbench.driver.MessagingDriver;
import io.msgbench.metrics.EpochNanoClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the topics of a worker that could not (a fork that died), through the scenario's own driver. */
final class TopicJanitor {
    private static final Logger LOG = LoggerFactory.getLogger(TopicJanitor.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicJanitor() {
    }

    /** Best effort: topics that do not exist are fine, failures are logged, nothing is thrown. */
    static void deleteQuietly(String driver, String bootstrapServers, List<String> topics) {
        try (MessagingDriver d = DriverRegistry.load().get(driver).create()) {
            d.initialize(new DriverContext(bootstrapServers, Map.of(), Map.of(), Map.of(), Map.of(), (short) 1,
                    EpochNanoClock.system()));
            d.deleteTopics(topics, TIMEOUT);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the topics {} of a failed fork: {}", topics, e.getMessage());
        }
    }
}
