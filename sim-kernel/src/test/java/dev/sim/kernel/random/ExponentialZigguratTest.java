package dev.sim.kernel.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The ziggurat must give exactly the exponential distribution: checked against the CDF over the
 * whole range (Kolmogorov–Smirnov and χ² over equiprobable bins), in the far tail that only the
 * tail branch produces, and in its moments. Seeds are fixed, so each check is deterministic; the
 * thresholds are the 99.9% points of each statistic. Accepting every wedge point fails four of
 * these tests, and returning the base layer's point instead of a tail sample fails the tail test.
 */
class ExponentialZigguratTest {
  private static final int N = 2_000_000;

  private static double[] sorted(long seed, int n) {
    Rng rng = new Rng(seed);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = ExponentialZiggurat.sample(rng);
    }
    Arrays.sort(xs);
    return xs;
  }

  @Test
  void shouldFollowTheExponentialCdfByKolmogorovSmirnov() {
    double[] xs = sorted(11, N);
    double d = 0;
    for (int i = 0; i < N; i++) {
      double cdf = -StrictMath.expm1(-xs[i]);
      d = Math.max(d, Math.max((i + 1.0) / N - cdf, cdf - (double) i / N));
    }
    // 99.9% critical value of the KS statistic: 1.949 / sqrt(n).
    assertThat(d).isLessThan(1.949 / Math.sqrt(N));
    assertThat(xs[0]).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void shouldFillEquiprobableBinsEvenlyByChiSquare() {
    int bins = 100;
    long[] counts = new long[bins];
    Rng rng = new Rng(12);
    for (int i = 0; i < N; i++) {
      double u = -StrictMath.expm1(-ExponentialZiggurat.sample(rng)); // the CDF: uniform if right
      counts[Math.min(bins - 1, (int) (u * bins))]++;
    }
    double expected = (double) N / bins;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    // 99.9% point of χ² with 99 degrees of freedom.
    assertThat(chi2).isLessThan(148.2);
  }

  @Test
  void shouldProduceTheTailBeyondTheBaseLayerAtItsExactProbability() {
    // P(X > R) = e^-R ≈ 4.54e-4; P(X > R + 3) = e^-(R+3), reached only through the tail branch.
    int n = 8_000_000;
    Rng rng = new Rng(13);
    long beyondR = 0;
    long beyondR3 = 0;
    double max = 0;
    for (int i = 0; i < n; i++) {
      double x = ExponentialZiggurat.sample(rng);
      if (x > ExponentialZiggurat.R) {
        beyondR++;
      }
      if (x > ExponentialZiggurat.R + 3) {
        beyondR3++;
      }
      max = Math.max(max, x);
    }
    double p = StrictMath.exp(-ExponentialZiggurat.R);
    double sd = Math.sqrt(n * p * (1 - p));
    assertThat((double) beyondR).isCloseTo(n * p, within(4 * sd));
    double p3 = StrictMath.exp(-ExponentialZiggurat.R - 3);
    assertThat((double) beyondR3).isCloseTo(n * p3, within(4 * Math.sqrt(n * p3) + 1));
    // The largest of 8e6 draws sits near ln(8e6) ≈ 15.9.
    assertThat(max).isBetween(13.0, 22.0);
  }

  @Test
  void shouldHaveUnitMeanAndVariance() {
    double[] xs = sorted(14, N);
    double sum = 0;
    double sq = 0;
    for (double x : xs) {
      sum += x;
      sq += x * x;
    }
    double mean = sum / N;
    double var = sq / N - mean * mean;
    // Standard errors: 1/sqrt(n) for the mean, about sqrt(8/n) for the variance.
    assertThat(mean).isCloseTo(1.0, within(4 / Math.sqrt(N)));
    assertThat(var).isCloseTo(1.0, within(4 * Math.sqrt(8.0 / N)));
  }

  @Test
  void shouldMostlyTakeOneDrawAndNeverDependOnTheMean() {
    // The draws a sample takes depend only on the stream: scaling the mean changes no later draw.
    Rng small = new Rng(15);
    Rng large = new Rng(15);
    for (int i = 0; i < 10_000; i++) {
      double a = small.nextExponential(5);
      double b = large.nextExponential(5_000_000);
      assertThat(b / 1_000_000).isCloseTo(a, within(a * 1e-15));
    }
    assertThat(large.nextLong()).isEqualTo(small.nextLong());
    // About 2.2% of samples fall outside the layers' inner rectangles and draw again.
    int n = 100_000;
    Rng sampled = new Rng(16);
    for (int i = 0; i < n; i++) {
      ExponentialZiggurat.sample(sampled);
    }
    long marker = sampled.nextLong();
    Rng counter = new Rng(16);
    int draws = 0;
    while (counter.nextLong() != marker) {
      draws++;
    }
    assertThat((double) draws / n).isBetween(1.015, 1.035);
  }
}
