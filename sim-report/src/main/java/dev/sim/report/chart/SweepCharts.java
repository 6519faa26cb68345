package dev.sim.report.chart;

import dev.sim.report.sweep.Heatmap;
import dev.sim.report.sweep.SweepModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The charts of a sweep ({@code sim sweep}), drawn from a {@link SweepModel}: with one varied path,
 * one chart per figure against the path's values (mean across seeds as a line, the seeds' spread as
 * a band, each expectation's threshold as a horizontal line, the knee marked); with two, a heatmap
 * of one figure with the boundary where expectations stop holding, and the same figure against the
 * path with more values, one line per value of the other (which shows hysteresis when the other
 * path is the direction the level was reached from). Charts come back as PNG bytes and SVG text, so
 * the caller writes each file atomically.
 */
public final class SweepCharts {
  /** Width of every sweep chart in pixels. */
  public static final int WIDTH = 1000;

  /** Height of a line chart in pixels. */
  public static final int HEIGHT = 460;

  /** At most this many lines on one chart: more values of the other path get no line chart. */
  public static final int MAX_LINES = 8;

  /** At most this many counter charts for one varied path. */
  public static final int MAX_COUNTERS = 6;

  private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

  private SweepCharts() {}

  /**
   * A drawn chart.
   *
   * @param id its name; the files are {@code ID.png} and {@code ID.svg}
   * @param title its title
   * @param caption what it shows, for the page
   * @param png the PNG image
   * @param svg the SVG document
   * @param width width in pixels
   * @param height height in pixels
   */
  public record Rendered(
      String id, String title, String caption, byte[] png, String svg, int width, int height) {}

