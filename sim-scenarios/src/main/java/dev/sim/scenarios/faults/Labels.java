package dev.sim.scenarios.faults;

import java.util.List;
import java.util.Locale;

/** Number and name formats the built-in kinds' labels share (the texts the report has shown). */
final class Labels {
  private Labels() {}

  /** {@code 10} for 10.0, {@code 2.50} otherwise: a factor or percentage on a chart band. */
  static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** Names joined by commas, as a band's label lists them: {@code api-1,api-2}. */
  static String names(List<String> names) {
    return String.join(",", names);
  }
}
