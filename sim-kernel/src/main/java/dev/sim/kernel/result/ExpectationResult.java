package dev.sim.kernel.result;

/**
 * One checked expectation.
 *
 * @param check the expectation as written, e.g. {@code yield >= 0.99}
 * @param actual the value measured (NaN when undefined)
 * @param ok whether it held
 */
public record ExpectationResult(String check, double actual, boolean ok) {}
