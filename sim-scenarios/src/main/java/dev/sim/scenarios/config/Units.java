package dev.sim.scenarios.config;

import dev.sim.kernel.time.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with units, read at the YAML edge into the simulator's canonical units: durations in
 * nanoseconds, rates per second, sizes in bytes, bandwidth in bits per second. A bare number where
 * a unit is needed is an error, never a silent guess. Each method throws {@link
 * IllegalArgumentException} whose message is meant for the user: what was expected, what was found.
 */
public final class Units {
  private Units() {}

  /** Units of time, in nanoseconds. */
  private static final Map<String, Long> DURATION_UNITS =
      linked(
          "ns",
          1L,
          "us",
          1_000L,
          "µs",
          1_000L,
          "ms",
          1_000_000L,
          "s",
          1_000_000_000L,
          "m",
          60_000_000_000L,
          "h",
          3_600_000_000_000L,
          // Days, for failure and repair times over a simulated year (mtbf: 30d): 24 hours each.
          "d",
          86_400_000_000_000L);

  /** Units of rate: events per second. */
  private static final Map<String, Double> RATE_UNITS =
      linked("s", 1.0, "m", 1.0 / 60, "h", 1.0 / 3600);

  /** Units of size, in bytes (powers of 1024). */
  private static final Map<String, Long> SIZE_UNITS =
      linked("B", 1L, "KB", 1L << 10, "MB", 1L << 20, "GB", 1L << 30, "TB", 1L << 40);

  /** Units of bandwidth, in bits per second (powers of 1000, as networks count). */
  private static final Map<String, Double> BANDWIDTH_UNITS =
      linked("bps", 1.0, "Kbps", 1e3, "Mbps", 1e6, "Gbps", 1e9, "Tbps", 1e12);

  /** Words people write for a unit, and the unit they meant. */
  private static final Map<String, String> UNIT_ALIASES =
      linked(
          "sec", "s", "secs", "s", "second", "s", "seconds", "s", "min", "m", "mins", "m", "minute",
          "m", "minutes", "m", "hr", "h", "hrs", "h", "hour", "h", "hours", "h", "msec", "ms",
          "millis", "ms", "usec", "us", "micros", "us", "nsec", "ns", "nanos", "ns", "day", "d",
          "days", "d");

  private static final Pattern NUMBER_THEN_UNIT =
      Pattern.compile(
          "([+-]?(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)", Pattern.DOTALL);

  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private static final String DURATION_LIKE = "a duration like 5ms or 1.5s";

  /** Numbers written beyond 1e±this are out of range (a double reaches about 1e308). */
  private static final int MAX_EXPONENT = 400;

  /** A non-negative duration ({@code 250us}, {@code 5ms}, {@code 1.5s}, {@code 10m}) in ns. */
  public static long durationNanos(String text) {
    long v = signedDurationNanos(text);
    if (v < 0) {
      throw new IllegalArgumentException(
          "expected "
              + DURATION_LIKE
              + ", found "
              + text.strip()
              + " (a duration cannot be negative)");
    }
    return v;
  }

