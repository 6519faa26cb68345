package dev.sim.report.chart;

import dev.sim.report.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws a {@link TimeChart} with JFreeChart and writes it as PNG and SVG. */
public final class ChartRenderer {
  /** Width of every chart in pixels. */
  public static final int WIDTH = 1000;

  /** Height of a time chart in pixels. */
  public static final int HEIGHT = 450;

  private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

  private ChartRenderer() {}

  /**
   * The JFreeChart of {@code c}, styled for the report, its value axis as wide as its own labels
   * need.
   */
  public static JFreeChart toJFreeChart(TimeChart c) {
    return toJFreeChart(c, Double.NaN);
  }

  private static final double DAY_SECONDS = 86_400;

  /** Runs at least this long (three days) have their time axis in days. */
  static final double DAYS_AXIS_FROM_SECONDS = 3 * DAY_SECONDS;

  /** Seconds on the axis written as days: {@code 2,592,000} is {@code 30}. */
  static final class DaysFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final DecimalFormat days = new DecimalFormat("#,##0.###", ROOT);

    @Override
    public StringBuffer format(double seconds, StringBuffer to, java.text.FieldPosition pos) {
      return days.format(seconds / DAY_SECONDS, to, pos);
    }

    @Override
    public StringBuffer format(long seconds, StringBuffer to, java.text.FieldPosition pos) {
      return format((double) seconds, to, pos);
    }

