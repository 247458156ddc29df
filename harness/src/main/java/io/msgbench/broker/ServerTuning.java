package io.msgbench.broker;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the user tunes the servers msgbench starts for a run ({@code --broker-heap}, {@code --broker-config}): the
 * heap of their JVM and any server setting. The system checks them before any server starts, and its servers record
 * them in {@link BrokerHandle#settings()}, so the result file says what ran.
 *
 * @param heap     the servers' JVM heap ({@code -Xms} and {@code -Xmx}), e.g. {@code 2g}; null for the system's default
 * @param settings server settings over the system's defaults, in the order given
 */
public record ServerTuning(String heap, Map<String, String> settings) {
    /** No tuning: the system's defaults. */
    public static final ServerTuning NONE = new ServerTuning(null, Map.of());

    private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

    public ServerTuning {
        if (heap != null && !HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("--broker-heap " + heap + ": a size like 512m or 2g");
        }
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    public boolean isEmpty() {
        return heap == null && settings.isEmpty();
    }
}