  /**
   * The figures that get a chart against one varied path, in order: the share of seeds that held
   * (when there are expectations), yield, harvest unless it is 1 everywhere, latency p50 and p99,
   * the attempts per offered request, every figure an expectation names, and the counters whose
   * mean changes along the path (at most {@link #MAX_COUNTERS}).
   */
  public static List<String> lineFigures(SweepModel m) {
    Set<String> out = new LinkedHashSet<>();
    List<String> all = m.figures();
    if (!m.expectations().isEmpty()) {
      out.add(SweepModel.HELD);
    }
    out.add("yield");
    boolean harvestVaries =
        m.points().stream()
            .map(p -> p.stat("harvest"))
            .anyMatch(s -> s.defined() > 0 && (s.min() < 1 || s.max() < 1));
    if (harvestVaries) {
      out.add("harvest");
    }
    out.add("latencyP50Ms");
    out.add("latencyP99Ms");
    if (all.contains(SweepModel.AMPLIFICATION)) {
      out.add(SweepModel.AMPLIFICATION);
    }
    for (SweepModel.Threshold t : m.thresholds()) {
      if (all.contains(t.figure())) {
        out.add(t.figure());
      }
    }
    int counters = 0;
    for (String f : all) {
      if (!f.startsWith("counter.") || out.contains(f) || counters >= MAX_COUNTERS) {
        continue;
      }
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (SweepModel.Point p : m.points()) {
        double v = p.stat(f).mean();
        if (!Double.isNaN(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      if (hi > lo) {
        out.add(f);
        counters++;
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The axis whose values run along x in the two-path line chart (the one with more values, the
   * second on a tie), or -1 when the other has more than {@link #MAX_LINES} values.
   */
  public static int linesAxis(SweepModel m) {
    if (m.axes().size() != 2) {
      return -1;
    }
    int n0 = m.axes().get(0).values().size();
    int n1 = m.axes().get(1).values().size();
    int x = n0 > n1 ? 0 : 1;
    int other = m.axes().get(1 - x).values().size();
    return other <= MAX_LINES ? x : -1;
  }

  /** Every chart of the sweep: none for a sweep of no varied path or of more than two. */
  public static List<Rendered> render(SweepModel m) {
    List<Rendered> out = new ArrayList<>();
    if (m.points().isEmpty()) {
      return out;
    }
    if (m.axes().size() == 1) {
      for (String f : lineFigures(m)) {
        out.add(lineChart(m, f));
      }
    } else if (m.axes().size() == 2) {
      out.add(heatmap(m, Heatmap.of(m, m.heatmapFigure())));
      int x = linesAxis(m);
      if (x >= 0) {
        out.add(linesChart(m, m.heatmapFigure(), x));
        if (!m.heatmapFigure().equals(SweepModel.AMPLIFICATION)
            && m.figures().contains(SweepModel.AMPLIFICATION)) {
          out.add(linesChart(m, SweepModel.AMPLIFICATION, x));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------ names and numbers

  /** A figure's name for people: {@code latencyP99Ms} is "latency p99". */
  public static String label(String figure) {
    return switch (figure) {
      case SweepModel.HELD -> "seeds whose expectations held";
      case SweepModel.AMPLIFICATION -> "attempts per offered request";
      case "yield" -> "yield";
      case "harvest" -> "harvest";
      case "latencyP50Ms" -> "latency p50";
      case "latencyP99Ms" -> "latency p99";
      case "latencyMaxMs" -> "latency max";
      case "timedOut" -> "requests timed out";
      case "offered", "ok", "failed", "rejected" -> "requests " + figure;
      case "attempts" -> "attempts (tries sent)";
      default -> figure.startsWith("counter.") ? "counter " + figure.substring(8) : figure;
    };
  }

  /** The axis label of a figure, with its unit. */
  static String axisLabel(String figure) {
    if (figure.endsWith("Ms")) {
      return label(figure) + " (ms)";
    }
    if (isShare(figure)) {
      return label(figure) + " (0 to 1)";
    }
    if (figure.equals(SweepModel.AMPLIFICATION)) {
      return "attempts ÷ offered";
    }
    return label(figure) + " (per run)";
  }

  /** Whether the figure is a share from 0 to 1. */
  static boolean isShare(String figure) {
    return figure.equals("yield") || figure.equals("harvest") || figure.equals(SweepModel.HELD);
  }

  /** Whether more is better (the heatmap's colours run the other way for latencies and counts). */
  static boolean higherIsBetter(String figure) {
    return isShare(figure) || figure.equals("ok");
  }

  /**
   * A figure's short name, for a table's column head: {@code p99 (ms)}, {@code attempts ÷ offered}.
   */
  public static String shortLabel(String figure) {
    return switch (figure) {
      case SweepModel.AMPLIFICATION -> "attempts ÷ offered";
      case "latencyP50Ms" -> "p50 (ms)";
      case "latencyP99Ms" -> "p99 (ms)";
      case "latencyMaxMs" -> "max (ms)";
      default -> figure.startsWith("counter.") ? figure.substring(8) : label(figure);
    };
  }

  /** A value of {@code figure} as the charts and page write it: shares with two decimals. */
  public static String number(String figure, double v) {
    return isShare(figure) && !Double.isNaN(v) ? String.format(Locale.ROOT, "%.2f", v) : number(v);
  }

  /** A value for a cell or a label: three significant digits, no exponent. */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    double a = Math.abs(v);
    String pattern = a >= 100 || v == Math.rint(v) ? "#,##0" : a >= 10 ? "0.0" : "0.00";
    return new DecimalFormat(pattern, ROOT).format(v);
  }

  // ------------------------------------------------------------ one varied path

  private static Rendered lineChart(SweepModel m, String figure) {
    SweepModel.Axis axis = m.axes().get(0);
    List<SweepModel.Point> line = m.line(0, new int[1]);
    int knee = SweepModel.knee(line);
    String band = m.bandName();
    String title = m.scenario() + " sweep — " + capital(label(figure)) + " against " + axis.path();
    StringBuilder sub = new StringBuilder();
    if (figure.equals(SweepModel.HELD)) {
      sub.append("Share of seeds whose every expectation held, at each value");
    } else {
      sub.append("Mean across seeds (line); band: ").append(band).append(" across seeds");
    }
    sub.append("; ").append(kneeText(axis, 0, line, knee));
    if (line.stream().anyMatch(p -> Double.isNaN(p.stat(figure).mean()))) {
      sub.append("; gaps: undefined in every seed");
    }
    List<Line> lines = List.of(new Line(label(figure), Palette.BLUE, line, knee));
    JFreeChart chart = lines(m, figure, axis, 0, lines, !figure.equals(SweepModel.HELD));
    String caption =
        capital(label(figure))
            + " at each value of "
            + axis.path()
            + (figure.equals(SweepModel.HELD) ? "" : ": mean across seeds, band " + band)
            + (m.thresholdsOf(figure).isEmpty()
                ? ""
                : "; dashed line: "
                    + String.join(
                        ", ", m.thresholdsOf(figure).stream().map(t -> t.check()).toList()))
            + "; "
            + kneeText(axis, 0, line, knee)
            + ".";
    return draw(chart, id(figure), title, sub.toString(), caption, WIDTH, HEIGHT);
  }

  /** What the knee mark says, or that there is none. */
  static String kneeText(SweepModel.Axis axis, int x, List<SweepModel.Point> line, int knee) {
    if (line.isEmpty()) {
      return "no point ran";
    }
    if (knee < 0) {
      return "expectations held at every value, in every seed";
    }
    SweepModel.Point p = line.get(knee);
    String at = axis.values().get(p.at()[x]);
    String failed = (p.seeds() - p.held()) + " of " + p.seeds() + " seeds";
    if (knee == 0) {
      return "fails from the first value, " + at + " (" + failed + ")";
    }
    return "knee at " + at + ": first value where a seed failed (" + failed + ")";
  }

  /** One line of a chart: a series of points along the x path, and its knee (-1 for none). */
  private record Line(String name, Color color, List<SweepModel.Point> points, int knee) {}

  /**
   * A line chart of {@code figure} along axis {@code x}: each line its mean and (with {@code band})
   * its band, failing points ringed in vermillion, thresholds as dashed horizontal lines, each
   * line's knee as a dashed vertical line.
   */
  private static JFreeChart lines(
      SweepModel m, String figure, SweepModel.Axis axis, int x, List<Line> lines, boolean band) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    for (Line l : lines) {
      YIntervalSeries s = new YIntervalSeries(l.name(), false, true);
      for (SweepModel.Point p : l.points()) {
        SweepModel.Stat st = p.stat(figure);
        if (!Double.isNaN(st.mean())) {
          s.add(p.at()[x], st.mean(), band ? st.low() : st.mean(), band ? st.high() : st.mean());
        }
      }
      data.addSeries(s);
    }
    SymbolAxis xAxis = new SymbolAxis(axis.path(), axis.values().toArray(new String[0]));
    xAxis.setGridBandsVisible(false);
    xAxis.setRange(-0.4, axis.values().size() - 0.6);
    NumberAxis yAxis = new NumberAxis(axisLabel(figure));
    if (isShare(figure)) {
      yAxis.setRange(0, 1.05);
      yAxis.setTickUnit(new NumberTickUnit(0.2, new DecimalFormat("0.0", ROOT)));
    } else {
      yAxis.setAutoRangeIncludesZero(true);
      yAxis.setNumberFormatOverride(new DecimalFormat("#,##0.##", ROOT));
      // A threshold above (or below) every value must still be on the chart.
      double top = 0;
      for (Line l : lines) {
        for (SweepModel.Point p : l.points()) {
          SweepModel.Stat st = p.stat(figure);
          if (!Double.isNaN(st.mean())) {
            top = Math.max(top, band ? st.high() : st.mean());
          }
        }
      }
      boolean outside = false;
      for (SweepModel.Threshold t : m.thresholdsOf(figure)) {
        outside |= t.value() > top;
        top = Math.max(top, t.value());
      }
      if (outside) {
        yAxis.setRange(0, top * 1.12);
      }
    }
    DeviationRenderer r = new DeviationRenderer(true, true);
    r.setAlpha(0.22f);
    for (int i = 0; i < lines.size(); i++) {
      Color c = lines.get(i).color();
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesStroke(i, new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    // Points where some seed failed, ringed: where the line crosses into the failing region.
    XYSeriesCollection failing = new XYSeriesCollection();
    XYSeries f = new XYSeries("a seed's expectations failed here", false, true);
    for (Line l : lines) {
      for (SweepModel.Point p : l.points()) {
        double v = p.stat(figure).mean();
        if (!p.allHeld() && !Double.isNaN(v)) {
          f.add(p.at()[x], v);
        }
      }
    }
    if (!m.expectations().isEmpty() && f.getItemCount() > 0) {
      failing.addSeries(f);
      XYLineAndShapeRenderer rings = new XYLineAndShapeRenderer(false, true);
      rings.setSeriesPaint(0, Palette.INK);
      rings.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
      rings.setSeriesShapesFilled(0, false);
      rings.setSeriesOutlineStroke(0, new BasicStroke(2f));
      rings.setUseOutlinePaint(false);
      rings.setDrawOutlines(true);
      rings.setSeriesStroke(0, new BasicStroke(2.2f));
      plot.setDataset(1, failing);
      plot.setRenderer(1, rings);
    }
    for (SweepModel.Threshold t : m.thresholdsOf(figure)) {
      ValueMarker mark = new ValueMarker(t.value());
      mark.setPaint(Palette.INK);
      mark.setStroke(
          new BasicStroke(
              1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
      mark.setLabel("expect " + t.check());
      mark.setLabelFont(Styles.BAND_LABEL);
      mark.setLabelPaint(Palette.INK);
      mark.setLabelBackgroundColor(new Color(255, 255, 255, 0));
      mark.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      mark.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      mark.setLabelOffset(new RectangleInsets(2, 4, 2, 6));
      plot.addRangeMarker(mark, Layer.FOREGROUND);
    }
    boolean single = lines.size() == 1;
    if (lines.size() == 2 && lines.get(0).knee() >= 0 && lines.get(1).knee() >= 0) {
      // Two lines that tip at different values (a level reached from below and from above):
      // between their knees the outcome depends on the path, not on the value.
      double a = lines.get(0).points().get(lines.get(0).knee()).at()[x];
      double b = lines.get(1).points().get(lines.get(1).knee()).at()[x];
      if (a != b) {
        IntervalMarker gap = new IntervalMarker(Math.min(a, b), Math.max(a, b));
        gap.setPaint(Palette.alpha(Palette.REDDISH_PURPLE, 40));
        gap.setLabel("gap between the knees: two stable states");
        gap.setLabelFont(new Font(Styles.FAMILY, Font.BOLD, 13));
        gap.setLabelPaint(new Color(0x8E3B6B));
        gap.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        gap.setLabelAnchor(RectangleAnchor.CENTER);
        gap.setLabelTextAnchor(TextAnchor.CENTER);
        plot.addDomainMarker(gap, Layer.BACKGROUND);
      }
    }
    for (Line l : lines) {
      if (l.knee() < 0) {
        continue;
      }
      SweepModel.Point p = l.points().get(l.knee());
      ValueMarker mark = new ValueMarker(p.at()[x]);
      mark.setPaint(single ? Palette.VERMILLION : l.color());
      mark.setStroke(
          new BasicStroke(
              2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 4f}, 0f));
      if (single) {
        mark.setLabel(
            (l.knee() == 0 ? "fails from " : "knee ") + axis.values().get(p.at()[x]) + " ▸");
        mark.setLabelFont(new Font(Styles.FAMILY, Font.BOLD, 13));
        mark.setLabelPaint(Palette.VERMILLION);
        mark.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        mark.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        mark.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        mark.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
      }
      plot.addDomainMarker(mark, Layer.BACKGROUND);
    }
    stylePlot(plot);
    style(xAxis);
    style(yAxis);
    JFreeChart chart = new JFreeChart(null, Styles.TITLE, plot, true);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(Styles.LEGEND);
    legend.setItemPaint(Palette.INK);
    legend.setFrame(BlockBorder.NONE);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
    return chart;
  }

  // ------------------------------------------------------------ two varied paths

  /** The figure against the path {@code x}, one line per value of the other path. */
  private static Rendered linesChart(SweepModel m, String figure, int x) {
    int other = 1 - x;
    SweepModel.Axis axis = m.axes().get(x);
    SweepModel.Axis by = m.axes().get(other);
    List<Line> lines = new ArrayList<>();
    List<String> knees = new ArrayList<>();
    for (int v = 0; v < by.values().size(); v++) {
      int[] fixed = new int[2];
      fixed[other] = v;
      List<SweepModel.Point> line = m.line(x, fixed);
      int knee = SweepModel.knee(line);
      String value = by.values().get(v);
      String kneeAt =
          knee < 0 ? "held throughout" : "knee " + axis.values().get(line.get(knee).at()[x]);
      lines.add(
          new Line(
              shortPath(by.path())
                  + " = "
                  + value
                  + (m.expectations().isEmpty() ? "" : " (" + kneeAt + ")"),
              Palette.cycle(v),
              line,
              knee));
      knees.add(value + ": " + kneeAt);
    }
    String title = m.scenario() + " sweep — " + capital(label(figure)) + " against " + axis.path();
    String sub =
        "One line per "
            + by.path()
            + ": mean across seeds, band "
            + m.bandName()
            + (m.expectations().isEmpty() ? "" : "; dashed verticals: each line's knee");
    String caption =
        capital(label(figure))
            + " against "
            + axis.path()
            + ", one line per value of "
            + by.path()
            + " (mean, band "
            + m.bandName()
            + ")"
            + (m.expectations().isEmpty()
                ? "."
                : "; the first value where a seed's expectations fail, per line: "
                    + String.join("; ", knees)
                    + ". Knees far apart for the same level are the gap between two stable states.");
    JFreeChart chart = lines(m, figure, axis, x, lines, true);
    return draw(chart, "lines-" + id(figure), title, sub, caption, WIDTH, HEIGHT + 20);
  }

  /** The last part of a path, {@code retry.max} of {@code nodes.clients.retry.max}. */
  static String shortPath(String path) {
    String[] parts = path.split("\\.");
    return parts.length <= 2 ? path : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  private static Rendered heatmap(SweepModel m, Heatmap h) {
    int nx = h.xAxis().values().size();
    int ny = h.yAxis().values().size();
    DefaultXYZDataset data = new DefaultXYZDataset();
    int cells = nx * ny;
    double[][] series = new double[3][cells];
    int k = 0;
    for (int x = 0; x < nx; x++) {
      for (int y = 0; y < ny; y++) {
        series[0][k] = x;
        series[1][k] = y;
        series[2][k] = h.mean()[x][y];
        k++;
      }
    }
    data.addSeries(h.figure(), series);
    double[] range = h.range();
    boolean share = isShare(h.figure());
    double lo = share ? 0 : range[0];
    double hi = share ? 1 : range[1];
    if (hi <= lo) {
      hi = lo + 1;
    }
    Scale scale = new Scale(lo, hi, higherIsBetter(h.figure()));
    XYBlockRenderer r = new XYBlockRenderer();
    r.setPaintScale(scale);
    SymbolAxis xAxis = new SymbolAxis(h.xAxis().path(), h.xAxis().values().toArray(new String[0]));
    SymbolAxis yAxis = new SymbolAxis(h.yAxis().path(), h.yAxis().values().toArray(new String[0]));
    xAxis.setGridBandsVisible(false);
    yAxis.setGridBandsVisible(false);
    xAxis.setRange(-0.5, nx - 0.5);
    yAxis.setRange(-0.5, ny - 0.5);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
    int height = Math.max(420, Math.min(900, 190 + 62 * ny));
    // Cell labels only where a cell is wide and tall enough to hold them.
    double cellW = (WIDTH - 260.0) / nx;
    double cellH = (height - 190.0) / ny;
    boolean labels = cellW >= 44 && cellH >= 30;
    for (int x = 0; x < nx; x++) {
      for (int y = 0; y < ny; y++) {
        if (!h.ran()[x][y]) {
          continue;
        }
        double v = h.mean()[x][y];
        Color text = scale.textOn(v);
        if (labels) {
          String shown = number(h.figure(), v);
          XYTextAnnotation a = new XYTextAnnotation(shown, x, y + (cellH >= 44 ? 0.12 : 0));
          a.setFont(new Font(Styles.FAMILY, Font.BOLD, 13));
          a.setPaint(text);
          plot.addAnnotation(a);
          if (cellH >= 44) {
            SweepModel.Point p = pointAt(m, x, y);
            XYTextAnnotation b =
                new XYTextAnnotation(
                    p.allHeld()
                        ? "held " + p.held() + "/" + p.seeds()
                        : "✗ " + p.held() + "/" + p.seeds() + " held",
                    x,
                    y - 0.22);
            b.setFont(Styles.SMALL);
            b.setPaint(text);
            plot.addAnnotation(b);
          }
        }
      }
    }
    BasicStroke edge = new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    for (Heatmap.Edge e : h.edges()) {
      plot.addAnnotation(new XYLineAnnotation(e.x0(), e.y0(), e.x1(), e.y1(), edge, Palette.INK));
    }
    stylePlot(plot);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    style(xAxis);
    style(yAxis);
    JFreeChart chart = new JFreeChart(null, Styles.TITLE, plot, false);
    NumberAxis scaleAxis = new NumberAxis(axisLabel(h.figure()));
    scaleAxis.setRange(lo, hi);
    style(scaleAxis);
    PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setMargin(new RectangleInsets(10, 14, 40, 4));
    legend.setStripWidth(18);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setSubdivisionCount(100);
    chart.addSubtitle(legend);
    String title =
        m.scenario()
            + " sweep — "
            + capital(label(h.figure()))
            + " over "
            + shortPath(h.xAxis().path())
            + " × "
            + shortPath(h.yAxis().path());
    boolean anyFailed = m.points().stream().anyMatch(p -> !p.allHeld());
    boolean anyHeld = m.points().stream().anyMatch(SweepModel.Point::allHeld);
    String where =
        m.expectations().isEmpty()
            ? "no expectations, so no boundary"
            : h.edges().isEmpty()
                ? (anyFailed && !anyHeld
                    ? "expectations failed in some seed at every point"
                    : "expectations held at every point, in every seed")
                : "thick line: the boundary between points where every seed held its expectations"
                    + " and points where some seed did not (✗)";
    String sub = "Mean across seeds in each cell; " + where;
    String caption =
        capital(label(h.figure()))
            + " (mean across seeds) at each combination of "
            + h.xAxis().path()
            + " and "
            + h.yAxis().path()
            + "; "
            + where
            + ".";
    return draw(chart, "heatmap-" + id(h.figure()), title, sub, caption, WIDTH, height);
  }

  private static SweepModel.Point pointAt(SweepModel m, int x, int y) {
    for (SweepModel.Point p : m.points()) {
      if (p.at()[0] == x && p.at()[1] == y) {
        return p;
      }
    }
    throw new IllegalArgumentException("no point at " + x + ", " + y);
  }

  /**
   * The heatmap's colours: vermillion for bad, a pale yellow in the middle, blue for good (an
   * orange–blue scale, which stays readable under the common colour blindnesses).
   */
  static final class Scale implements PaintScale {
    private static final Color BAD = new Color(0xD55E00);
    private static final Color MID = new Color(0xF7EFB2);
    private static final Color GOOD = new Color(0x0072B2);
    private static final Color NONE = new Color(0xE8E8E8);
    private final double lo;
    private final double hi;
    private final boolean higherIsBetter;

    Scale(double lo, double hi, boolean higherIsBetter) {
      this.lo = lo;
      this.hi = hi;
      this.higherIsBetter = higherIsBetter;
    }

    @Override
    public double getLowerBound() {
      return lo;
    }

    @Override
    public double getUpperBound() {
      return hi;
    }

    @Override
    public Paint getPaint(double value) {
      return color(value);
    }

    Color color(double value) {
      if (Double.isNaN(value)) {
        return NONE;
      }
      double t = Math.max(0, Math.min(1, (value - lo) / (hi - lo)));
      double good = higherIsBetter ? t : 1 - t;
      return good < 0.5 ? mix(BAD, MID, good * 2) : mix(MID, GOOD, (good - 0.5) * 2);
    }

    /** White on a dark cell, ink on a light one. */
    Color textOn(double value) {
      Color c = color(value);
      double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
      return luminance < 140 ? Color.WHITE : Palette.INK;
    }

    private static Color mix(Color a, Color b, double t) {
      return new Color(
          (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
          (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
          (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
  }

  // ------------------------------------------------------------ drawing

  private static void stylePlot(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(Palette.GRID);
    plot.setRangeGridlinePaint(Palette.GRID);
    plot.setDomainGridlineStroke(Styles.GRID);
    plot.setRangeGridlineStroke(Styles.GRID);
    plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
    plot.setInsets(new RectangleInsets(10, 4, 4, 16));
  }

  private static void style(ValueAxis a) {
    a.setLabelFont(Styles.AXIS_LABEL);
    a.setLabelPaint(Palette.MUTED);
    a.setTickLabelFont(Styles.TICK);
    a.setTickLabelPaint(Palette.INK);
    a.setAxisLinePaint(Palette.AXIS);
    a.setTickMarkPaint(Palette.AXIS);
  }

  static String id(String figure) {
    return figure.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Rendered draw(
      JFreeChart chart, String id, String title, String sub, String caption, int w, int h) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(12, 14, 10, 14));
    TextTitle t = new TextTitle(title, Styles.TITLE);
    t.setPaint(Palette.INK);
    t.setHorizontalAlignment(HorizontalAlignment.LEFT);
    chart.setTitle(t);
    TextTitle s = new TextTitle(sub, Styles.SUBTITLE);
    s.setPaint(Palette.MUTED);
    s.setHorizontalAlignment(HorizontalAlignment.LEFT);
    s.setPadding(new RectangleInsets(3, 0, 6, 0));
    s.setPosition(RectangleEdge.TOP);
    chart.addSubtitle(0, s);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = img.createGraphics();
    try {
      ChartRenderer.antialias(g2);
      chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
    } finally {
      g2.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, "png", png)) {
        throw new IOException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SVGGraphics2D svg = new SVGGraphics2D(w, h);
    // A fixed prefix (JFreeSVG's default is the wall clock) keeps the file the same run to run.
    svg.setDefsKeyPrefix("_" + id.replaceAll("[^A-Za-z0-9_-]", "") + "_");
    chart.draw(svg, new Rectangle2D.Double(0, 0, w, h));
    String svgText =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + svg.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null)
            + "\n";
    return new Rendered(id, title, caption, png.toByteArray(), svgText, w, h);
  }
}
