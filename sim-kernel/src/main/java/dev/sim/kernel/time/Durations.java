package dev.sim.kernel.time;

/**
 * Writes a duration in nanoseconds as the text a scenario file would use for it, in the scenario
 * language's units {@code h}, {@code m}, {@code s}, {@code ms}, {@code us} and {@code ns}.
 *
 * <p>The rule: among the units in which the duration is at least one whole unit and is written
 * exactly by a decimal number, take the one giving the shortest text; on a tie, the coarser unit.
 * Zero is {@code 0s}; a negative duration is its magnitude's text after a minus sign. So {@code
 * 1500000000} is {@code 1.5s} (not {@code 1500ms}), {@code 250000} is {@code 250us} (a unit is
 * never used below one, so never {@code 0.25ms}), {@code 600000000000} is {@code 10m}, {@code
 * 90000000000} is {@code 90s} (shorter than {@code 1.5m}), and {@code 1234567} is {@code 1234567ns}
 * (shorter than {@code 1.234567ms}). Nanoseconds always qualify, so there is always an answer.
 *
 * <p>Every text is exact, never rounded: reading it back with the scenario parser's duration units
 * gives the same number of nanoseconds (a minute is 60 s and an hour 3,600 s, so a decimal in
 * {@code m} or {@code h} is exact only when its digits end; such units are used only then).
 */
public final class Durations {
  private Durations() {}

  private static final String[] UNITS = {"h", "m", "s", "ms", "us", "ns"};
  private static final long[] NANOS = {
    3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L
  };

  /**
   * Enough fraction digits for any exact decimal in these units: a nanosecond is 1/(2^13 · 3^2 ·
   * 5^11) of an hour, and once the factor 9 is divided out that takes 13 decimal digits.
   */
  private static final int MAX_FRACTION_DIGITS = 13;

  /** The shortest exact text for {@code nanos}, e.g. {@code 1.5s}, {@code 250us}, {@code 0s}. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String best = null;
    for (int i = 0; i < UNITS.length; i++) {
      String text = exactly(nanos, NANOS[i], UNITS[i]);
      // Strictly shorter only: the coarser unit, tried first, keeps a tie.
      if (text != null && (best == null || text.length() < best.length())) {
        best = text;
      }
    }
    return best;
  }

  /**
   * {@code nanos} written in the unit of {@code unitNanos} nanoseconds, or null if it is less than
   * one such unit or not a finite decimal in it.
   */
  private static String exactly(long nanos, long unitNanos, String unit) {
    long whole = nanos / unitNanos;
    if (whole == 0) {
      return null;
    }
    // Long division of the remainder, one decimal digit at a time (rest * 10 cannot overflow:
    // rest is below an hour in nanoseconds, about 3.6e12).
    long rest = Math.abs(nanos % unitNanos);
    StringBuilder text = new StringBuilder().append(whole);
    if (rest != 0) {
      text.append('.');
      for (int i = 0; rest != 0 && i < MAX_FRACTION_DIGITS; i++) {
        rest *= 10;
        text.append((char) ('0' + rest / unitNanos));
        rest %= unitNanos;
      }
      if (rest != 0) {
        return null;
      }
    }
    return text.append(unit).toString();
  }
}
