package dev.sim.kernel.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks each sampler statistically (fixed seeds, ≥ 200,000 draws, tolerances of several standard
 * errors), pins its first samples bit for bit, and checks its draw count, validation and text.
 */
@Tag("golden")
class DistributionsTest {
  private static final int N = 200_000;
  private static final double MS = 1e6;

  private static double[] draw(Distribution d, long seed, int n) {
    Rng rng = new Rng(seed);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = d.sample(rng);
    }
    return xs;
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  private static double variance(double[] xs) {
    double m = mean(xs);
    double s = 0;
    for (double x : xs) {
      s += (x - m) * (x - m);
    }
    return s / (xs.length - 1);
  }

  private static double quantile(double[] xs, double p) {
    double[] sorted = xs.clone();
    Arrays.sort(sorted);
    return sorted[(int) (p * (sorted.length - 1))];
  }

  // ------------------------------------------------------------------ statistics

  @Test
  void shouldAlwaysReturnTheConstant() {
    Distribution d = Distributions.constant(5 * MS);
    Rng rng = new Rng(1);
    for (int i = 0; i < 100; i++) {
      assertThat(d.sample(rng)).isEqualTo(5 * MS);
    }
    assertThat(d.mean()).isEqualTo(5 * MS);
    assertThat(d.sampleNanos(rng)).isEqualTo(5_000_000L);
  }

  @Test
  void shouldSampleUniformlyBetweenMinAndMax() {
    Distribution d = Distributions.uniform(1 * MS, 3 * MS);
    double[] xs = draw(d, 101, N);
    double min = Arrays.stream(xs).min().orElseThrow();
    double max = Arrays.stream(xs).max().orElseThrow();
    assertThat(min).isGreaterThanOrEqualTo(1 * MS).isLessThan(1.001 * MS);
    assertThat(max).isLessThan(3 * MS).isGreaterThan(2.999 * MS);
    assertThat(mean(xs)).isCloseTo(2 * MS, withPercentage(0.5));
    assertThat(d.mean()).isEqualTo(2 * MS);
    // Variance of U(a, b) is (b − a)²/12.
    assertThat(variance(xs)).isCloseTo(4 * MS * MS / 12, withPercentage(2));
    assertThat(quantile(xs, 0.25)).isCloseTo(1.5 * MS, withPercentage(1));
  }

  @Test
  void shouldSampleExponentialWithTheGivenMean() {
    Distribution d = Distributions.exponential(5 * MS);
    double[] xs = draw(d, 102, N);
    assertThat(mean(xs)).isCloseTo(5 * MS, withPercentage(1));
    assertThat(variance(xs)).isCloseTo(25 * MS * MS, withPercentage(3));
    // Median of an exponential is mean·ln 2.
    assertThat(quantile(xs, 0.5)).isCloseTo(5 * MS * Math.log(2), withPercentage(1.5));
    assertThat(d.mean()).isEqualTo(5 * MS);
  }

  @Test
  void shouldSampleNormalClampedAtZero() {
    Distribution d = Distributions.normal(5 * MS, 2 * MS);
    double[] xs = draw(d, 103, N);
    assertThat(mean(xs)).isCloseTo(d.mean(), withPercentage(0.5));
    assertThat(Math.sqrt(variance(xs))).isCloseTo(2 * MS, withPercentage(1.5));
    assertThat(quantile(xs, 0.5)).isCloseTo(5 * MS, withPercentage(1));
    // Clamping keeps P(X < 0) = Φ(−2.5) ≈ 0.0062 as an atom at exactly 0.
    long zeros = Arrays.stream(xs).filter(x -> x == 0).count();
    assertThat(Arrays.stream(xs).min().orElseThrow()).isEqualTo(0.0);
    assertThat((double) zeros / N).isCloseTo(0.00621, within(0.001));
  }

