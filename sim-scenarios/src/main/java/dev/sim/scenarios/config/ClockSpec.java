package dev.sim.scenarios.config;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Problem;
import java.util.List;

/**
 * One clock: an offset drawn once per node at start (a constant distribution for a fixed offset;
 * offsets may be negative, so the distribution's values are signed nanoseconds) and a drift.
 *
 * @param offset signed offset in nanoseconds
 * @param driftPpm drift in parts per million (positive runs fast)
 */
public record ClockSpec(
    @Param(
            doc =
                "How far the clock is from true time, drawn once per node at the start: a signed"
                    + " duration like -5ms, {dist: uniform, min, max} or {dist: constant, value}.",
            unit = Unit.DISTRIBUTION,
            defaultValue = "0s")
        SignedDistribution offset,
    @Param(
            doc = "Drift in parts per million; positive runs fast (200 is 0.02%, 17s a day).",
            unit = Unit.NUMBER,
            defaultValue = "0")
        double driftPpm) {

  /** The drift must leave the clock running forwards. */
  List<Problem> check() {
    if (Math.abs(driftPpm) < 1_000_000) {
      return List.of();
    }
    return List.of(
        new Problem(
            "driftPpm",
            "expected a drift in parts per million between -1000000 and 1000000 (200 is 0.02%),"
                + " found "
                + Units.formatNumber(driftPpm)));
  }
}
