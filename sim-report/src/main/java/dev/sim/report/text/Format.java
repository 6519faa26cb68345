package dev.sim.report.text;

import dev.sim.kernel.time.Durations;
import java.util.Locale;

/**
 * Formats figures for people: a few significant digits, units spelled the way scenarios spell them.
 */
public final class Format {
  private Format() {}

  /**
   * Simulated seconds as a short duration: {@code 0}, {@code 250ms}, {@code 1.5s}, {@code 10m},
   * {@code 2m30s}.
   */
  public static String seconds(double s) {
    if (Double.isNaN(s)) {
      return "–";
    }
    if (s == 0) {
      return "0s";
    }
    double a = Math.abs(s);
    if (a < 1e-3) {
      return trim(s * 1e6) + "us";
    }
    if (a < 1) {
      return trim(s * 1e3) + "ms";
    }
    if (a < 60 || Math.rint(a) != a) {
      return trim(s) + "s";
    }
    long whole = (long) a;
    String sign = s < 0 ? "-" : "";
    if (whole % 3600 == 0) {
      return sign + whole / 3600 + "h";
    }
    if (whole % 60 == 0) {
      return sign + whole / 60 + "m";
    }
    return sign + whole / 60 + "m" + whole % 60 + "s";
  }

  /**
   * Nanoseconds of simulated time as a scenario file would write them, exactly ({@code 1.5s},
   * {@code 250us}, {@code 10m}): the simulator's one duration format, {@link Durations#format}.
   */
  public static String nanos(long nanos) {
    return Durations.format(nanos);
  }

  /**
   * Milliseconds with three significant digits: {@code 0.412 ms}, {@code 12.3 ms}, {@code 1,250
   * ms}; a dash for NaN.
   */
  public static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return "–";
    }
    return sig3(ms) + " ms";
  }

  /**
   * A fraction as a percentage with enough digits to tell 99.9% from 100%: {@code 97.25%}; a dash
   * for NaN.
   */
  public static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return "–";
    }
    double p = fraction * 100;
    if (p == 100 || p == 0) {
      return String.format(Locale.ROOT, "%.0f%%", p);
    }
    if (p > 99.99 && p < 100) {
      return String.format(Locale.ROOT, "%.4f%%", p);
    }
    return String.format(Locale.ROOT, "%.2f%%", p);
  }

  /** An integer with thousands separators: {@code 1,234,567}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * A count with its noun, singular for exactly one: {@code 1 event}, {@code 0 events}, {@code
   * 1,234 events}. Both forms are given because English plurals are not always a trailing s ({@code
   * crash}, {@code crashes}).
   */
  public static String count(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }

  /**
   * A plain number with up to three significant digits after trimming, thousands grouped; a dash
   * for NaN.
   */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    return sig3(v);
  }

  /** A rate per second, like {@code 412/s} (three significant digits); a dash for NaN. */
  public static String rate(double perSecond) {
    return Double.isNaN(perSecond) ? "–" : number(perSecond) + "/s";
  }

  /**
   * An expectation's actual value as its check compares it: {@code true} or {@code false} for a
   * check against a truth value ({@code consistency.valid == false}), {@code undefined} for NaN,
   * else {@link #precise}.
   */
  public static String actual(String check, double v) {
    if (Double.isNaN(v)) {
      return "undefined";
    }
    if (check.strip().matches(".*(==|!=)\\s*(true|false)")) {
      return String.valueOf(v == 1.0);
    }
    return precise(v);
  }

  /**
   * A number with up to eight significant digits, so that a value just below a threshold never
   * prints as the threshold ({@code 0.98999} stays {@code 0.98999}, not {@code 0.990}); a dash for
   * NaN.
   */
  public static String precise(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    String s = String.format(Locale.ROOT, "%.8g", v);
    if (s.contains("e") || s.contains("E")) {
      return s;
    }
    return trimZeros(s);
  }

  private static String trimZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String sig3(double v) {
    double a = Math.abs(v);
    if (a == Math.rint(a) && a < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (a >= 0.001) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return String.format(Locale.ROOT, "%.2e", v);
  }

  private static String trim(double v) {
    return trimZeros(String.format(Locale.ROOT, "%.3f", v));
  }
}
