package dev.sim.report.chart;

import dev.sim.kernel.metrics.ChartNames;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.Series.Line;
import dev.sim.report.chart.TimeChart.Scale;
import java.util.List;

/**
 * The consistency family's charts, drawn from a run's {@link ConsistencySummary} as the request
 * family's are from its request summary: the lost writes over time. A run without a history, or
 * whose store lost nothing, has none.
 */
public final class ConsistencyCharts {
  /** The lost-writes chart's id, the name {@code report.charts} knows it by. */
  public static final String LOST_WRITES = ChartNames.CONSISTENCY.get(0);

  private ConsistencyCharts() {}

  /** The consistency family's charts of {@code r} that have data, in report order. */
  static List<TimeChart> forRun(RunResult r, TimeCharts.Axis t) {
    return r.consistency()
        .filter(c -> c.lostListedOrLeftOut() > 0)
        .map(c -> List.of(lostWrites(r, c, t)))
        .orElse(List.of());
  }

  /**
   * Lost acknowledged writes per window: by the window each was acknowledged in (the bold line,
   * which sits in the fault band that cost them), and by the window in which a read first missed it
   * (dashed: the loss shows later, often when a partition heals).
   */
  static TimeChart lostWrites(RunResult r, ConsistencySummary c, TimeCharts.Axis t) {
    ConsistencySummary.LostWindows w = c.lostPerWindow(r.windowNanos(), t.windows);
    Series acknowledged =
        t.perWindow(
            "acknowledged",
            "acknowledged in the window, lost later",
            Palette.VERMILLION,
            Line.BOLD,
            counts(w.acknowledged(), t.windows));
    Series shown =
        t.perWindow(
            "shown",
            "the loss showed in the window (a read missed it)",
            Palette.BLUE,
            Line.DASHED,
            counts(w.shown(), t.windows));
    return new TimeChart(
        LOST_WRITES,
        TimeCharts.title(r, "Lost writes"),
        "Acknowledged writes and set adds the store lost, per "
            + t.windowText()
            + " window: a client was told ok, and a later read no longer had it",
        "lost writes (per window)",
        Scale.LINEAR,
        List.of(acknowledged, shown),
        TimeCharts.bands(r),
        TimeCharts.marks(r),
        r.warmupNanos() / 1e9,
        r.simulatedNanos() / 1e9);
  }

  private static double[] counts(List<Long> perWindow, int windows) {
    double[] y = new double[windows];
    for (int i = 0; i < windows; i++) {
      y[i] = i < perWindow.size() ? perWindow.get(i) : 0;
    }
    return y;
  }
}
