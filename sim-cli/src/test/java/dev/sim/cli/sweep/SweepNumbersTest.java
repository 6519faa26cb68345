package dev.sim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The numbers in the sweep's files: their digits, and the spread across seeds. */
class SweepNumbersTest {
  @Test
  void shouldWriteTheShortestDigitsThatReadBackInSummaryJsonsLayout() {
    assertThat(Decimals.shortest(0.1)).isEqualTo("0.1");
    assertThat(Decimals.shortest(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(Decimals.shortest(600)).isEqualTo("600.0");
    assertThat(Decimals.shortest(-2.5)).isEqualTo("-2.5");
    assertThat(Decimals.shortest(0)).isEqualTo("0.0");
    assertThat(Decimals.shortest(1e-4)).isEqualTo("1.0E-4");
    assertThat(Decimals.shortest(1.25e-5)).isEqualTo("1.25E-5");
    assertThat(Decimals.shortest(1.5e20)).isEqualTo("1.5E20");
    // JDK 17's Double.toString writes these as 1.9999999999999998E23, 9.999999999999999E22 and
    // 2.82879384806159008E17: longer than needed, and not what JDK 19 and later write.
    assertThat(Decimals.shortest(2e23)).isEqualTo("2.0E23");
    assertThat(Decimals.shortest(1e23)).isEqualTo("1.0E23");
    assertThat(Decimals.shortest(2.82879384806159E17)).isEqualTo("2.82879384806159E17");
    assertThat(Decimals.shortest(0.002)).isEqualTo("0.002");
    assertThat(Decimals.shortest(Double.NaN)).isEmpty();
    assertThat(Decimals.shortest(Double.POSITIVE_INFINITY)).isEmpty();
  }

  @Test
  void shouldReadBackExactlyAndHaveNoShorterDecimalThatDoes() {
    SplittableRandom random = new SplittableRandom(20240601);
    for (int i = 0; i < 20_000; i++) {
      double v =
          i % 2 == 0
              ? Double.longBitsToDouble(random.nextLong()) // any double, any exponent
              : random.nextDouble() * 1000; // the figures a sweep writes
      if (!Double.isFinite(v)) {
        continue;
      }
      String s = Decimals.shortest(v);
      assertThat(Double.parseDouble(s)).as(s).isEqualTo(v);
      BigDecimal written = new BigDecimal(s).stripTrailingZeros();
      int digits = written.precision();
      if (digits > 1 && v != Math.rint(v)) {
        BigDecimal shorter = new BigDecimal(v).round(new MathContext(digits - 1));
        assertThat(shorter.doubleValue())
            .as("%s has a shorter form %s", s, shorter)
            .isNotEqualTo(v);
      }
    }
  }

  @Test
  void shouldSpreadOverTheDefinedValuesWithInterpolatedPercentiles() {
    Spread s = Spread.of(new double[] {5, 1, Double.NaN, 3, 2, 4, 99}, 6);
    assertThat(s.defined()).isEqualTo(5);
    assertThat(s.mean()).isEqualTo(3);
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(5);
    // Five values: the 5th percentile lies a fifth of the way from the smallest to the next.
    assertThat(s.p5()).isCloseTo(1.2, Offset.offset(1e-12));
    assertThat(s.p95()).isCloseTo(4.8, Offset.offset(1e-12));
    Spread one = Spread.of(new double[] {7}, 1);
    assertThat(one.p5()).isEqualTo(7);
    assertThat(one.p95()).isEqualTo(7);
    Spread none = Spread.of(new double[] {Double.NaN}, 1);
    assertThat(none.defined()).isZero();
    assertThat(none.mean()).isNaN();
    assertThat(JsonText.write(none.toJson()).strip())
        .isEqualTo("{\"mean\": null, \"min\": null, \"max\": null, \"p5\": null, \"p95\": null}");
  }
}