  @Test
  void shouldReportTheMeanOfTheClampedNormal() {
    // A third of the mass below zero: μΦ(μ/σ) + σφ(μ/σ) = 1·0.69146246 + 2·0.35206533 = 1.39559311
    // ms.
    Distribution d = Distributions.normal(1 * MS, 2 * MS);
    assertThat(d.mean()).isCloseTo(1.395_593_11 * MS, within(1.0));
    double[] xs = draw(d, 104, N);
    assertThat(mean(xs)).isCloseTo(d.mean(), withPercentage(1));
    long zeros = Arrays.stream(xs).filter(x -> x == 0).count();
    assertThat((double) zeros / N).isCloseTo(0.30854, within(0.004));
    assertThat(Distributions.normal(0, 1 * MS).mean())
        .isCloseTo(MS / Math.sqrt(2 * Math.PI), within(1e-6));
    assertThat(Distributions.normal(3 * MS, 0).mean()).isEqualTo(3 * MS);
    assertThat(Distributions.normal(3 * MS, 0).sample(new Rng(1))).isEqualTo(3 * MS);
  }

  @Test
  void shouldComputeTheNormalDistributionFunctionAccurately() {
    // Reference values of Φ to 16 significant digits.
    assertThat(Distributions.standardNormalCdf(0)).isEqualTo(0.5);
    assertThat(Distributions.standardNormalCdf(1)).isCloseTo(0.8413447460685429, within(1e-15));
    assertThat(Distributions.standardNormalCdf(-2)).isCloseTo(0.02275013194817921, within(1e-15));
    assertThat(Distributions.standardNormalCdf(3)).isCloseTo(0.9986501019683699, within(1e-15));
    assertThat(Distributions.standardNormalCdf(-5)).isCloseTo(2.866515718791939e-7, within(1e-20));
    assertThat(Distributions.standardNormalCdf(-10))
        .isCloseTo(7.619853024160527e-24, within(1e-36));
    assertThat(Distributions.standardNormalCdf(50)).isEqualTo(1.0);
    assertThat(Distributions.standardNormalCdf(-50)).isEqualTo(0.0);
  }

  @Test
  void shouldSampleLognormalWithTheGivenPercentiles() {
    Distribution d = Distributions.lognormal(2 * MS, 20 * MS);
    double[] xs = draw(d, 105, N);
    assertThat(quantile(xs, 0.50)).isCloseTo(2 * MS, withPercentage(1.5));
    assertThat(quantile(xs, 0.99)).isCloseTo(20 * MS, withPercentage(3));
    // σ = ln 10 / 2.326 = 0.98979, so the mean is 2 ms · e^(σ²/2) = 3.2641 ms.
    assertThat(d.mean()).isCloseTo(3.264_102 * MS, within(1.0));
    assertThat(mean(xs)).isCloseTo(d.mean(), withPercentage(1.5));
    assertThat(Arrays.stream(xs).min().orElseThrow()).isGreaterThan(0);
  }

  @Test
  void shouldSampleLognormalWithTheGivenMeanAndStddev() {
    Distribution d = Distributions.lognormalMeanStddev(5 * MS, 2 * MS);
    double[] xs = draw(d, 106, N);
    assertThat(d.mean()).isEqualTo(5 * MS);
    assertThat(mean(xs)).isCloseTo(5 * MS, withPercentage(0.5));
    assertThat(Math.sqrt(variance(xs))).isCloseTo(2 * MS, withPercentage(2));
    // A zero stddev is a constant.
    assertThat(Distributions.lognormalMeanStddev(5 * MS, 0).sample(new Rng(1)))
        .isCloseTo(5 * MS, withPercentage(1e-9));
  }

