package dev.sim.report.io;

import tools.jackson.core.io.schubfach.DoubleToDecimal;

/** Number formatting for the files: the same digits on every JDK. */
final class Numbers {
  private Numbers() {}

  /**
   * The shortest decimal that reads back as exactly {@code v}. Uses the Schubfach algorithm rather
   * than {@link Double#toString}, whose digits changed in JDK 19, so files written by JDK 17 and 25
   * agree byte for byte.
   */
  static String shortest(double v) {
    if (v == 0 && 1 / v < 0) {
      return "-0.0";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      // Integral values print as "600.0" rather than "600" or "6.0E2".
      return (long) v + ".0";
    }
    return DoubleToDecimal.toString(v);
  }
}
