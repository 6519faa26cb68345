package dev.sim.kernel.random;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Factories for the distributions of the scenario format ({@code constant}, {@code uniform}, {@code
 * exponential}, {@code normal}, {@code lognormal}, {@code pareto}, {@code empirical}).
 *
 * <p>Values are non-negative durations in nanoseconds, held as doubles. Every returned {@link
 * Distribution} is immutable and may be shared between threads and consumers; randomness comes only
 * from the {@link Rng} passed to {@link Distribution#sample}. Each sampler but the exponential
 * draws a fixed number of values from the stream per sample (stated on each factory); the
 * exponential's ziggurat draws again in about one sample in 45, as its stream's bits decide,
 * independently of the mean. So changing a distribution's parameters never shifts a stream's later
 * draws. Transcendental functions use {@link StrictMath}, so a stream gives bit-identical samples
 * on every JVM and CPU (determinism rule 5 in docs/architecture.md).
 *
 * <p>Invalid parameters throw {@link IllegalArgumentException} with a message that names the
 * distribution and the parameter and says what was expected and what was found.
 */
public final class Distributions {
  /** The standard normal quantile at 0.99: ln(p99) − ln(p50) = 2.326… σ for a lognormal. */
  static final double Z_99 = 2.3263478740408408;

  private static final double TWO_PI = 2 * Math.PI;

  private Distributions() {}

  /** Always {@code value} (≥ 0); draws nothing from the stream. */
  public static Distribution constant(double value) {
    requireNonNegative("constant", "value", value);
    return new Constant(value);
  }

  /** Uniform over [{@code min}, {@code max}) with 0 ≤ min ≤ max; one draw per sample. */
  public static Distribution uniform(double min, double max) {
    requireNonNegative("uniform", "min", min);
    requireNonNegative("uniform", "max", max);
    if (max < min) {
      throw new IllegalArgumentException(
          "uniform: max must be at least min, but max=" + show(max) + " < min=" + show(min));
    }
    return new Uniform(min, max);
  }

  /**
   * Exponential with the given positive {@code mean}, via {@link Rng#nextExponential} (a ziggurat):
   * one draw per sample in about 44 samples of 45, more in the rest.
   */
  public static Distribution exponential(double mean) {
    requirePositive("exponential", "mean", mean, "use constant(0) for no delay");
    return new Exponential(mean);
  }

  /**
   * Normal with the given {@code mean} (≥ 0) and {@code stddev} (≥ 0), clipped at 0 by clamping: a
   * negative draw becomes exactly 0 rather than being drawn again, so every sample takes exactly
   * two draws from the stream (Box–Muller, one value of the pair used). The clamp puts the
   * probability of the negative tail as an atom at 0 and raises the mean accordingly; {@link
   * Distribution#mean} reports the mean of the clamped distribution, μΦ(μ/σ) + σφ(μ/σ).
   */
  public static Distribution normal(double mean, double stddev) {
    requireNonNegative("normal", "mean", mean);
    requireNonNegative("normal", "stddev", stddev);
    return new Normal(mean, stddev, clampedNormalMean(mean, stddev));
  }

  /**
   * Lognormal given its median {@code p50} and 99th percentile {@code p99} (0 &lt; p50 ≤ p99): μ =
   * ln p50, σ = (ln p99 − ln p50) / 2.3263478740408408. Two draws per sample (Box–Muller).
   */
  public static Distribution lognormal(double p50, double p99) {
    requirePositive("lognormal", "p50", p50, null);
    requirePositive("lognormal", "p99", p99, null);
    if (p99 < p50) {
      throw new IllegalArgumentException(
          "lognormal: p99 must be at least p50, but p99=" + show(p99) + " < p50=" + show(p50));
    }
    double mu = StrictMath.log(p50);
    double sigma = (StrictMath.log(p99) - mu) / Z_99;
    double mean = StrictMath.exp(mu + sigma * sigma / 2);
    return new LogNormal(
        mu, sigma, mean, "lognormal(p50=" + duration(p50) + ", p99=" + duration(p99) + ")");
  }

  /**
   * Lognormal given its {@code mean} (&gt; 0) and {@code stddev} (≥ 0): σ² = ln(1 +
   * (stddev/mean)²), μ = ln mean − σ²/2. Two draws per sample (Box–Muller).
   */
  public static Distribution lognormalMeanStddev(double mean, double stddev) {
    requirePositive("lognormal", "mean", mean, null);
    requireNonNegative("lognormal", "stddev", stddev);
    double cv = stddev / mean;
    double variance = StrictMath.log1p(cv * cv);
    double mu = StrictMath.log(mean) - variance / 2;
    return new LogNormal(
        mu,
        StrictMath.sqrt(variance),
        mean,
        "lognormal(mean=" + duration(mean) + ", stddev=" + duration(stddev) + ")");
  }

  /**
   * Pareto (type I) with minimum {@code scale} (&gt; 0) and tail index {@code shape} (&gt; 0): P(X
   * &gt; x) = (scale/x)^shape for x ≥ scale. One draw per sample. The mean is scale·shape/(shape−1)
   * for shape &gt; 1 and infinite otherwise; with a small shape, single samples can be enormous.
   */
  public static Distribution pareto(double scale, double shape) {
    requirePositive("pareto", "scale", scale, null);
    requirePositive("pareto", "shape", shape, null);
    return new Pareto(scale, shape);
  }

  /**
   * One of {@code values} (each ≥ 0), chosen with probability proportional to its weight; {@code
   * weights} may be null for equal weights, otherwise it has one finite weight ≥ 0 per value and a
   * positive sum. One draw per sample (a cumulative table searched by bisection). The arrays are
   * copied.
   */
  public static Distribution empirical(double[] values, double[] weights) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("empirical: values must list at least one value");
    }
    for (int i = 0; i < values.length; i++) {
      requireNonNegative("empirical", "values[" + i + "]", values[i]);
    }
    double[] w;
    if (weights == null) {
      w = new double[values.length];
      Arrays.fill(w, 1.0);
    } else {
      if (weights.length != values.length) {
        throw new IllegalArgumentException(
            "empirical: weights must have one entry per value, but there are "
                + values.length
                + " values and "
                + weights.length
                + " weights");
      }
      for (int i = 0; i < weights.length; i++) {
        if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
          throw new IllegalArgumentException(
              "empirical: weights[" + i + "] must be a finite number ≥ 0, but was " + weights[i]);
        }
      }
      w = weights.clone();
    }
    double[] cumulative = new double[values.length];
    double total = 0;
    double weightedSum = 0;
    int lastPositive = -1;
    for (int i = 0; i < values.length; i++) {
      total += w[i];
      weightedSum += values[i] * w[i];
      cumulative[i] = total;
      if (w[i] > 0) {
        lastPositive = i;
      }
    }
    if (!(total > 0) || Double.isInfinite(total)) {
      throw new IllegalArgumentException(
          "empirical: weights must have a positive, finite sum, but the sum was " + total);
    }
    return new Empirical(
        values.clone(), weights == null ? null : w, cumulative, lastPositive, weightedSum / total);
  }

  // ------------------------------------------------------------------ implementations

  private record Constant(double value) implements Distribution {
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
      return "constant(" + duration(value) + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  private record Uniform(double min, double max) implements Distribution {
    @Override
    public double sample(Rng rng) {
      return min + (max - min) * rng.nextDouble();
    }

    @Override
    public double mean() {
      return min + (max - min) / 2;
    }

    @Override
    public String describe() {
      return "uniform(min=" + duration(min) + ", max=" + duration(max) + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  private record Exponential(double mean) implements Distribution {
    @Override
    public double sample(Rng rng) {
      return rng.nextExponential(mean);
    }

    @Override
    public String describe() {
      return "exponential(mean=" + duration(mean) + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  private record Normal(double mu, double sigma, double mean) implements Distribution {
    @Override
    public double sample(Rng rng) {
      double v = mu + sigma * standardNormal(rng);
      return v > 0 ? v : 0.0;
    }

    @Override
    public String describe() {
      return "normal(mean=" + duration(mu) + ", stddev=" + duration(sigma) + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  private record LogNormal(double mu, double sigma, double mean, String description)
      implements Distribution {
    @Override
    public double sample(Rng rng) {
      return StrictMath.exp(mu + sigma * standardNormal(rng));
    }

    @Override
    public String describe() {
      return description;
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  private record Pareto(double scale, double shape) implements Distribution {
    @Override
    public double sample(Rng rng) {
      // Inverse CDF: scale · U^(−1/shape) with U in (0, 1], so the smallest value is scale.
      return scale * StrictMath.pow(rng.nextDoubleNonZero(), -1.0 / shape);
    }

    @Override
    public double mean() {
      return shape > 1 ? scale * shape / (shape - 1) : Double.POSITIVE_INFINITY;
    }

    @Override
    public String describe() {
      return "pareto(scale=" + duration(scale) + ", shape=" + number(shape) + ")";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  private static final class Empirical implements Distribution {
    private static final int DESCRIBE_MAX = 8;

    private final double[] values;
    private final double[] weights;
    private final double[] cumulative;
    private final int lastPositive;
    private final double mean;

    Empirical(
        double[] values, double[] weights, double[] cumulative, int lastPositive, double mean) {
      this.values = values;
      this.weights = weights;
      this.cumulative = cumulative;
      this.lastPositive = lastPositive;
      this.mean = mean;
    }

    @Override
    public double sample(Rng rng) {
      double total = cumulative[cumulative.length - 1];
      double u = rng.nextDouble() * total;
      // The first entry whose cumulative weight exceeds u; zero-weight entries are never chosen.
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > u) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      // u * total can round up to total itself; then the last entry with weight is the answer.
      if (!(cumulative[lo] > u)) {
        lo = lastPositive;
      }
      return values[lo];
    }

    @Override
    public double mean() {
      return mean;
    }

    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder("empirical(values=[");
      list(sb, values, true);
      sb.append(']');
      if (weights != null) {
        sb.append(", weights=[");
        list(sb, weights, false);
        sb.append(']');
      }
      return sb.append(')').toString();
    }

    private static void list(StringBuilder sb, double[] xs, boolean durations) {
      int shown = Math.min(xs.length, DESCRIBE_MAX);
      for (int i = 0; i < shown; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(durations ? duration(xs[i]) : number(xs[i]));
      }
      if (xs.length > shown) {
        sb.append(", … ").append(xs.length - shown).append(" more");
      }
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  // ------------------------------------------------------------------ shared math

  /**
   * One standard normal variate by the Box–Muller transform: exactly two draws, the first in (0, 1]
   * so its logarithm is finite. Only the cosine branch is used, since the distributions are
   * immutable and keep no spare value between samples.
   */
  static double standardNormal(Rng rng) {
    double u1 = rng.nextDoubleNonZero();
    double u2 = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
  }

  /** E[max(0, X)] for X ~ N(μ, σ²): μΦ(μ/σ) + σφ(μ/σ). */
  static double clampedNormalMean(double mu, double sigma) {
    if (sigma == 0) {
      return Math.max(0, mu);
    }
    double z = mu / sigma;
    return mu * standardNormalCdf(z) + sigma * standardNormalDensity(z);
  }

  /** φ(x), the standard normal density. */
  static double standardNormalDensity(double x) {
    return StrictMath.exp(-0.5 * x * x) / StrictMath.sqrt(TWO_PI);
  }

  /**
   * Φ(x), the standard normal distribution function, to about 1e-15 absolute error. Near the centre
   * it sums Marsaglia's series Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/15 + …); in the tails it uses the
   * Laplace continued fraction for the Mills ratio, Q(x) = φ(x) / (x + 1/(x + 2/(x + …))).
   */
  static double standardNormalCdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double a = Math.abs(x);
    if (a < 3) {
      double sum = x;
      double term = x;
      double q = x * x;
      for (int i = 3; ; i += 2) {
        term *= q / i;
        double next = sum + term;
        if (next == sum) {
          break;
        }
        sum = next;
      }
      return 0.5 + sum * standardNormalDensity(x);
    }
    double upperTail;
    if (a > 40) {
      upperTail = 0;
    } else {
      double t = a;
      for (int k = 300; k >= 1; k--) {
        t = a + k / t;
      }
      upperTail = standardNormalDensity(a) / t;
    }
    return x > 0 ? 1 - upperTail : upperTail;
  }

  // ------------------------------------------------------------------ validation and text

  private static void requireNonNegative(String dist, String param, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          dist + ": " + param + " must be a finite duration ≥ 0, but was " + show(v));
    }
  }

  private static void requirePositive(String dist, String param, double v, String hint) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          dist
              + ": "
              + param
              + " must be a finite value > 0, but was "
              + show(v)
              + (hint == null ? "" : " (" + hint + ")"));
    }
  }

  /** A raw parameter for an error message: the nanoseconds and, when it reads better, a unit. */
  private static String show(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return String.valueOf(v);
    }
    String d = duration(v);
    return d.endsWith("ns") ? d : d + " (" + number(v) + "ns)";
  }

  /**
   * Formats nanoseconds with the largest unit that keeps the number at least 1: {@code 250ns},
   * {@code 1.5us}, {@code 20ms}, {@code 2.5s}, with at most three decimals and no trailing zeros.
   */
  public static String duration(double nanos) {
    if (Double.isNaN(nanos) || Double.isInfinite(nanos)) {
      return String.valueOf(nanos);
    }
    double a = Math.abs(nanos);
    if (a >= 1e9) {
      return number(nanos / 1e9) + "s";
    }
    if (a >= 1e6) {
      return number(nanos / 1e6) + "ms";
    }
    if (a >= 1e3) {
      return number(nanos / 1e3) + "us";
    }
    return number(nanos) + "ns";
  }

  private static String number(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return String.valueOf(x);
    }
    BigDecimal d = BigDecimal.valueOf(x).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }
}
