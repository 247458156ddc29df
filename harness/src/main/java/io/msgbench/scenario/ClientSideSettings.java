package io.msgbench.scenario;

import java.util.Map;

/**
 * The {@code producer.}/{@code consumer.}/{@code topic.} prefixes of parameter names (DESIGN §6): a
 * setting for one side only, whatever the client knows. One place for every planner.
 */
public final class ClientSideSettings {
    private ClientSideSettings() {
    }

    /**
     * Puts {@code name=value} into the side its prefix names, without the prefix.
     *
     * @return false when the name has none of the prefixes (nothing is put)
     */
    public static boolean putPrefixed(String name, String value, Map<String, String> producer,
                                      Map<String, String> consumer, Map<String, String> topic) {
        for (var side : Map.of("producer.", producer, "consumer.", consumer, "topic.", topic).entrySet()) {
            if (name.startsWith(side.getKey())) {
                side.getValue().put(name.substring(side.getKey().length()), value);
                return true;
            }
        }
        return false;
    }
}
