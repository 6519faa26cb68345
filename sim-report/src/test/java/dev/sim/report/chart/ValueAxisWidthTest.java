package dev.sim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.Fixtures;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/**
 * Drawn with the shared value-axis width, every time chart of a run has its data area at the same
 * left and right edges, and no chart's area starts left of where the chart alone would put it (its
 * tick labels and axis label still fit).
 */
class ValueAxisWidthTest {
  private final RunResult spiral = Fixtures.spiral();
  private final List<TimeChart> charts = TimeCharts.forRun(spiral);

  /** The data area of {@code chart} drawn at the report's size, as JFreeChart reports it. */
  private static Rectangle2D dataArea(JFreeChart chart) {
    BufferedImage img =
        new BufferedImage(ChartRenderer.WIDTH, ChartRenderer.HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = img.createGraphics();
    ChartRenderingInfo info = new ChartRenderingInfo();
    try {
      ChartRenderer.antialias(g2);
      chart.draw(g2, new Rectangle2D.Double(0, 0, ChartRenderer.WIDTH, ChartRenderer.HEIGHT), info);
    } finally {
      g2.dispose();
    }
    return info.getPlotInfo().getDataArea();
  }

  @Test
  void chartsDrawnAloneStartTheirDataAreasAtDifferentEdges() {
    // Otherwise the next test would prove nothing.
    assertThat(
            charts.stream()
                .map(c -> dataArea(ChartRenderer.toJFreeChart(c)).getMinX())
                .distinct()
                .count())
        .isGreaterThan(2);
  }

  @Test
  void withTheSharedWidthEveryDataAreaHasTheSameLeftAndRightEdge() {
    assertThat(charts).hasSizeGreaterThanOrEqualTo(8);
    double width = ChartRenderer.valueAxisWidth(charts);
    Rectangle2D first = dataArea(ChartRenderer.toJFreeChart(charts.get(0), width));
    for (TimeChart c : charts) {
      Rectangle2D a = dataArea(ChartRenderer.toJFreeChart(c, width));
      assertThat(a.getMinX()).as("left edge of %s", c.id()).isEqualTo(first.getMinX());
      assertThat(a.getMaxX()).as("right edge of %s", c.id()).isEqualTo(first.getMaxX());
    }
  }

  @Test
  void theSharedWidthIsAsWideAsTheWidestChartNeedsAndNoWider() {
    double width = ChartRenderer.valueAxisWidth(charts);
    double shared = dataArea(ChartRenderer.toJFreeChart(charts.get(0), width)).getMinX();
    double widest = Double.NEGATIVE_INFINITY;
    for (TimeChart c : charts) {
      double alone = dataArea(ChartRenderer.toJFreeChart(c)).getMinX();
      assertThat(shared).as("left edge of %s alone", c.id()).isGreaterThanOrEqualTo(alone);
      widest = Math.max(widest, alone);
    }
    assertThat(shared).isEqualTo(widest);
  }
}