  @Test
  void shouldSampleParetoAboveItsScaleWithAPowerLawTail() {
    Distribution d = Distributions.pareto(1 * MS, 3);
    double[] xs = draw(d, 107, N);
    assertThat(Arrays.stream(xs).min().orElseThrow()).isGreaterThanOrEqualTo(1 * MS);
    assertThat(d.mean()).isEqualTo(1.5 * MS);
    assertThat(mean(xs)).isCloseTo(1.5 * MS, withPercentage(1));
    // P(X > 2·scale) = 2^−shape = 1/8.
    long above = Arrays.stream(xs).filter(x -> x > 2 * MS).count();
    assertThat((double) above / N).isCloseTo(0.125, within(0.003));
    assertThat(quantile(xs, 0.5)).isCloseTo(MS * Math.pow(2, 1.0 / 3), withPercentage(1));
    assertThat(Distributions.pareto(1 * MS, 1).mean()).isInfinite();
    assertThat(Distributions.pareto(1 * MS, 0.5).mean()).isInfinite();
  }

  @Test
  void shouldPickEmpiricalValuesInProportionToTheirWeights() {
    Distribution d =
        Distributions.empirical(
            new double[] {1 * MS, 2 * MS, 9 * MS, 5 * MS}, new double[] {1, 1, 0, 2});
    double[] xs = draw(d, 108, N);
    assertThat(fraction(xs, 1 * MS)).isCloseTo(0.25, within(0.005));
    assertThat(fraction(xs, 2 * MS)).isCloseTo(0.25, within(0.005));
    assertThat(fraction(xs, 5 * MS)).isCloseTo(0.50, within(0.005));
    assertThat(fraction(xs, 9 * MS)).as("a value with weight 0 is never drawn").isZero();
    assertThat(d.mean()).isEqualTo(3.25 * MS);
    assertThat(mean(xs)).isCloseTo(3.25 * MS, withPercentage(1));
  }

  @Test
  void shouldWeightEmpiricalValuesEquallyWithoutWeights() {
    Distribution d = Distributions.empirical(new double[] {1 * MS, 2 * MS, 3 * MS}, null);
    double[] xs = draw(d, 109, N);
    for (double v : new double[] {1 * MS, 2 * MS, 3 * MS}) {
      assertThat(fraction(xs, v)).isCloseTo(1.0 / 3, within(0.005));
    }
    assertThat(d.mean()).isEqualTo(2 * MS);
    Distribution single = Distributions.empirical(new double[] {7}, null);
    assertThat(single.sample(new Rng(1))).isEqualTo(7);
  }

  @Test
  void shouldNeverDrawAZeroWeightValueAtTheEndOfTheTable() {
    Distribution d = Distributions.empirical(new double[] {1, 2, 3}, new double[] {0, 1, 0});
    Rng rng = new Rng(3);
    for (int i = 0; i < 10_000; i++) {
      assertThat(d.sample(rng)).isEqualTo(2);
    }
  }

  @Test
  void shouldNotBeChangedByTheCallersArrays() {
    double[] values = {1, 2};
    double[] weights = {1, 0};
    Distribution d = Distributions.empirical(values, weights);
    values[0] = 100;
    weights[0] = 0;
    weights[1] = 1;
    assertThat(d.sample(new Rng(1))).isEqualTo(1);
  }

  private static double fraction(double[] xs, double v) {
    return (double) Arrays.stream(xs).filter(x -> x == v).count() / xs.length;
  }

  // ------------------------------------------------------------------ determinism

  @Test
  void shouldProduceThePinnedSamplesForSeed7() {
    // StrictMath makes these bit-identical on every JVM; a change here changes every scenario.
    assertPinned(
        Distributions.uniform(1 * MS, 3 * MS),
        2401152.9643593794,
        1557502.4589475687,
        2679254.9237528397);
    assertPinned(
        Distributions.exponential(5 * MS), 7729351.784973817, 1052480.995077708, 5911081.82983675);
    assertPinned(
        Distributions.normal(5 * MS, 2 * MS),
        4696854.509045773,
        6174199.16142516,
        5188943.722129875);
    assertPinned(
        Distributions.lognormal(2 * MS, 20 * MS),
        1721373.8026422367,
        3576017.520331993,
        2196036.2846803516);
    assertPinned(
        Distributions.lognormalMeanStddev(5 * MS, 2 * MS),
        4379059.735882601,
        5820638.039671306,
        4814458.095462546);
    assertPinned(
        Distributions.pareto(1 * MS, 1.5),
        1267738.3564933294,
        2343448.815360427,
        1123592.7033003024);
    assertPinned(
        Distributions.empirical(new double[] {1 * MS, 2 * MS, 5 * MS}, new double[] {1, 1, 2}),
        5000000.0,
        2000000.0,
        5000000.0);
  }

