/**
 * JMH-compatible result files: the JMH-shaped view of a result ({@link io.msgbench.report.jmh.JmhBenchmarkResult},
 * {@link io.msgbench.report.jmh.JmhMetric}), JMH 1.37's statistics ({@link io.msgbench.report.jmh.JmhStatistics}),
 * and a writer and reader for JMH's JSON ({@link io.msgbench.report.jmh.JmhJsonWriter},
 * {@link io.msgbench.report.jmh.JmhJsonReader}).
 *
 * <p>Compatibility is exact, not approximate: golden tests read real JMH 1.37 files, write them back and compare
 * bytes, and recompute every score, error, interval and percentile from the raw data with equality, not tolerance.
 */
package io.msgbench.report.jmh;
