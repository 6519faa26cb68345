package dev.sim.check;

import java.util.List;
import java.util.Locale;

/** How history values and times are written for people in messages and pages. */
public final class Values {
  private Values() {}

  /** A value as JSON writes it: {@code null}, {@code 7}, {@code [1, 2]}. */
  public static String text(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        b.append(text(l.get(i)));
      }
      return b.append(']').toString();
    }
    return v.toString();
  }

  /**
   * Like {@link #text}, but a list longer than {@code limit} shows its first {@code limit} elements
   * and how many there are: a set read of 140 elements in every sentence about it would bury the
   * finding.
   */
  public static String brief(Object v, int limit) {
    if (v instanceof List<?> l && l.size() > limit) {
      return text(l.subList(0, limit)).replaceFirst("]$", ", … (" + l.size() + " elements)]");
    }
    return text(v);
  }

  /**
   * A simulated time for people, to at most three decimals of the largest unit it reaches: {@code
   * 1.5ms}, {@code 2.346s}, {@code 250us}, {@code 0s}. Rounded, unlike the scenario language's
   * exact durations, because a history's times are measurements.
   */
  public static String time(long nanos) {
    if (nanos < 0) {
      return "-" + time(-nanos);
    }
    if (nanos == 0) {
      return "0s";
    }
    String[] units = {"s", "ms", "us", "ns"};
    long[] sizes = {1_000_000_000L, 1_000_000L, 1_000L, 1L};
    for (int i = 0; i < units.length; i++) {
      if (nanos >= sizes[i]) {
        String s = String.format(Locale.ROOT, "%.3f", nanos / (double) sizes[i]);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + units[i];
      }
    }
    return nanos + "ns";
  }
}
