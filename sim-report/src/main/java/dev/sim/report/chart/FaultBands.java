package dev.sim.report.chart;

import dev.sim.report.text.Format;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Shades fault windows and the warm-up behind a chart's lines, and writes their labels in a strip
 * above the data area where no line can cover them. The same code draws into PNG and SVG.
 */
final class FaultBands extends AbstractXYAnnotation {
  private static final long serialVersionUID = 1L;

  /** Height of one row of labels above the data area. */
  static final int ROW = 15;

  /** Rows of labels at most; a label that fits in none is left out (the page lists every fault). */
  static final int ROWS = 2;

  private static final int MAX_LABEL_CHARS = 34;
  private static final Color WARMUP_FILL = new Color(0, 0, 0, 14);
  private static final Color WARMUP_HATCH = new Color(0, 0, 0, 38);
  private static final Color WARMUP_TEXT = new Color(0x6B6B6B);

  private static final Color MARK_LINE = Palette.alpha(Palette.VERMILLION, 70);

  private final List<Band> bands;
  private final List<Mark> marks;
  private final double warmupSeconds;

  FaultBands(List<Band> bands, List<Mark> marks, double warmupSeconds) {
    this.bands = List.copyOf(bands);
    this.marks = List.copyOf(marks);
    this.warmupSeconds = warmupSeconds;
  }

  /** The top inset a plot needs for these labels. */
  int headroom() {
    int items = bands.size() + (warmupSeconds > 0 ? 1 : 0) + (marks.isEmpty() ? 0 : 1);
    return items == 0 ? 6 : items == 1 ? ROW + 6 : ROW * ROWS + 6;
  }

  List<Band> bands() {
    return bands;
  }

  List<Mark> marks() {
    return marks;
  }

