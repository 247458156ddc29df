package io.msgbench.metrics;

/**
 * How far a worker's epoch clock is from the coordinator's, estimated NTP's way: of several request/answer
 * exchanges, the one with the shortest round trip; the worker read its clock somewhere inside that round trip, so
 * the offset is known within ± half of it.
 *
 * @param atEpochNanos     when it was estimated, on the coordinator's clock
 * @param offsetNanos      worker clock − coordinator clock
 * @param uncertaintyNanos half the round trip of the exchange used
 */
public record ClockOffset(long atEpochNanos, long offsetNanos, long uncertaintyNanos) {
    /**
     * How fast two clocks may drift apart, as a fraction: 100 ppm, the frequency tolerance NTP assumes of an
     * undisciplined clock (a disciplined one stays well within it). An estimate's uncertainty grows by it with age.
     */
    public static final double MAX_DRIFT = 100e-6;

    /** This estimate's uncertainty at {@code epochNanos}: its own, grown by the drift the clocks may have had since. */
    public long uncertaintyAt(long epochNanos) {
        return uncertaintyNanos + (long) (MAX_DRIFT * Math.max(0, epochNanos - atEpochNanos));
    }

    /**
     * Of this estimate and a newer one, the better at the newer one's time: NTP's clock filter in short. An exchange
     * delayed by a busy host has a wide round trip; it does not replace a tight estimate taken a little earlier.
     */
    public ClockOffset better(ClockOffset newer) {
        return uncertaintyAt(newer.atEpochNanos) < newer.uncertaintyNanos ? this : newer;
    }
    /**
     * What to add to a time read on {@code other}'s clock to put it on this one's: the difference of the two offsets,
     * when it exceeds their uncertainties together; otherwise the clocks cannot be told apart, and correcting by the
     * difference would only add the estimates' own error (on one host, sub-millisecond latencies would turn negative).
     */
    public long correctionFrom(ClockOffset other) {
        long difference = offsetNanos - other.offsetNanos;
        return Math.abs(difference) > uncertaintyNanos + other.uncertaintyNanos ? difference : 0;
    }
}