  private static void assertPinned(Distribution d, double... expected) {
    Rng rng = new Rng(7);
    for (double e : expected) {
      assertThat(d.sample(rng)).as(d.describe()).isEqualTo(e);
    }
  }

  /** The exponential's draws vary; ExponentialZigguratTest checks they never depend on the mean. */
  @Test
  void shouldDrawAFixedNumberOfValuesPerSample() {
    record Case(Distribution d, int draws) {}
    List<Case> cases =
        List.of(
            new Case(Distributions.constant(1), 0),
            new Case(Distributions.uniform(1, 2), 1),
            new Case(Distributions.uniform(2, 2), 1),
            new Case(Distributions.normal(1, 5), 2),
            new Case(Distributions.lognormal(1, 10), 2),
            new Case(Distributions.lognormalMeanStddev(10, 1), 2),
            new Case(Distributions.pareto(1, 0.5), 1),
            new Case(Distributions.empirical(new double[] {1, 2, 3}, null), 1));
    for (Case c : cases) {
      for (long seed = 0; seed < 20; seed++) {
        Rng sampled = new Rng(seed);
        Rng skipped = new Rng(seed);
        for (int i = 0; i < 50; i++) {
          c.d().sample(sampled);
        }
        for (int i = 0; i < 50 * c.draws(); i++) {
          skipped.nextLong();
        }
        assertThat(sampled.nextLong()).as(c.d().describe()).isEqualTo(skipped.nextLong());
      }
    }
  }

  @Test
  void shouldRoundSamplesToWholeNonNegativeNanoseconds() {
    assertThat(Distributions.constant(2.5).sampleNanos(new Rng(1))).isEqualTo(3);
    assertThat(Distributions.constant(2.4).sampleNanos(new Rng(1))).isEqualTo(2);
    assertThat(Distributions.constant(0).sampleNanos(new Rng(1))).isZero();
  }

  // ------------------------------------------------------------------ validation and text

  @Test
  void shouldRejectInvalidParametersSayingWhatWasWrong() {
    assertRejected(() -> Distributions.constant(-1), "constant", "value", "≥ 0");
    assertRejected(() -> Distributions.constant(Double.NaN), "constant", "value", "NaN");
    assertRejected(() -> Distributions.uniform(-1, 2), "uniform", "min");
    assertRejected(
        () -> Distributions.uniform(3 * MS, 2 * MS), "uniform", "max must be at least min", "3ms");
    assertRejected(
        () -> Distributions.uniform(0, Double.POSITIVE_INFINITY), "uniform", "max", "Infinity");
    assertRejected(() -> Distributions.exponential(0), "exponential", "mean", "> 0", "constant(0)");
    assertRejected(() -> Distributions.exponential(-5 * MS), "exponential", "mean", "-5ms");
    assertRejected(() -> Distributions.normal(-1, 1), "normal", "mean");
    assertRejected(() -> Distributions.normal(1, -1), "normal", "stddev");
    assertRejected(() -> Distributions.lognormal(0, 1), "lognormal", "p50", "> 0");
    assertRejected(
        () -> Distributions.lognormal(20 * MS, 2 * MS), "lognormal", "p99 must be at least p50");
    assertRejected(() -> Distributions.lognormalMeanStddev(0, 1), "lognormal", "mean");
    assertRejected(() -> Distributions.lognormalMeanStddev(1, -1), "lognormal", "stddev");
    assertRejected(() -> Distributions.pareto(0, 1), "pareto", "scale");
    assertRejected(() -> Distributions.pareto(1, 0), "pareto", "shape");
    assertRejected(() -> Distributions.empirical(null, null), "empirical", "at least one value");
    assertRejected(
        () -> Distributions.empirical(new double[0], null), "empirical", "at least one value");
    assertRejected(
        () -> Distributions.empirical(new double[] {1, -2}, null), "empirical", "values[1]");
    assertRejected(
        () -> Distributions.empirical(new double[] {1, 2}, new double[] {1}),
        "empirical",
        "2 values and 1 weights");
    assertRejected(
        () -> Distributions.empirical(new double[] {1, 2}, new double[] {1, -1}),
        "empirical",
        "weights[1]");
    assertRejected(
        () -> Distributions.empirical(new double[] {1, 2}, new double[] {0, 0}),
        "empirical",
        "positive, finite sum");
    assertRejected(
        () -> Distributions.empirical(new double[] {1}, new double[] {Double.NaN}),
        "empirical",
        "weights[0]");
  }

