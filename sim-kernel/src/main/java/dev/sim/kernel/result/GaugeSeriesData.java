package dev.sim.kernel.result;

/**
 * A gauge of one node, per window.
 *
 * @param node node id
 * @param nodeName instance name
 * @param group node group
 * @param name gauge name, e.g. {@code queue}, {@code inflight}, {@code heapLiveMB}
 * @param mean time-weighted mean per window
 * @param max maximum per window
 */
public record GaugeSeriesData(
    int node, String nodeName, String group, String name, double[] mean, double[] max) {}
