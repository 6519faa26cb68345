package dev.sim.kernel.random;

/**
 * A distribution of non-negative values, sampled with a caller-owned {@link Rng}.
 *
 * <p>Durations are sampled in nanoseconds. Implementations are immutable and use {@link StrictMath}
 * for transcendental functions so the same draws give the same values on every JVM. {@link
 * Distributions} makes the distributions of the scenario format.
 */
public interface Distribution {
  /** Draws one value. */
  double sample(Rng rng);

  /**
   * The distribution's exact (analytic) mean, used for documentation, sanity checks and analytic
   * tests; infinite for a Pareto with shape ≤ 1.
   */
  double mean();

  /** Draws one value rounded to a whole number of nanoseconds, never negative. */
  default long sampleNanos(Rng rng) {
    double v = sample(rng);
    return v <= 0 ? 0 : (long) (v + 0.5);
  }

  /** A short human-readable form, e.g. {@code exponential(mean=5ms)}. */
  String describe();
}
