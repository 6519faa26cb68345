package dev.sim.report.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 log axis whose labelled ticks are round numbers: 1, 2, 5, 10, 20, 50 ... when the range
 * spans up to three decades, decades alone beyond that. JFreeChart's own log axis picks fractional
 * exponents and labels ticks 31.623.
 */
final class NiceLogAxis extends LogAxis {
  private static final long serialVersionUID = 1L;

  NiceLogAxis(String label) {
    super(label);
    setBase(10);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
    Range range = getRange();
    TextAnchor anchor =
        edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
    double lo = Math.max(range.getLowerBound(), getSmallestValue());
    double hi = range.getUpperBound();
    List ticks = new ArrayList();
    if (!(hi > lo) || lo <= 0) {
      return ticks;
    }
    double[] steps = Math.log10(hi / lo) <= 3 ? new double[] {1, 2, 5} : new double[] {1};
    for (double v : values(lo, hi, steps)) {
      ticks.add(new LogTick(TickType.MAJOR, v, createTickLabel(v), anchor));
    }
    return ticks;
  }

  /**
   * Round values {@code m × 10^k} within [lo, hi], for each multiplier {@code m} in {@code steps}.
   */
  static List<Double> values(double lo, double hi, double[] steps) {
    List<Double> out = new ArrayList<>();
    int first = (int) Math.floor(Math.log10(lo));
    int last = (int) Math.ceil(Math.log10(hi));
    for (int k = first; k <= last; k++) {
      for (double m : steps) {
        // Parsed from text so that 0.1 × 3 is 0.3, not 0.30000000000000004.
        double v = Double.parseDouble(m + "E" + k);
        if (v >= lo && v <= hi) {
          out.add(v);
        }
      }
    }
    return out;
  }
}
