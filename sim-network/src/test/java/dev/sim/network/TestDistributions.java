package dev.sim.network;

import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Rng;

/**
 * Small distributions local to these tests, so that the golden values depend only on the network
 * and the kernel, not on the kernel's sampler library.
 */
public final class TestDistributions {
  private TestDistributions() {}

  /** Always {@code value}; draws nothing. */
  public static Distribution constant(double value) {
    return new Distribution() {
      @Override
      public double sample(Rng rng) {
        return value;
      }

      @Override
      public double mean() {
        return value;
      }

      @Override
      public String describe() {
        return "constant(" + value + ")";
      }
    };
  }

  /** Uniform over [min, max); one draw. */
  public static Distribution uniform(double min, double max) {
    return new Distribution() {
      @Override
      public double sample(Rng rng) {
        return min + rng.nextDouble() * (max - min);
      }

      @Override
      public double mean() {
        return (min + max) / 2;
      }

      @Override
      public String describe() {
        return "uniform(" + min + ", " + max + ")";
      }
    };
  }

  /** Lognormal with median {@code median} and log-space sigma {@code sigma}; two draws. */
  public static Distribution lognormal(double median, double sigma) {
    return new Distribution() {
      @Override
      public double sample(Rng rng) {
        // Box-Muller, one normal per sample, StrictMath for reproducibility.
        double u1 = rng.nextDoubleNonZero();
        double u2 = rng.nextDouble();
        double z =
            StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        return median * StrictMath.exp(sigma * z);
      }

      @Override
      public double mean() {
        return median * StrictMath.exp(sigma * sigma / 2);
      }

      @Override
      public String describe() {
        return "lognormal(median=" + median + ", sigma=" + sigma + ")";
      }
    };
  }
}
