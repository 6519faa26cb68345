package dev.sim.scenarios.config;

import dev.sim.kernel.random.Rng;

/**
 * A distribution of signed values (clock offsets may be negative, which {@code Distribution}'s
 * duration samplers do not allow): constant or uniform over [min, max].
 *
 * @param min smallest value, nanoseconds
 * @param max largest value, nanoseconds (equal to min for a constant)
 */
public record SignedDistribution(long min, long max) {
  /** A constant. */
  public static SignedDistribution constant(long v) {
    return new SignedDistribution(v, v);
  }

  /** Draws one value; a constant draws nothing from {@code rng}. */
  public long sample(Rng rng) {
    if (min == max) {
      return min;
    }
    return min + (long) (rng.nextDouble() * (max - min));
  }
}
