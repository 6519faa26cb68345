package dev.sim.report.html;

import dev.sim.report.chart.SweepCharts;
import dev.sim.report.sweep.SweepModel;
import java.util.List;

/** Lets the sweep model's tests build the page. */
public final class SweepPageProbe {
  private SweepPageProbe() {}

  /** {@link SweepPage#html}. */
  public static String html(SweepModel m, List<SweepCharts.Rendered> charts) {
    return SweepPage.html(m, charts);
  }
}
