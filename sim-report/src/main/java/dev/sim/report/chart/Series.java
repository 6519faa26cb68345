package dev.sim.report.chart;

import java.awt.Color;

/**
 * One line of a time chart: a y value per window, at the window's centre in simulated seconds. A
 * NaN y is a gap (the figure is undefined in that window, e.g. no request ended).
 *
 * @param key stable identifier, e.g. {@code ok} or {@code api-1}
 * @param label legend text
 * @param x simulated seconds, ascending
 * @param y values, same length as {@code x}
 * @param color line colour
 * @param line line style
 */
public record Series(String key, String label, double[] x, double[] y, Color color, Line line) {

  /** Line styles: emphasis for the figure that matters most, dashes for references. */
  public enum Line {
    /** The main figure of a chart. */
    BOLD,
    /** An ordinary line. */
    SOLID,
    /** A reference line, such as offered load. */
    DASHED,
    /** A secondary line, such as the latency maximum. */
    THIN
  }

  /** Whether at least one y value is defined. */
  public boolean hasData() {
    for (double v : y) {
      if (!Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some y value is defined and not zero. */
  public boolean hasNonZero() {
    for (double v : y) {
      if (!Double.isNaN(v) && v != 0) {
        return true;
      }
    }
    return false;
  }
}
