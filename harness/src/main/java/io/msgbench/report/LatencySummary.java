package io.msgbench.report;

import org.HdrHistogram.Histogram;

/**
 * A latency histogram reduced to the figures OMB keeps per period (mean, p50 … p99.999, max), in nanoseconds:
 * periods keep these instead of their histograms, which would cost ~200 KB each.
 */
public record LatencySummary(long count, double mean, long p50, long p75, long p95, long p99, long p999, long p9999,
                             long p99999, long max) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0.0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** HdrHistogram's figures of {@code h} (nanoseconds); {@link #EMPTY} (zeros, as HdrHistogram reports) when it holds nothing. */
    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50), h.getValueAtPercentile(75),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                h.getValueAtPercentile(99.99), h.getValueAtPercentile(99.999), h.getMaxValue());
    }
}
