package dev.sim.report.chart;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * An XY plot that writes fault-window labels above its data area. JFreeChart clips annotations to
 * the data area, where labels would sit on top of the lines; this plot lifts the clip for the
 * labels alone, after everything else is drawn.
 */
final class BandPlot extends org.jfree.chart.plot.XYPlot {
  private static final long serialVersionUID = 1L;

  private final transient FaultBands bands;

  /** Space left of the data area the value axis took at the last drawing; NaN before any. */
  private transient double valueAxisLeft = Double.NaN;

  BandPlot(
      XYDataset dataset,
      ValueAxis domain,
      ValueAxis range,
      XYItemRenderer renderer,
      FaultBands bands) {
    super(dataset, domain, range, renderer);
    this.bands = bands;
  }

  /**
   * When set, {@link #draw} only lays out the axes and draws nothing: all {@link
   * ChartRenderer#valueAxisWidth(TimeChart)} wants is the width, and drawing every line and band of
   * a chart to learn it cost as much as drawing the chart.
   */
  private transient boolean measureOnly;

  void measureOnly(boolean on) {
    measureOnly = on;
  }

  @Override
  public void draw(
      Graphics2D g2,
      Rectangle2D area,
      Point2D anchor,
      PlotState parentState,
      PlotRenderingInfo info) {
    if (!measureOnly) {
      super.draw(g2, area, anchor, parentState, info);
      return;
    }
    // XYPlot.draw's own first steps, up to the axis space it would lay out (JFreeChart 1.5).
    if (area.getWidth() <= MINIMUM_WIDTH_TO_DRAW || area.getHeight() <= MINIMUM_HEIGHT_TO_DRAW) {
      return;
    }
    Rectangle2D trimmed = (Rectangle2D) area.clone();
    getInsets().trim(trimmed);
    calculateAxisSpace(g2, trimmed);
  }

  /** The width the value axis took left of the data area when this plot was last drawn. */
  double valueAxisLeft() {
    return valueAxisLeft;
  }

  @Override
  protected AxisSpace calculateRangeAxisSpace(
      Graphics2D g2, Rectangle2D plotArea, AxisSpace space) {
    // Recorded here because the plot area JFreeChart reports afterwards is trimmed in place and the
    // data area rounded, so the axis width cannot be recovered exactly from them.
    AxisSpace s = super.calculateRangeAxisSpace(g2, plotArea, space);
    valueAxisLeft = s.getLeft();
    return s;
  }

  @Override
  public void drawAnnotations(Graphics2D g2, Rectangle2D dataArea, PlotRenderingInfo info) {
    super.drawAnnotations(g2, dataArea, info);
    if (bands != null) {
      Shape saved = g2.getClip();
      g2.setClip(null);
      bands.drawLabels(g2, this, dataArea);
      g2.setClip(saved);
    }
  }
}
