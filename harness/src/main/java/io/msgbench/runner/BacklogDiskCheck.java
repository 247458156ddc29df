package io.msgbench.runner;

import io.msgbench.broker.BrokerHandle;
import io.msgbench.scenario.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Before a backlog test: the broker must have room for the backlog (DESIGN §7.4). The backlog is counted
 * over subscriptions, but the broker stores each message once per topic (and replica), so the bytes
 * needed are the backlog per subscription, with {@link #HEADROOM} for what the warmup and the drain add
 * and for record overhead, plus {@link #RESERVE}.
 */
final class BacklogDiskCheck {
    static final double HEADROOM = 1.5;
    static final long RESERVE = 1L << 30;
    private static final double GIB = 1L << 30;

    private BacklogDiskCheck() {
    }

    /**
     * @return a note for the console when the space could not be checked (an external cluster)
     * @throws UserError when the broker's disk has too little room
     */
    static Optional<String> require(WorkloadSpec w, short replicationFactor, BrokerHandle broker) {
        if (!w.isBacklogTest()) {
            return Optional.empty();
        }
        Optional<Path> dir = broker.dataDirectory();
        if (dir.isEmpty()) {
            return Optional.of("# Backlog test: free disk space of the external cluster not checked");
        }
        long needed = needed(w) * replicationFactor; // an embedded cluster keeps every replica on this disk
        long usable;
        try {
            usable = Files.getFileStore(dir.get()).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the free space at " + dir.get(), e);
        }
        if (usable < needed) {
            throw new UserError(String.format(Locale.ROOT, "The backlog test needs %.2f GiB free for the broker at %s, "
                    + "only %.2f GiB are; lower consumerBacklogSizeGB", needed / GIB, dir.get(), usable / GIB));
        }
        return Optional.empty();
    }

    static long needed(WorkloadSpec w) {
        double stored = w.backlogMessages() / (double) Math.max(1, w.subscriptionsPerTopic()) * w.messageSize();
        return (long) (stored * HEADROOM) + RESERVE;
    }
}
