package dev.sim.kernel.result;

/**
 * A named counter of one group, per window (whole run) and in total (after the warm-up).
 *
 * @param group node group
 * @param name counter name
 * @param total sum after the warm-up
 * @param perWindow increments per window, from window 0
 */
public record CounterSeries(String group, String name, long total, long[] perWindow) {}
