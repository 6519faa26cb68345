package dev.sim.report.chart;

import java.util.List;

/**
 * The data of one chart over simulated time, before any drawing: what a test compares with the
 * run's metrics, and what {@link ChartRenderer} draws.
 *
 * @param id file-name stem and chart name, e.g. {@code yield}, {@code latency}, {@code queue}
 * @param title title line, naming scenario and seed
 * @param subtitle one sentence saying what is plotted
 * @param yLabel label of the value axis, with its unit
 * @param scale how the value axis is drawn
 * @param series the lines, drawn in this order
 * @param bands fault windows to shade
 * @param marks instants to mark, such as crashes that no fault window explains
 * @param warmupSeconds warm-up at the start of the run (0 for none), marked as such
 * @param endSeconds the run's simulated length: the time axis runs from 0 to here
 */
public record TimeChart(
    String id,
    String title,
    String subtitle,
    String yLabel,
    Scale scale,
    List<Series> series,
    List<Band> bands,
    List<Mark> marks,
    double warmupSeconds,
    double endSeconds) {

  /** Value-axis scales. */
  public enum Scale {
    /** Linear from zero. */
    LINEAR,
    /** Logarithmic (values that span more than two decades, such as latency in a spiral). */
    LOG,
    /** A fraction in [0, 1] shown as a percentage. */
    FRACTION
  }

  /** The series with key {@code key}, or null. */
  public Series series(String key) {
    for (Series s : series) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    return null;
  }
}