    @Override
    public Number parse(String source, java.text.ParsePosition pos) {
      Number n = days.parse(source, pos);
      return n == null ? null : n.doubleValue() * DAY_SECONDS;
    }
  }

  /** The time-axis step for a run of {@code endSeconds}: 1, 2 or 5 times a power of ten. */
  static double timeTick(double endSeconds) {
    double raw = endSeconds / 10;
    double pow = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(raw)));
    for (double step : new double[] {1, 2, 5}) {
      if (step * pow >= raw) {
        return step * pow;
      }
    }
    return 10 * pow;
  }

  /**
   * The JFreeChart of {@code c}, styled for the report, with {@code valueAxisWidth} pixels left of
   * the plot for the value axis (its tick labels and label); NaN leaves the width to the axis.
   * Charts drawn with one width have their data areas at the same left and right edges, so fault
   * bands and times line up from chart to chart down a page.
   */
  public static JFreeChart toJFreeChart(TimeChart c, double valueAxisWidth) {
    XYSeriesCollection data = dataset(c);
    double end = Math.max(c.endSeconds(), 1e-9);
    // A run of days (a year of failures) is read in days: 31,536,000 s says nothing to anyone.
    boolean days = end >= DAYS_AXIS_FROM_SECONDS;
    NumberAxis time = new NumberAxis(days ? "simulated time (days)" : "simulated time (s)");
    time.setRange(0, end);
    // At most about ten labelled ticks on a 1, 2, 5 step: JFreeChart's own choice measures labels
    // without the format override and crowded short runs' axes (0.050.10.15...).
    time.setTickUnit(
        days
            ? new NumberTickUnit(timeTick(end / DAY_SECONDS) * DAY_SECONDS, new DaysFormat())
            : new NumberTickUnit(timeTick(end), new DecimalFormat("#,##0.###", ROOT)));
    ValueAxis value = valueAxis(c);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setLegendLine(new Line2D.Double(-11, 0, 11, 0));
    for (int i = 0; i < c.series().size(); i++) {
      Series s = c.series().get(i);
      renderer.setSeriesPaint(i, s.color());
      renderer.setSeriesStroke(i, Styles.line(s.line()));
    }
    FaultBands bands = new FaultBands(c.bands(), c.marks(), c.warmupSeconds());
    renderer.addAnnotation(bands, Layer.BACKGROUND);

    BandPlot plot = new BandPlot(data, time, value, renderer, bands);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(Palette.GRID);
    plot.setRangeGridlinePaint(Palette.GRID);
    plot.setDomainGridlineStroke(Styles.GRID);
    plot.setRangeGridlineStroke(Styles.GRID);
    plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
    plot.setInsets(new RectangleInsets(bands.headroom(), 4, 4, 16));
    plot.setNoDataMessage("no data");
    if (!Double.isNaN(valueAxisWidth)) {
      AxisSpace space = new AxisSpace();
      space.setLeft(valueAxisWidth);
      plot.setFixedRangeAxisSpace(space);
    }
    style(time);
    style(value);

    JFreeChart chart = new JFreeChart(null, Styles.TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(12, 14, 10, 14));
    TextTitle title = new TextTitle(c.title(), Styles.TITLE);
    title.setPaint(Palette.INK);
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    chart.setTitle(title);
    TextTitle sub = new TextTitle(c.subtitle(), Styles.SUBTITLE);
    sub.setPaint(Palette.MUTED);
    sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
    sub.setPadding(new RectangleInsets(3, 0, 6, 0));
    chart.addSubtitle(sub);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(Styles.LEGEND);
    legend.setItemPaint(Palette.INK);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
    if (c.series().size() == 1 && c.series().get(0).key().equals(c.id())) {
      // A chart of one figure (yield, harvest) is named by its title; a legend would repeat it.
      chart.removeLegend();
    }
    return chart;
  }

  /**
   * The dataset handed to JFreeChart: one XY series per line, NaN where the figure is undefined (a
   * gap), and non-positive values as gaps on a log axis, where they have no place.
   */
  public static XYSeriesCollection dataset(TimeChart c) {
    XYSeriesCollection data = new XYSeriesCollection();
    boolean log = c.scale() == TimeChart.Scale.LOG;
    for (Series s : c.series()) {
      XYSeries xs = new XYSeries(s.label(), false, true);
      for (int i = 0; i < s.x().length; i++) {
        double y = s.y()[i];
        xs.add(s.x()[i], log && y <= 0 ? Double.NaN : y, false);
      }
      data.addSeries(xs);
    }
    return data;
  }

  private static ValueAxis valueAxis(TimeChart c) {
    switch (c.scale()) {
      case FRACTION -> {
        NumberAxis a = new NumberAxis(c.yLabel());
        a.setRange(0, 1.06);
        NumberFormat pct = NumberFormat.getPercentInstance(Locale.ROOT);
        a.setTickUnit(new NumberTickUnit(0.2, pct));
        return a;
      }
      case LOG -> {
        LogAxis a = new NiceLogAxis(c.yLabel());
        a.setSmallestValue(1e-4);
        a.setNumberFormatOverride(new DecimalFormat("#,##0.###", ROOT));
        a.setMinorTickMarksVisible(false);
        a.setUpperMargin(0.08);
        return a;
      }
      default -> {
        NumberAxis a = new NumberAxis(c.yLabel());
        a.setAutoRangeIncludesZero(true);
        a.setUpperMargin(0.08);
        a.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        if (c.series().stream().noneMatch(Series::hasNonZero)) {
          // A chart drawn although it is all zeros (report.charts asked for it): 0 to 1, so the
          // line sits on a readable 0 rather than an axis of "0, 0, -0".
          a.setRange(0, 1.06);
        }
        return a;
      }
    }
  }

  private static void style(ValueAxis a) {
    a.setLabelFont(Styles.AXIS_LABEL);
    a.setLabelPaint(Palette.MUTED);
    a.setTickLabelFont(Styles.TICK);
    a.setTickLabelPaint(Palette.INK);
    a.setAxisLinePaint(Palette.AXIS);
    a.setTickMarkPaint(Palette.AXIS);
    a.setTickMarkOutsideLength(4);
  }

  /**
   * The width in pixels the value axis of {@code c} takes when the chart is drawn alone at {@link
   * #WIDTH} × {@link #HEIGHT}: what {@link #valueAxisWidth(List)} needs of each chart.
   */
  public static double valueAxisWidth(TimeChart c) {
    JFreeChart chart = toJFreeChart(c);
    ((BandPlot) chart.getPlot()).measureOnly(true);
    // The image only lends its font metrics and hints; the plot lays out its axes and draws
    // nothing.
    BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = img.createGraphics();
    try {
      antialias(g2);
      chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    } finally {
      g2.dispose();
    }
    return ((BandPlot) chart.getPlot()).valueAxisLeft();
  }

  /**
   * One value-axis width for all of {@code charts}, the widest any of them needs rounded up to a
   * whole pixel, so that drawn with it ({@link #write(TimeChart, Path, double)}) their data areas
   * share their left and right edges; NaN for no charts.
   */
  public static double valueAxisWidth(List<TimeChart> charts) {
    return valueAxisWidth(charts.stream().mapToDouble(ChartRenderer::valueAxisWidth).toArray());
  }

  /**
   * The value-axis width for charts whose own widths ({@link #valueAxisWidth(TimeChart)}) are
   * {@code widths}: the widest, rounded up to a whole pixel; NaN for none.
   */
  public static double valueAxisWidth(double[] widths) {
    double w = Double.NaN;
    for (double x : widths) {
      w = Double.isNaN(w) ? x : Math.max(w, x);
    }
    return Double.isNaN(w) ? w : Math.ceil(w);
  }

  /** Rendering info that records the plot's areas but not an entity per data point. */
  private static ChartRenderingInfo areasOnly() {
    return new ChartRenderingInfo(null);
  }

  // ---------------------------------------------------------------- files

  /**
   * Writes {@code chart} as a PNG of {@code width} × {@code height} pixels; returns where its data
   * area was drawn, in pixels.
   */
  public static Rectangle2D writePng(JFreeChart chart, int width, int height, Path file)
      throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = img.createGraphics();
    ChartRenderingInfo info = areasOnly();
    try {
      antialias(g2);
      chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
    } finally {
      g2.dispose();
    }
    writePng(img, file);
    return info.getPlotInfo().getDataArea();
  }

  /** Writes {@code chart} as an SVG document of {@code width} × {@code height} user units. */
  public static void writeSvg(JFreeChart chart, int width, int height, String id, Path file)
      throws IOException {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    // A fixed prefix (JFreeSVG's default is the wall clock) keeps the file the same run to run.
    g2.setDefsKeyPrefix("_" + id.replaceAll("[^A-Za-z0-9_-]", "") + "_");
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    writeSvg(g2, width, height, file);
  }

  static void writePng(BufferedImage img, Path file) throws IOException {
    AtomicFiles.write(
        file,
        out -> {
          if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available");
          }
        });
  }

  static void writeSvg(SVGGraphics2D g2, int width, int height, Path file) throws IOException {
    String svg =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null)
            + "\n";
    AtomicFiles.writeText(file, svg);
  }

  static void antialias(Graphics2D g2) {
    g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g2.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  /**
   * Writes {@code c} as {@code ID.png} and {@code ID.svg} in {@code dir}, its value axis as wide as
   * its own labels need; returns the chart's files.
   */
  public static ChartFile write(TimeChart c, Path dir) throws IOException {
    return write(c, dir, Double.NaN);
  }

  /**
   * Writes {@code c} as {@code ID.png} and {@code ID.svg} in {@code dir} with {@code
   * valueAxisWidth} pixels for its value axis (see {@link #toJFreeChart(TimeChart, double)});
   * returns the chart's files.
   */
  public static ChartFile write(TimeChart c, Path dir, double valueAxisWidth) throws IOException {
    JFreeChart chart = toJFreeChart(c, valueAxisWidth);
    Path png = dir.resolve(c.id() + ".png");
    Path svg = dir.resolve(c.id() + ".svg");
    Rectangle2D area = writePng(chart, WIDTH, HEIGHT, png);
    writeSvg(chart, WIDTH, HEIGHT, c.id(), svg);
    return new ChartFile(
        c.id(), c.title(), c.subtitle(), png, svg, WIDTH, HEIGHT, area.getMinX(), area.getMaxX());
  }
}
