/**
 * Results as the tools CI already runs read them whole: Bencher's Metric Format and github-action-benchmark's custom
 * JSON, every latency percentile and rate a measure of its own, not only the primary score.
 */
package io.msgbench.report.ci;
