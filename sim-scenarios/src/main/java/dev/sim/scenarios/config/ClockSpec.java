package dev.sim.scenarios.config;

/**
 * One clock: an offset drawn once per node at start (a constant distribution for a fixed offset;
 * offsets may be negative, so the distribution's values are signed nanoseconds) and a drift.
 *
 * @param offset signed offset in nanoseconds
 * @param driftPpm drift in parts per million (positive runs fast)
 */
public record ClockSpec(SignedDistribution offset, double driftPpm) {}
