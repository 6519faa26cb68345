package dev.sim.cli.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers for the sweep's files: the shortest decimal that reads back as exactly the double, the
 * same digits on every JDK. {@link Double#toString} is not that on JDK 17 (it sometimes prints a
 * digit too many; JDK 19 changed it), and the files must not depend on the JDK that wrote them. The
 * layout follows {@code summary.json}'s: {@code 600.0} for whole values below 10^15, otherwise
 * {@link Double#toString}'s (plain from 10^-3 to 10^7, else {@code 1.5E-4}).
 */
final class Decimals {
  private static final MathContext[] PRECISIONS = new MathContext[18];

  static {
    for (int p = 1; p < PRECISIONS.length; p++) {
      PRECISIONS[p] = new MathContext(p, RoundingMode.HALF_EVEN);
    }
  }

  private Decimals() {}

  /** {@code v} in the shortest digits that read back as {@code v}; NaN and infinities as "". */
  static String shortest(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0.0" : "0.0";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return (long) v + ".0";
    }
    BigDecimal exact = new BigDecimal(v);
    // The nearest decimal of p digits is the one to try: if any p-digit decimal reads back as v, so
    // does the nearest (BigDecimal.doubleValue rounds correctly on every JDK).
    for (int p = 1; p < PRECISIONS.length; p++) {
      BigDecimal d = exact.round(PRECISIONS[p]);
      if (d.doubleValue() == v) {
        return layout(d.stripTrailingZeros(), Math.abs(v));
      }
    }
    throw new AssertionError("17 digits always read back: " + v);
  }

  private static String layout(BigDecimal d, double magnitude) {
    if (magnitude >= 1e-3 && magnitude < 1e7) {
      String plain = d.toPlainString();
      return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
    String digits = d.unscaledValue().abs().toString();
    int exponent = d.precision() - d.scale() - 1;
    return (d.signum() < 0 ? "-" : "")
        + digits.charAt(0)
        + "."
        + (digits.length() > 1 ? digits.substring(1) : "0")
        + "E"
        + exponent;
  }
}
