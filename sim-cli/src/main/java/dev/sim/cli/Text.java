package dev.sim.cli;

import java.math.BigDecimal;

/**
 * How the command line writes values for people. Every duration the commands print goes through
 * {@link #duration}, so that {@code sim explain}, the run summary and the error messages of the
 * scenario loader write the same time the same way ({@code 1.5s}, never {@code 1.500s}).
 */
final class Text {
  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long MINUTE = 60 * S;
  private static final long HOUR = 60 * MINUTE;

  private Text() {}

  /**
   * A duration in the short form a scenario file would use: {@code 1.5s}, {@code 250us}, {@code
   * 5ms}, {@code 5m}, {@code 0s}. The unit is the largest one the value reaches, with at most three
   * decimals and no trailing zeros; a value finer than that is rounded (half up) to the nearest
   * thousandth of its unit, so values a file can write come out as the loader writes them. Minutes
   * and hours are used only when exact to a thousandth, as the loader's messages write them ({@code
   * 1.5m}, but {@code 61.234s}).
   *
   * @param nanos the duration in nanoseconds; negative ones get a leading {@code -}
   */
  static String duration(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long abs = nanos == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(nanos);
    if (abs >= HOUR && abs % (HOUR / 1000) == 0) {
      return sign + thousandths(abs / (HOUR / 1000)) + "h";
    }
    if (abs >= MINUTE && abs % (MINUTE / 1000) == 0) {
      return sign + thousandths(abs / (MINUTE / 1000)) + "m";
    }
    long[] units = {S, MS, US};
    String[] names = {"s", "ms", "us"};
    for (int i = 0; i < units.length; i++) {
      if (abs >= units[i]) {
        long step = units[i] / 1000;
        long q = abs / step + (abs % step >= (step + 1) / 2 ? 1 : 0);
        if (q == 1_000_000 && i > 0) {
          return sign + "1" + names[i - 1]; // 999.9996ms rounds to 1s, not 1000ms
        }
        return sign + thousandths(q) + names[i];
      }
    }
    return sign + abs + "ns";
  }

  private static String thousandths(long q) {
    return BigDecimal.valueOf(q, 3).stripTrailingZeros().toPlainString();
  }
}