  /**
   * Matches {@code t} as a number followed by a unit; otherwise throws {@code like + t} with the
   * reason (not a number, or a number without a unit, which is never silently guessed).
   */
  private static Matcher numberWithUnit(String t, String like) {
    Matcher m = NUMBER_THEN_UNIT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(like + shown(t));
    }
    if (m.group(2).strip().isEmpty()) {
      throw new IllegalArgumentException(like + t + " (a number without a unit)");
    }
    return m;
  }

  /** A duration that may be negative (clock offsets and jumps: {@code -5ms}), in ns. */
  public static long signedDurationNanos(String text) {
    String t = text.strip();
    Matcher m = numberWithUnit(t, "expected " + DURATION_LIKE + ", found ");
    String unit = m.group(2).strip();
    Long factor = DURATION_UNITS.get(unit);
    if (factor == null) {
      throw new IllegalArgumentException(
          "expected "
              + DURATION_LIKE
              + ", found "
              + t
              + " ("
              + unknownUnit(unit, DURATION_UNITS.keySet(), "ns, us, ms, s, m, h, d")
              + ")");
    }
    BigDecimal nanos =
        number(m.group(1), "expected " + DURATION_LIKE + ", found ", t)
            .multiply(BigDecimal.valueOf(factor));
    try {
      return nanos.setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "expected " + DURATION_LIKE + ", found " + t + " (too long: at most about 290 years)");
    }
  }

  /** A rate ({@code 800/s}, {@code 30/m}, {@code 2/h}) in events per second. */
  public static double ratePerSecond(String text) {
    String t = text.strip();
    String like = "expected a rate like 800/s or 30/m, found ";
    Matcher m = numberWithUnit(t, like);
    String rest = m.group(2).strip();
    if (!rest.startsWith("/")) {
      throw new IllegalArgumentException(like + t + " (write the unit after a '/': /s, /m or /h)");
    }
    String unit = rest.substring(1).strip();
    Double factor = RATE_UNITS.get(unit);
    if (factor == null) {
      throw new IllegalArgumentException(
          like + t + " (" + unknownUnit(unit, RATE_UNITS.keySet(), "/s, /m, /h") + ")");
    }
    BigDecimal v = number(m.group(1), like, t);
    if (v.signum() < 0) {
      throw new IllegalArgumentException(like + t + " (a rate cannot be negative)");
    }
    return finite(v.doubleValue() * factor, like, t);
  }

  /** A size ({@code 512KB}, {@code 2MB}, {@code 4GB}; powers of 1024) in bytes. */
  public static long sizeBytes(String text) {
    String t = text.strip();
    String like = "expected a size like 2MB or 4GB, found ";
    Matcher m = numberWithUnit(t, like);
    String unit = m.group(2).strip();
    Long factor = SIZE_UNITS.get(unit);
    if (factor == null) {
      String hint =
          BANDWIDTH_UNITS.containsKey(unit)
              ? "that is a bandwidth, in bits per second"
              : unknownUnit(unit, SIZE_UNITS.keySet(), "B, KB, MB, GB");
      throw new IllegalArgumentException(like + t + " (" + hint + ")");
    }
    BigDecimal v = number(m.group(1), like, t);
    if (v.signum() < 0) {
      throw new IllegalArgumentException(like + t + " (a size cannot be negative)");
    }
    try {
      return v.multiply(BigDecimal.valueOf(factor))
          .setScale(0, RoundingMode.HALF_UP)
          .longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(like + t + " (too large)");
    }
  }

  /**
   * A bandwidth ({@code 10Kbps}, {@code 100Mbps}, {@code 1Gbps}; powers of 1000) or a byte rate
   * ({@code 200MB/s}; bytes in powers of 1024) in bits/s.
   */
  public static double bandwidthBitsPerSecond(String text) {
    String t = text.strip();
    String like = "expected a bandwidth like 100Mbps or 1Gbps, found ";
    Matcher m = numberWithUnit(t, like);
    String unit = m.group(2).strip();
    Double factor = BANDWIDTH_UNITS.get(unit);
    if (factor == null
        && unit.endsWith("/s")
        && SIZE_UNITS.containsKey(unit.substring(0, unit.length() - 2))) {
      // A byte rate (200MB/s), as disks are rated: bytes in powers of 1024, 8 bits each.
      factor = 8.0 * SIZE_UNITS.get(unit.substring(0, unit.length() - 2));
    }
    if (factor == null) {
      String hint =
          SIZE_UNITS.containsKey(unit)
              ? "that is a size; bandwidth is in bits per second, e.g. 8Gbps"
              : unknownUnit(unit, BANDWIDTH_UNITS.keySet(), "bps, Kbps, Mbps, Gbps");
      throw new IllegalArgumentException(like + t + " (" + hint + ")");
    }
    BigDecimal v = number(m.group(1), like, t);
    if (v.signum() <= 0) {
      throw new IllegalArgumentException(like + t + " (a bandwidth must be positive)");
    }
    double bps = finite(v.doubleValue() * factor, like, t);
    if (bps == 0) {
      // 1e-400bps rounds to 0, which the network reads as no limit at all.
      throw new IllegalArgumentException(like + t + " (too small)");
    }
    return bps;
  }

  /** A probability: a plain number from 0 to 1 ({@code 0.001}). */
  public static double probability(String text) {
    String t = text.strip();
    String like = "expected a probability between 0 and 1, found ";
    if (t.endsWith("%") && isPlainNumber(t.substring(0, t.length() - 1).strip())) {
      BigDecimal pct = number(t.substring(0, t.length() - 1).strip(), like, t);
      throw new IllegalArgumentException(
          like
              + t
              + " (write "
              + pct.movePointLeft(2).stripTrailingZeros().toPlainString()
              + " for "
              + t
              + ")");
    }
    if (!isPlainNumber(t)) {
      throw new IllegalArgumentException(like + shown(t));
    }
    double v = number(t, like, t).doubleValue();
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(like + t);
    }
    return v;
  }

  /** A plain number ({@code 10}, {@code -2.5}, {@code 1e3}, {@code 1_000}). */
  public static double number(String text, String expected) {
    String t = text.strip();
    if (!isPlainNumber(t)) {
      throw new IllegalArgumentException("expected " + expected + ", found " + shown(t));
    }
    String like = "expected " + expected + ", found ";
    return finite(number(t, like, t).doubleValue(), like, t);
  }

  /** A whole number that fits a {@code long}. */
  public static long wholeNumber(String text, String expected) {
    String t = text.strip();
    if (!isPlainNumber(t)) {
      throw new IllegalArgumentException("expected " + expected + ", found " + shown(t));
    }
    BigDecimal v = number(t, "expected " + expected + ", found ", t);
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "expected "
              + expected
              + ", found "
              + t
              + (v.stripTrailingZeros().scale() > 0 ? " (not a whole number)" : " (too large)"));
    }
  }

  /** Whether {@code text} is a number without any unit. */
  public static boolean isPlainNumber(String text) {
    return PLAIN_NUMBER.matcher(text.strip()).matches();
  }

  /**
   * Writes nanoseconds as a scenario file would, exactly and in the shortest text ({@code
   * 1500000000} → {@code 1.5s}, {@code 0} → {@code 0s}): the simulator's one duration format,
   * {@link Durations#format}, so messages, {@code sim explain} and the report agree.
   */
  public static String formatDuration(long nanos) {
    return Durations.format(nanos);
  }

  /** A number as a user would write it: no trailing zeros, no exponent. */
  public static String formatNumber(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * The number {@code digits} ({@code 1_000}, {@code +5}, {@code 2.5e3}); one whose exponent puts
   * it beyond {@code 1e}±{@value #MAX_EXPONENT} is out of range ({@code like + t} says so). Such a
   * number means nothing here, and rounding {@code 1e9999999ns} to whole nanoseconds would take
   * seconds and megabytes.
   */
  private static BigDecimal number(String digits, String like, String t) {
    BigDecimal v;
    try {
      v = new BigDecimal(digits.replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      // An exponent beyond what BigDecimal holds ("1e2147483648"); the pattern let all else in.
      throw new IllegalArgumentException(like + t + " (out of range)");
    }
    // precision - scale - 1 is the exponent of the leading digit: 2 for 123, -3 for 0.00123.
    long exponent = (long) v.precision() - v.scale() - 1;
    if (v.signum() != 0 && Math.abs(exponent) > MAX_EXPONENT) {
      throw new IllegalArgumentException(like + t + " (out of range)");
    }
    return v;
  }

  /** {@code v}, unless it overflowed to infinity (1e309, 1e300Tbps). */
  private static double finite(double v, String like, String t) {
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException(like + t + " (too large)");
    }
    return v;
  }

  private static String shown(String t) {
    return t.isEmpty() ? "nothing" : "'" + t + "'";
  }

  private static String unknownUnit(
      String unit, java.util.Collection<String> units, String listed) {
    String alias = UNIT_ALIASES.get(unit);
    if (alias != null && units.contains(alias)) {
      return "unknown unit '" + unit + "' — did you mean '" + alias + "'?";
    }
    if (List.of("d", "day", "days").contains(unit) && units.contains("h") && !units.contains("d")) {
      return "days are not a unit here; write hours, like 48h";
    }
    // One letter is too short to guess from, except for a mistake of case (S for s).
    String near =
        unit.length() > 1
            ? DidYouMean.suffix(unit, units)
            : units.stream()
                .filter(u -> u.equalsIgnoreCase(unit))
                .findFirst()
                .map(u -> " — did you mean '" + u + "'?")
                .orElse("");
    return "unknown unit '" + unit + "'" + (near.isEmpty() ? "; units are " + listed : near);
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> linked(Object... kv) {
    Map<String, V> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (V) kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
