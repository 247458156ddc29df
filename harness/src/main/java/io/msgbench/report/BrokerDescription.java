package io.msgbench.report;

import java.util.Map;

/** Which cluster a run used, as recorded in the result. */
public record BrokerDescription(String kind, String version, String bootstrapServers, Map<String, String> settings) {
    public BrokerDescription {
        settings = Map.copyOf(settings);
    }
}
