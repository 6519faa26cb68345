package dev.sim.report.chart;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
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

  BandPlot(
      XYDataset dataset,
      ValueAxis domain,
      ValueAxis range,
      XYItemRenderer renderer,
      FaultBands bands) {
    super(dataset, domain, range, renderer);
    this.bands = bands;
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
