package io.msgbench.driver.kafka.broker;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.broker.BrokerUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.SupportedVersionRange;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A Kafka cluster msgbench did not start ({@code --bootstrap}); {@link #connect} checks that it answers
 * before any benchmark work, so a typo in the address is one clear error instead of clients retrying.
 */
public final class ExternalKafkaCluster implements BrokerHandle {
    /** The longest {@link #connect} may be told to wait. */
    public static final Duration MAX_TIMEOUT = BrokerClientSettings.ERROR_BOUND;

    private final String bootstrapServers;
    private final String version;
    private final Map<String, String> settings;

    private ExternalKafkaCluster(String bootstrapServers, String version, Map<String, String> settings) {
        this.bootstrapServers = bootstrapServers;
        this.version = version;
        this.settings = settings;
    }

    /** {@link #connect(String, Map, Duration)} without client settings (a plaintext cluster). */
    public static ExternalKafkaCluster connect(String bootstrapServers, Duration timeout) {
        return connect(bootstrapServers, Map.of(), timeout);
    }

    /**
     * Connects with an admin client and asks the cluster to describe itself.
     *
     * @param clientProperties extra admin client settings, e.g. {@code security.protocol} and SASL settings
     *                         of a secured cluster; its timeouts are msgbench's
     * @param timeout          at most {@link #MAX_TIMEOUT}
     * @throws BrokerUnavailableException when the cluster does not answer within {@code timeout}, or refuses
     */
    public static ExternalKafkaCluster connect(String bootstrapServers, Map<String, String> clientProperties,
                                               Duration timeout) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("A Kafka bootstrap address (host:port) is required");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("Connection timeout must be between 0 and " + MAX_TIMEOUT.toSeconds()
                    + " s, got " + timeout);
        }
        String address = bootstrapServers.trim();
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.putAll(BrokerClientSettings.admin(timeout));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "msgbench-probe");
        Admin admin;
        try {
            admin = Admin.create(config);
        } catch (KafkaException e) {
            // Unresolvable host names and malformed addresses fail here, before any network traffic.
            throw new BrokerUnavailableException("Kafka cluster at " + address + " cannot be contacted: "
                    + Messages.rootMessage(e), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            requireAnyListening(address, timeout);
            DescribeClusterResult cluster = admin.describeCluster();
            Collection<Node> nodes = await(cluster.nodes(), deadline);
            Map<String, String> settings = new TreeMap<>();
            settings.put("bootstrap.servers", address);
            settings.put("cluster.id", String.valueOf(await(cluster.clusterId(), deadline)));
            settings.put("broker.count", Integer.toString(nodes.size()));
            Optional<FeatureMetadata> features = features(admin, deadline);
            features.flatMap(ExternalKafkaCluster::finalizedMetadataVersion)
                    .ifPresent(mv -> settings.put("metadata.version", mv));
            String version = features.flatMap(ExternalKafkaCluster::releaseLine).orElse("unknown");
            return new ExternalKafkaCluster(address, version, Map.copyOf(settings));
        } catch (TimeoutException | ExecutionException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new BrokerUnavailableException("Kafka cluster at " + address + " did not answer within "
                        + Messages.duration(timeout), cause);
            }
            throw new BrokerUnavailableException("Kafka cluster at " + address + " refused msgbench's admin client: "
                    + Messages.rootMessage(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while connecting to the Kafka cluster at " + address, e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    /**
     * Fails fast when no bootstrap address accepts a TCP connection at all: the admin client would retry a
     * refused port until its timeout, and a typo in a port should not cost 30 s. Addresses that do accept
     * are left to the admin round trip, which proves they are Kafka.
     */
    private static void requireAnyListening(String bootstrapServers, Duration timeout) {
        int connectMillis = (int) Math.min(timeout.toMillis(), 5_000);
        StringBuilder problems = new StringBuilder();
        for (String server : bootstrapServers.split(",")) {
            String hostPort = server.trim().replaceFirst("^[A-Za-z_]+://", "");
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                continue; // malformed addresses were rejected by the admin client already
            }
            String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1))), connectMillis);
                return;
            } catch (IOException | IllegalArgumentException e) {
                problems.append(problems.length() == 0 ? "" : "; ").append(hostPort).append(": ")
                        .append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        if (problems.length() > 0) {
            throw new BrokerUnavailableException("No Kafka broker answers at " + bootstrapServers + " (" + problems + ")");
        }
    }

    /** The feature levels, when the cluster reports them (Kafka 2.7 and later); old clusters simply have none. */
    private static Optional<FeatureMetadata> features(Admin admin, long deadline) throws InterruptedException {
        try {
            return Optional.of(await(admin.describeFeatures().featureMetadata(), deadline));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> finalizedMetadataVersion(FeatureMetadata features) {
        FinalizedVersionRange level = features.finalizedFeatures().get(MetadataVersion.FEATURE_NAME);
        return level == null ? Optional.empty() : metadataVersion(level.maxVersionLevel()).map(MetadataVersion::version);
    }

    /**
     * The broker software's release line ({@code 4.4}), read from the highest {@code metadata.version} it
     * supports: the Kafka protocol has no call that returns the broker's version.
     */
    private static Optional<String> releaseLine(FeatureMetadata features) {
        SupportedVersionRange range = features.supportedFeatures().get(MetadataVersion.FEATURE_NAME);
        return range == null ? Optional.empty() : metadataVersion(range.maxVersion()).map(MetadataVersion::shortVersion);
    }

    private static Optional<MetadataVersion> metadataVersion(short level) {
        try {
            return Optional.of(MetadataVersion.fromFeatureLevel(level));
        } catch (IllegalArgumentException newerThanThisClient) {
            return Optional.empty();
        }
    }

    private static <T> T await(KafkaFuture<T> future, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        // The admin client's own timeouts fire first; this bound only guards against one that does not.
        long left = Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(2);
        return future.get(left, TimeUnit.NANOSECONDS);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String kind() {
        return "external";
    }

    /**
     * The cluster's Kafka release line, e.g. {@code 4.4}, derived from the highest metadata.version its
     * brokers support; {@code unknown} for clusters that do not report one (ZooKeeper-era Kafka).
     */
    @Override
    public String version() {
        return version;
    }

    /** {@code bootstrap.servers}, {@code cluster.id}, {@code broker.count} and, if reported, {@code metadata.version}. */
    @Override
    public Map<String, String> settings() {
        return settings;
    }


    /** Nothing to release: msgbench does not own the cluster. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "external Kafka " + version + " at " + bootstrapServers;
    }
}
