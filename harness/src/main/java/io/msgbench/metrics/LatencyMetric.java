package io.msgbench.metrics;

/**
 * The five latencies msgbench records, each the difference of two stamps taken on one
 * {@link EpochNanoClock}. "Corrected" latencies start at the intended time of the message in the
 * rate schedule, so a stall that delays sending is counted against every message it delayed
 * (no coordinated omission).
 */
public enum LatencyMetric {
    /** ack − send: how long the client and broker took to acknowledge. */
    PUBLISH_LATENCY("publishLatency"),
    /** send − intended: how late the generator was against its schedule. */
    PUBLISH_DELAY_LATENCY("publishDelayLatency"),
    /** receive − send: handed to the application, measured from the send call. */
    END_TO_END_LATENCY("endToEndLatency"),
    /** ack − intended. */
    PUBLISH_LATENCY_CORRECTED("publishLatencyCorrected"),
    /** receive − intended. */
    END_TO_END_LATENCY_CORRECTED("endToEndLatencyCorrected");

    private static final LatencyMetric[] VALUES = values();

    private final String resultName;

    LatencyMetric(String resultName) {
        this.resultName = resultName;
    }

    /** The name used in result files, e.g. {@code endToEndLatencyCorrected}. */
    public String resultName() {
        return resultName;
    }

    /** {@link #values()} without the defensive copy. */
    static LatencyMetric[] all() {
        return VALUES;
    }

    /** The result names of all five, in order. */
    public static java.util.List<String> resultNames() {
        return java.util.Arrays.stream(VALUES).map(LatencyMetric::resultName).toList();
    }

    public static LatencyMetric byResultName(String name) {
        for (LatencyMetric m : VALUES) {
            if (m.resultName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown latency metric: " + name);
    }
}
