package io.msgbench.testing;

import io.msgbench.driver.DriverFactory;
import io.msgbench.driver.MessagingDriver;
import java.util.Set;

/**
 * A driver that only names itself and the settings its clients know: for planning and file-reading tests,
 * which never create a client.
 */
public record ConfigOnlyDriverFactory(String name, String clientVersion, Set<String> producerConfigNames,
                                      Set<String> consumerConfigNames, Set<String> ombDriverClasses)
        implements DriverFactory {
    /** A driver that stands in for no OMB driver. */
    public ConfigOnlyDriverFactory(String name, String clientVersion, Set<String> producerConfigNames,
                                   Set<String> consumerConfigNames) {
        this(name, clientVersion, producerConfigNames, consumerConfigNames, Set.of());
    }

    @Override
    public MessagingDriver create() {
        throw new UnsupportedOperationException("a configuration-only test driver has no clients");
    }
}
