package io.msgbench.testing;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.driver.kafka.broker.EmbeddedBrokerOptions;
import io.msgbench.driver.kafka.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded Kafka broker per test JVM: a broker takes seconds to start, so test classes share it.
 * The first class that uses the extension starts it; JUnit closes it when all tests of the JVM are done
 * (it lives in the root context's store, which closes {@link AutoCloseable} values).
 *
 * <pre>{@code
 * @Tag("integration")
 * @ExtendWith(SharedKafkaBroker.class)
 * class MyIT {
 *     @Test void works(BrokerHandle broker) { ... broker.bootstrapServers() ... }
 *     // or SharedKafkaBroker.bootstrapServers() anywhere after the extension ran
 * }
 * }</pre>
 *
 * Tests that stop, freeze or kill a broker must start their own with {@link EmbeddedKafkaBroker#start}.
 * Topics are shared too: give each test its own topic names.
 */
public final class SharedKafkaBroker implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafkaBroker.class);

    private static volatile BrokerHandle started;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BrokerHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    /** The shared broker; fails when no test class of this JVM has used the extension yet. */
    public static BrokerHandle broker() {
        BrokerHandle b = started;
        if (b == null) {
            throw new IllegalStateException("No shared Kafka broker: annotate the test class with "
                    + "@ExtendWith(SharedKafkaBroker.class)");
        }
        return b;
    }

    /** The shared broker's {@code bootstrap.servers}. */
    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    private static BrokerHandle broker(ExtensionContext context) {
        BrokerHandle b = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                EmbeddedKafkaBroker.class, k -> EmbeddedKafkaBroker.start(EmbeddedBrokerOptions.defaults()),
                EmbeddedKafkaBroker.class);
        started = b;
        return b;
    }
}
