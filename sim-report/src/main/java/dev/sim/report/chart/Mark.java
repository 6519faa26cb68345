package dev.sim.report.chart;

/**
 * An instant marked on a time chart: a node crash that no fault window explains (e.g. an
 * out-of-memory crash), drawn as a thin line with a cross at the top.
 *
 * @param kind what happened, e.g. {@code crash}
 * @param seconds simulated time
 * @param node instance name
 * @param reason why, e.g. {@code out of memory}
 */
public record Mark(String kind, double seconds, String node, String reason) {}