  @Override
  public void draw(
      Graphics2D g2,
      XYPlot plot,
      Rectangle2D dataArea,
      ValueAxis domainAxis,
      ValueAxis rangeAxis,
      int rendererIndex,
      PlotRenderingInfo info) {
    RectangleEdge edge = plot.getDomainAxisEdge();
    if (warmupSeconds > 0) {
      double x0 = domainAxis.valueToJava2D(0, dataArea, edge);
      double x1 = domainAxis.valueToJava2D(warmupSeconds, dataArea, edge);
      Rectangle2D r = span(dataArea, x0, x1);
      g2.setPaint(WARMUP_FILL);
      g2.fill(r);
      hatch(g2, r);
    }
    for (Band b : bands) {
      Color c = Palette.fault(b.kind());
      double x0 = domainAxis.valueToJava2D(b.startSeconds(), dataArea, edge);
      double x1 = domainAxis.valueToJava2D(b.endSeconds(), dataArea, edge);
      if (x1 - x0 < 2) {
        // An instant (a clock jump): a line, not an invisible band.
        g2.setPaint(Palette.alpha(c, 150));
        g2.setStroke(new BasicStroke(2f));
        g2.draw(new Line2D.Double(x0, dataArea.getMinY(), x0, dataArea.getMaxY()));
        continue;
      }
      Rectangle2D r = span(dataArea, x0, x1);
      g2.setPaint(Palette.alpha(c, 40));
      g2.fill(r);
      // A solid cap on top of the band ties it to its label above the plot.
      g2.setPaint(Palette.alpha(c, 210));
      g2.fill(new Rectangle2D.Double(r.getX(), dataArea.getMinY(), r.getWidth(), 3));
    }
    for (Mark m : marks) {
      double x = domainAxis.valueToJava2D(m.seconds(), dataArea, edge);
      g2.setPaint(MARK_LINE);
      g2.setStroke(
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
      g2.draw(new Line2D.Double(x, dataArea.getMinY() + 12, x, dataArea.getMaxY()));
      cross(g2, x, dataArea.getMinY() + 7, 3.5);
    }
  }

  private static void cross(Graphics2D g2, double x, double y, double r) {
    g2.setPaint(Palette.VERMILLION);
    g2.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g2.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
    g2.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
  }

  /** Writes the labels above the data area; called by {@link BandPlot} with the clip lifted. */
  void drawLabels(Graphics2D g2, XYPlot plot, Rectangle2D dataArea) {
    ValueAxis axis = plot.getDomainAxis();
    RectangleEdge edge = plot.getDomainAxisEdge();
    double[] rowEnd = new double[ROWS];
    java.util.Arrays.fill(rowEnd, Double.NEGATIVE_INFINITY);
    List<Object[]> items = new ArrayList<>();
    if (warmupSeconds > 0) {
      items.add(new Object[] {"warm-up", 0.0, WARMUP_TEXT, Boolean.TRUE});
    }
    for (Band b : bands) {
      items.add(
          new Object[] {
            shorten(b.label()), b.startSeconds(), darker(Palette.fault(b.kind())), Boolean.FALSE
          });
    }
    if (!marks.isEmpty()) {
      items.add(
          new Object[] {
            markLabel(), marks.get(0).seconds(), darker(Palette.VERMILLION), Boolean.FALSE
          });
    }
    for (Object[] it : items) {
      String text = (String) it[0];
      double start = (Double) it[1];
      boolean italic = (Boolean) it[3];
      g2.setFont(italic ? Styles.BAND_LABEL_ITALIC : Styles.BAND_LABEL);
      FontMetrics fm = g2.getFontMetrics();
      double w = fm.stringWidth(text);
      double x = Math.max(dataArea.getMinX(), axis.valueToJava2D(start, dataArea, edge));
      if (x + w > dataArea.getMaxX()) {
        x = Math.max(dataArea.getMinX(), dataArea.getMaxX() - w);
      }
      for (int row = 0; row < ROWS; row++) {
        if (x >= rowEnd[row] + 8) {
          rowEnd[row] = x + w;
          g2.setPaint((Color) it[2]);
          g2.drawString(text, (float) x, (float) (dataArea.getMinY() - 5 - row * ROW));
          break;
        }
      }
    }
  }

  /** {@code ✕ api-1 crashed (out of memory)}, or {@code ✕ 40 crashes (out of memory)}. */
  private String markLabel() {
    Mark first = marks.get(0);
    boolean oneReason =
        marks.stream().allMatch(m -> java.util.Objects.equals(m.reason(), first.reason()));
    String why =
        oneReason && first.reason() != null && !first.reason().isBlank()
            ? " (" + first.reason() + ")"
            : "";
    return marks.size() == 1
        ? "✕ " + first.node() + " crashed" + why
        : "✕ " + Format.count(marks.size(), "crash", "crashes") + why;
  }

  private static Rectangle2D span(Rectangle2D area, double x0, double x1) {
    double a = Math.max(area.getMinX(), Math.min(x0, x1));
    double b = Math.min(area.getMaxX(), Math.max(x0, x1));
    return new Rectangle2D.Double(a, area.getMinY(), Math.max(0, b - a), area.getHeight());
  }

  /** Diagonal hatching, clipped to {@code r}: the warm-up reads as "not counted". */
  private static void hatch(Graphics2D g2, Rectangle2D r) {
    if (r.getWidth() <= 0) {
      return;
    }
    Shape saved = g2.getClip();
    g2.clip(r);
    g2.setPaint(WARMUP_HATCH);
    g2.setStroke(new BasicStroke(1f));
    double step = 9;
    for (double x = r.getMinX() - r.getHeight(); x < r.getMaxX(); x += step) {
      g2.draw(new Line2D.Double(x, r.getMaxY(), x + r.getHeight(), r.getMinY()));
    }
    g2.setClip(saved);
  }

  private static String shorten(String s) {
    return s.length() <= MAX_LABEL_CHARS ? s : s.substring(0, MAX_LABEL_CHARS - 1) + "…";
  }

  /** A darker shade, for text in a fault's colour on white. */
  static Color darker(Color c) {
    return new Color(
        (int) (c.getRed() * 0.72), (int) (c.getGreen() * 0.72), (int) (c.getBlue() * 0.72));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FaultBands f
        && f.bands.equals(bands)
        && f.marks.equals(marks)
        && f.warmupSeconds == warmupSeconds;
  }

  @Override
  public int hashCode() {
    return bands.hashCode();
  }
}
