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
}