  private static void assertRejected(Executable call, String... fragments) {
    assertThatThrownBy(call::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .contains(fragments);
  }

  @Test
  void shouldDescribeItselfInScenarioUnits() {
    assertThat(Distributions.constant(5 * MS).describe()).isEqualTo("constant(5ms)");
    assertThat(Distributions.uniform(250_000, 1.5e9).describe())
        .isEqualTo("uniform(min=250us, max=1.5s)");
    assertThat(Distributions.exponential(5 * MS).describe()).isEqualTo("exponential(mean=5ms)");
    assertThat(Distributions.normal(5 * MS, 0.25 * MS).describe())
        .isEqualTo("normal(mean=5ms, stddev=250us)");
    assertThat(Distributions.lognormal(2 * MS, 20 * MS).describe())
        .isEqualTo("lognormal(p50=2ms, p99=20ms)");
    assertThat(Distributions.lognormalMeanStddev(5 * MS, 2 * MS).describe())
        .isEqualTo("lognormal(mean=5ms, stddev=2ms)");
    assertThat(Distributions.pareto(1 * MS, 1.5).describe())
        .isEqualTo("pareto(scale=1ms, shape=1.5)");
    assertThat(Distributions.empirical(new double[] {1 * MS, 20 * MS}, null).describe())
        .isEqualTo("empirical(values=[1ms, 20ms])");
    assertThat(
            Distributions.empirical(new double[] {1 * MS, 20 * MS}, new double[] {3, 1}).describe())
        .isEqualTo("empirical(values=[1ms, 20ms], weights=[3, 1])");
    assertThat(Distributions.empirical(new double[10], null).describe())
        .isEqualTo("empirical(values=[0ns, 0ns, 0ns, 0ns, 0ns, 0ns, 0ns, 0ns, … 2 more])");
    assertThat(Distributions.exponential(5 * MS).toString()).isEqualTo("exponential(mean=5ms)");
  }

  @Test
  void shouldFormatDurationsWithTheLargestReadableUnit() {
    assertThat(Distributions.duration(0)).isEqualTo("0ns");
    assertThat(Distributions.duration(999)).isEqualTo("999ns");
    assertThat(Distributions.duration(1500)).isEqualTo("1.5us");
    assertThat(Distributions.duration(2 * MS)).isEqualTo("2ms");
    assertThat(Distributions.duration(1.2345 * MS)).isEqualTo("1.234ms");
    assertThat(Distributions.duration(90e9)).isEqualTo("90s");
    assertThat(Distributions.duration(0.5)).isEqualTo("0.5ns");
  }

  @Test
  void shouldCompareEqualWhenBuiltFromEqualParameters() {
    assertThat(Distributions.exponential(5 * MS)).isEqualTo(Distributions.exponential(5 * MS));
    assertThat(Distributions.lognormal(2 * MS, 20 * MS))
        .isEqualTo(Distributions.lognormal(2 * MS, 20 * MS));
    assertThat(Distributions.uniform(1, 2)).isNotEqualTo(Distributions.uniform(1, 3));
  }
}
