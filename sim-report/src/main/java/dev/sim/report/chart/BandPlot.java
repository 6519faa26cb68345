package dev.sim.report.chart;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
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
