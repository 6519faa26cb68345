package dev.sim.scenarios.config;

/**
 * One expectation, {@code METRIC OP VALUE}: e.g. {@code yield >= 0.99}, {@code latency.p99 < 200ms}
 * (durations compared in milliseconds), {@code counter.oom == 0}.
 *
 * @param text as written
 * @param metric {@code yield}, {@code harvest}, {@code latency.p50|p90|p99|p999|max|mean}, {@code
 *     requests.offered|ok|failed|timedOut|rejected|attempts}, {@code consistency.valid|ops|
 *     lostWrites|staleReads|siblingsMax|siblingsMean|divergentKeys|okShare|failShare|infoShare}
 *     (valid is 1 for true, 0 for false), or {@code counter.NAME} for a counter a node type of the
 *     scenario declares
 * @param op one of {@code < <= > >= == !=}
 * @param value the threshold in the metric's unit (milliseconds for latency)
 * @param location where it was written
 */
public record ExpectSpec(
    String text, String metric, String op, double value, SourceLocation location) {}
