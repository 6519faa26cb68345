package dev.sim.cli.sweep;

import dev.sim.cli.UserError;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --vary} range, {@code FROM..TO:STEPS}: STEPS evenly spaced values from FROM to TO, both
 * ends included, in the unit written ({@code 200/s..2000/s:10} is 200/s, 400/s, ..., 2000/s). A
 * unit written at TO alone holds for FROM too ({@code 200..2000/s:10}). The arithmetic is decimal,
 * so {@code 0.1..0.3:3} gives 0.1, 0.2, 0.3 and not 0.30000000000000004; a step that has no finite
 * decimal ({@code 0..1:4}) is rounded to a thousandth of itself, enough to tell the values apart.
 */
final class Steps {
  /** The most values one range may give: more is a typo, or a sweep nobody waits for. */
  static final int MAX_STEPS = 10_000;

  /** A number, then its unit: the same numbers the scenario language reads. */
  private static final Pattern NUMBER_THEN_UNIT =
      Pattern.compile(
          "([+-]?(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)", Pattern.DOTALL);

  private static final Pattern RANGE = Pattern.compile("(.*?)\\.\\.(.*?)(?::([^:]*))?");

  private static final String EXAMPLE = "e.g. nodes.clients.load.rate=200/s..2000/s:10";

  private Steps() {}

  /** Whether {@code text} is meant as a range rather than a single value. */
  static boolean looksLikeRange(String text) {
    char c = text.isEmpty() ? ' ' : text.charAt(0);
    return text.contains("..") && c != '[' && c != '{' && c != '"' && c != '\'';
  }

  /**
   * The values of the range {@code text}, as {@code --set} values.
   *
   * @param shown the start of every message, naming the argument
   * @throws UserError saying what to write instead
   */
  static List<String> parse(String text, String shown) {
    Matcher m = RANGE.matcher(text);
    if (!m.matches()) {
      throw new UserError(shown + "expected FROM..TO:STEPS, " + EXAMPLE);
    }
    if (m.group(3) == null) {
      throw new UserError(
          shown
              + "a range needs the number of values after a colon: FROM..TO:STEPS, "
              + EXAMPLE
              + " for 10 values");
    }
    int steps = steps(m.group(3).strip(), shown);
    Matcher from = number(m.group(1).strip(), "FROM", shown);
    Matcher to = number(m.group(2).strip(), "TO", shown);
    String unitFrom = from.group(2).strip();
    String unit = to.group(2).strip();
    if (!unitFrom.isEmpty() && !unitFrom.equals(unit)) {
      throw new UserError(
          shown
              + "both ends of a range are written in one unit, found "
              + (unit.isEmpty() ? "no unit" : "'" + unit + "'")
              + " at TO and '"
              + unitFrom
              + "' at FROM; e.g. 100ms..2000ms:5");
    }
    BigDecimal a = decimal(from.group(1), shown);
    BigDecimal b = decimal(to.group(1), shown);
    if (a.compareTo(b) == 0) {
      throw new UserError(
          shown + "the range starts and ends at the same value; give two different ends");
    }
    List<String> out = new ArrayList<>(steps);
    for (BigDecimal v : values(a, b, steps)) {
      out.add(v.toPlainString() + unit);
    }
    return out;
  }

  /** {@code steps} decimal values evenly spaced from {@code a} to {@code b}, both included. */
  static List<BigDecimal> values(BigDecimal a, BigDecimal b, int steps) {
    BigDecimal span = b.subtract(a);
    BigDecimal intervals = BigDecimal.valueOf(steps - 1L);
    BigDecimal step = span.divide(intervals, MathContext.DECIMAL64).abs();
    // The exponent of the step's leading digit: three digits past it tell the values apart.
    int scale = Math.max(Math.max(a.scale(), b.scale()), 3 - (step.precision() - step.scale() - 1));
    List<BigDecimal> out = new ArrayList<>(steps);
    for (int i = 0; i < steps; i++) {
      BigDecimal offset = span.multiply(BigDecimal.valueOf(i));
      BigDecimal v;
      try {
        v = a.add(offset.divide(intervals));
      } catch (ArithmeticException noFiniteDecimal) {
        v = a.add(offset.divide(intervals, scale, RoundingMode.HALF_EVEN));
      }
      if (i == steps - 1) {
        v = b; // the end as written, whatever the rounding of the steps before it
      }
      out.add(v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros());
    }
    return out;
  }

  private static int steps(String text, String shown) {
    int steps;
    try {
      steps = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      if (text.matches("\\d+")) {
        steps = Integer.MAX_VALUE;
      } else {
        throw new UserError(
            shown + "STEPS must be a whole number of values, found '" + text + "'; " + EXAMPLE);
      }
    }
    if (steps < 2) {
      throw new UserError(
          shown
              + "STEPS must be at least 2, found "
              + steps
              + ": a range's values include both ends (for a single value write PATH=VALUE)");
    }
    if (steps > MAX_STEPS) {
      throw new UserError(shown + "STEPS must be at most " + MAX_STEPS + ", found " + text);
    }
    return steps;
  }

  private static Matcher number(String text, String end, String shown) {
    Matcher m = NUMBER_THEN_UNIT.matcher(text);
    if (!m.matches()) {
      throw new UserError(
          shown
              + end
              + " must be a number with its unit, found '"
              + text
              + "'; a range is FROM..TO:STEPS, "
              + EXAMPLE);
    }
    return m;
  }

  private static BigDecimal decimal(String digits, String shown) {
    try {
      BigDecimal v = new BigDecimal(digits.replace("_", "").replace("+", ""));
      if (Math.abs((long) v.precision() - v.scale()) > 400) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UserError(shown + "the number " + digits + " is out of range");
    }
  }
}
