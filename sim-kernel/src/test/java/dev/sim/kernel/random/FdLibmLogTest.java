package dev.sim.kernel.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link FdLibmLog#log} must equal {@link StrictMath#log} bit for bit: the samplers' draws, and so
 * every golden trace hash, depend on it. Tagged golden so CI checks it on JDK 25 as well.
 */
@Tag("golden")
class FdLibmLogTest {
  static void same(double x) {
    long expected = Double.doubleToRawLongBits(StrictMath.log(x));
    long actual = Double.doubleToRawLongBits(FdLibmLog.log(x));
    if (Double.isNaN(StrictMath.log(x))) {
      assertThat(FdLibmLog.log(x)).as("log(%s)", x).isNaN();
    } else {
      assertThat(actual).as("log(%s) = %s, StrictMath says %s", x, FdLibmLog.log(x),
          StrictMath.log(x)).isEqualTo(expected);
    }
  }

  @Test
  void shouldMatchStrictMathOnSpecialValues() {
    double[] specials = {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Math.E, 1.0 + 0x1p-52, 1.0 - 0x1p-53, 1.0 + 0x1p-21, 1.0 - 0x1p-21, 0x1p-1074 * 3,
        0x1p-1030, 0.7071067811865476, 1.4142135623730951, 1e-300, 1e300};
    for (double x : specials) {
      same(x);
    }
  }

  @Test
  void shouldMatchStrictMathOnTheSamplersInputs() {
    // Exactly the values samplers pass: (k + 1) * 2^-53 for 53-bit k.
    Rng rng = new Rng(1);
    for (int i = 0; i < 2_000_000; i++) {
      same(((rng.nextLong() >>> 11) + 1) * 0x1.0p-53);
    }
    for (long k = 1; k <= 100_000; k++) {
      same(k * 0x1.0p-53);
      same(1.0 - k * 0x1.0p-53);
    }
  }

  @Test
  void shouldMatchStrictMathOverEveryExponent() {
    Rng rng = new Rng(2);
    for (int i = 0; i < 2_000_000; i++) {
      same(Math.abs(Double.longBitsToDouble(rng.nextLong())));
    }
    for (int i = 0; i < 200_000; i++) {
      same(1.0 + (rng.nextDouble() - 0.5) * 0x1p-18);
    }
  }
}
