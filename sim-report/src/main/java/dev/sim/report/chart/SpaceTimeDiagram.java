package dev.sim.report.chart;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.MessageRecord;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.text.Format;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.svg.SVGGraphics2D;

/**
 * A space-time (Lamport) diagram: one horizontal lane per node, time flowing left to right, an
 * arrow per message from its send to its delivery. Lost messages end in a cross, crashed spans of a
 * lane are red and broken, paused spans grey, partitions shaded. Drawn with plain Java2D, so the
 * same code fills a PNG image and an SVG document.
 */
public final class SpaceTimeDiagram {
  /** Runs with more nodes than this get no diagram: the lanes would be too thin to read. */
  public static final int MAX_NODES = 12;

  /**
   * At most this many messages are drawn, the first ones sent; the caption says so. Beyond about a
   * hundred arrows a reader can no longer follow one exchange (one trial of the two generals, one
   * round of the Byzantine generals), which is what the diagram is for.
   */
  public static final int MAX_MESSAGES = 100;

  /** Below this many messages each arrow is labelled with its type. */
  static final int LABEL_LIMIT = 30;

  static final int WIDTH = ChartRenderer.WIDTH;

  /** Fractions along an arrow where its label may go, in order of preference. */
  private static final double[] LABEL_POSITIONS = {0.5, 0.3, 0.7, 0.2, 0.8};

  private static final int LEFT = 96;
  private static final int RIGHT = 24;
  private static final int TOP = 92;
  private static final int MIN_LANE = 46;
  private static final int MAX_LANE = 110;
  private static final int BOTTOM = 96;
  private static final Color LANE_LINE = new Color(0x9A9A9A);
  private static final Color CRASHED = Palette.VERMILLION;
  private static final Color PAUSED = new Color(0, 0, 0, 40);
  private static final Color STATE = Palette.alpha(Palette.BLUISH_GREEN, 60);
  private static final Color STATE_TEXT = FaultBands.darker(Palette.BLUISH_GREEN);
  private static final Color LOST = Palette.VERMILLION;

  private final String title;
  private final String caption;
  private final List<NodeInfo> nodes;
  private final List<MessageRecord> shown;
  private final int totalMessages;
  private final long t0;
  private final long t1;
  private final List<long[]> crashed = new ArrayList<>();
  private final List<long[]> paused = new ArrayList<>();
  // What nodes said they were (node events of kind state): node, from, to, and the label.
  private final List<long[]> states = new ArrayList<>();
  private final List<String> stateLabels = new ArrayList<>();
  private final List<Annotation> partitions = new ArrayList<>();
  private final Map<String, Color> typeColour = new LinkedHashMap<>();
  private final long lossReachNanos;
  private final int lane;
  private boolean anyCrashedShown;
  private boolean anyPausedShown;
  private boolean anyPartitionShown;

  private SpaceTimeDiagram(RunResult r) {
    nodes = r.nodes();
    // Few nodes get roomier lanes, so arrows between two lanes are not flattened.
    lane = Math.max(MIN_LANE, Math.min(MAX_LANE, 330 / Math.max(1, nodes.size() - 1)));
    List<MessageRecord> all = r.messages();
    totalMessages = all.size();
    List<MessageRecord> firstSent = new ArrayList<>(all);
    firstSent.sort((a, b) -> Long.compare(a.sendNanos(), b.sendNanos()));
    shown = List.copyOf(firstSent.subList(0, Math.min(MAX_MESSAGES, firstSent.size())));

    long[] latencies =
        shown.stream()
            .filter(m -> m.deliverNanos() >= 0)
            .mapToLong(m -> m.deliverNanos() - m.sendNanos())
            .sorted()
            .toArray();
    long median = latencies.length == 0 ? 0 : latencies[latencies.length / 2];
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (MessageRecord m : shown) {
      lo = Math.min(lo, m.sendNanos());
      hi = Math.max(hi, Math.max(m.sendNanos(), m.deliverNanos()));
    }
    long span = Math.max(hi - lo, 1_000_000L);
    // A lost message is drawn reaching part of the way, as far as a typical one would in 60%.
    lossReachNanos = Math.max(median * 6 / 10, span / 40);
    hi = Math.max(hi, lo + span);
    for (MessageRecord m : shown) {
      if (m.deliverNanos() < 0) {
        hi = Math.max(hi, m.sendNanos() + lossReachNanos);
      }
    }
    long pad = Math.max((hi - lo) / 40, 1);
    t0 = Math.max(0, lo - pad);
    t1 = hi + pad;

    for (MessageRecord m : shown) {
      typeColour.computeIfAbsent(m.type(), k -> Palette.cycle(typeColour.size()));
    }
    long end = Math.max(r.simulatedNanos(), t1);
    long[] crashAt = new long[nodes.size()];
    long[] pauseAt = new long[nodes.size()];
    long[] stateAt = new long[nodes.size()];
    String[] stateLabel = new String[nodes.size()];
    Arrays.fill(crashAt, -1);
    Arrays.fill(pauseAt, -1);
    Arrays.fill(stateAt, -1);
    for (NodeEvent e : r.nodeEvents()) {
      int n = e.node();
      if (n < 0 || n >= nodes.size()) {
        continue;
      }
      if (e.kind().equals("state") || e.kind().equals("crash")) {
        if (stateAt[n] >= 0) {
          states.add(new long[] {n, stateAt[n], e.timeNanos()});
          stateLabels.add(stateLabel[n]);
          stateAt[n] = -1;
        }
        if (e.kind().equals("state") && !e.reason().isEmpty()) {
          stateAt[n] = e.timeNanos();
          stateLabel[n] = e.reason();
        }
      }
      switch (e.kind()) {
        case "crash" -> crashAt[n] = e.timeNanos();
        case "restart" -> {
          if (crashAt[n] >= 0) {
            crashed.add(new long[] {n, crashAt[n], e.timeNanos()});
            crashAt[n] = -1;
          }
        }
        case "pause" -> pauseAt[n] = e.timeNanos();
        case "resume" -> {
          if (pauseAt[n] >= 0) {
            paused.add(new long[] {n, pauseAt[n], e.timeNanos()});
            pauseAt[n] = -1;
          }
        }
        default -> {}
      }
    }
    for (int n = 0; n < nodes.size(); n++) {
      if (stateAt[n] >= 0) {
        states.add(new long[] {n, stateAt[n], end});
        stateLabels.add(stateLabel[n]);
      }
      if (crashAt[n] >= 0) {
        crashed.add(new long[] {n, crashAt[n], end});
      }
      if (pauseAt[n] >= 0) {
        paused.add(new long[] {n, pauseAt[n], end});
      }
    }
    for (Annotation a : r.annotations()) {
      if ("partition".equals(a.kind())) {
        partitions.add(a);
      }
    }
    title = TimeCharts.title(r, "Messages (space-time diagram)");
    String range = Format.nanos(t0) + " – " + Format.nanos(t1);
    caption =
        (shown.size() < totalMessages
                ? "The first "
                    + Format.count(shown.size())
                    + " of "
                    + Format.count(totalMessages)
                    + " messages, "
                : Format.count(totalMessages, "message", "messages") + ", ")
            + "simulated "
            + range
            + ". One lane per node, time flowing left to right.";
  }

  /**
   * The diagram of {@code r}, or null when it has none: no recorded messages, or more than {@link
   * #MAX_NODES} nodes.
   */
  public static SpaceTimeDiagram of(RunResult r) {
    if (r.messages().isEmpty() || r.nodes().isEmpty() || r.nodes().size() > MAX_NODES) {
      return null;
    }
    return new SpaceTimeDiagram(r);
  }

  /** The sentence shown under the diagram: how many messages, over which span of time. */
  public String caption() {
    return caption;
  }

  /** The title line. */
  public String title() {
    return title;
  }

  /** Messages drawn (at most {@link #MAX_MESSAGES}). */
  public int shownMessages() {
    return shown.size();
  }

  /** Width in pixels. */
  public int width() {
    return WIDTH;
  }

  /** Height in pixels: grows with the number of lanes. */
  public int height() {
    return TOP + lane * Math.max(1, nodes.size() - 1) + BOTTOM + 12;
  }

  /** Writes {@code spacetime.png} and {@code spacetime.svg} into {@code dir}. */
  public ChartFile write(Path dir) throws IOException {
    Path png = dir.resolve("spacetime.png");
    Path svg = dir.resolve("spacetime.svg");
    BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      ChartRenderer.antialias(g);
      draw(g);
    } finally {
      g.dispose();
    }
    ChartRenderer.writePng(img, png);
    SVGGraphics2D s = new SVGGraphics2D(width(), height());
    s.setDefsKeyPrefix("_spacetime_");
    draw(s);
    ChartRenderer.writeSvg(s, width(), height(), svg);
    return new ChartFile(
        "spacetime", title, caption, png, svg, width(), height(), LEFT, WIDTH - RIGHT);
  }

  // ---------------------------------------------------------------- drawing

  private double x(long t) {
    return LEFT + (double) (t - t0) / (t1 - t0) * (WIDTH - LEFT - RIGHT);
  }

  private double y(int node) {
    return TOP + lane * node;
  }

  /** Draws the whole diagram onto {@code g} (a PNG's or an SVG's graphics). */
  public void draw(Graphics2D g) {
    anyCrashedShown = false;
    anyPausedShown = false;
    anyPartitionShown = false;
    g.setPaint(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width(), height()));
    double top = TOP - 24;
    double bottom = y(nodes.size() - 1) + 22;

    // Title and caption, styled like the time charts.
    g.setFont(Styles.TITLE);
    g.setPaint(Palette.INK);
    g.drawString(title, 14, 30);
    g.setFont(Styles.SUBTITLE);
    g.setPaint(Palette.MUTED);
    g.drawString(caption, 14, 52);

    // Partitions: shaded spans over every lane.
    g.setFont(Styles.BAND_LABEL);
    for (Annotation a : partitions) {
      long s = Math.max(a.startNanos(), t0);
      long e = a.endNanos() < 0 ? t1 : Math.min(a.endNanos(), t1);
      if (e <= s) {
        continue;
      }
      Color c = Palette.fault("partition");
      anyPartitionShown = true;
      g.setPaint(Palette.alpha(c, 40));
      g.fill(new Rectangle2D.Double(x(s), top, x(e) - x(s), bottom - top));
      g.setPaint(FaultBands.darker(c));
      g.drawString(a.label(), (float) x(s) + 3, (float) top - 4);
    }

    // Lanes, with paused spans greyed and crashed spans broken and red.
    for (int i = 0; i < nodes.size(); i++) {
      double yy = y(i);
      g.setPaint(LANE_LINE);
      g.setStroke(new BasicStroke(1.2f));
      g.draw(new Line2D.Double(LEFT, yy, WIDTH - RIGHT, yy));
      g.setFont(Styles.LANE);
      g.setPaint(Palette.INK);
      String name = nodes.get(i).name();
      FontMetrics fm = g.getFontMetrics();
      String shownName = name;
      while (fm.stringWidth(shownName) > LEFT - 16 && shownName.length() > 2) {
        shownName = shownName.substring(0, shownName.length() - 2) + "…";
      }
      g.drawString(shownName, LEFT - 10 - fm.stringWidth(shownName), (float) yy + 5);
    }
    // What nodes said they were (a Raft leader's term): a band around the lane, labelled.
    for (int i = 0; i < states.size(); i++) {
      long[] st = states.get(i);
      double a = x(Math.max(st[1], t0));
      double b = x(Math.min(st[2], t1));
      if (b <= a || st[2] < t0 || st[1] > t1) {
        continue;
      }
      double yy = y((int) st[0]);
      g.setPaint(STATE);
      g.fill(new Rectangle2D.Double(a, yy - 7, b - a, 14));
      g.setFont(Styles.SMALL);
      g.setPaint(STATE_TEXT);
      g.drawString(stateLabels.get(i), (float) a + 3, (float) yy - 10);
    }
    for (long[] p : paused) {
      double a = x(Math.max(p[1], t0));
      double b = x(Math.min(p[2], t1));
      if (b > a && p[2] >= t0 && p[1] <= t1) {
        anyPausedShown = true;
        g.setPaint(PAUSED);
        g.fill(new Rectangle2D.Double(a, y((int) p[0]) - 8, b - a, 16));
      }
    }
    for (long[] c : crashed) {
      double a = x(Math.max(c[1], t0));
      double b = x(Math.min(c[2], t1));
      if (b <= a || c[2] < t0 || c[1] > t1) {
        continue;
      }
      anyCrashedShown = true;
      double yy = y((int) c[0]);
      g.setPaint(Color.WHITE);
      g.fill(new Rectangle2D.Double(a, yy - 2, b - a, 4));
      g.setPaint(CRASHED);
      g.setStroke(
          new BasicStroke(
              3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
      g.draw(new Line2D.Double(a, yy, b, yy));
      if (c[1] >= t0) {
        cross(g, a, yy, 6, CRASHED);
      }
    }

    // Messages.
    boolean labels = shown.size() <= LABEL_LIMIT;
    List<Rectangle2D> labelBoxes = new ArrayList<>();
    Stroke solid = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    Stroke dashed =
        new BasicStroke(
            1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f);
    g.setFont(Styles.SMALL);
    for (MessageRecord m : shown) {
      if (m.from() < 0 || m.from() >= nodes.size() || m.to() < 0 || m.to() >= nodes.size()) {
        continue;
      }
      double xs = x(m.sendNanos());
      double ys = y(m.from());
      boolean lost = m.deliverNanos() < 0;
      Color c = lost ? LOST : typeColour.get(m.type());
      if (m.from() == m.to()) {
        // A message to oneself: a small loop above the lane.
        double xe = lost ? x(m.sendNanos() + lossReachNanos) : x(m.deliverNanos());
        g.setPaint(c);
        g.setStroke(lost ? dashed : solid);
        g.draw(new QuadCurve2D.Double(xs, ys, (xs + xe) / 2, ys - 22, xe, ys));
        continue;
      }
      double xe;
      double ye;
      double yt = y(m.to());
      if (lost) {
        xe = x(m.sendNanos() + lossReachNanos);
        ye = ys + (yt - ys) * 0.6;
      } else {
        xe = x(m.deliverNanos());
        ye = yt;
      }
      g.setPaint(c);
      g.setStroke(lost ? dashed : solid);
      g.draw(new Line2D.Double(xs, ys, xe, ye));
      g.fill(new Rectangle2D.Double(xs - 1.5, ys - 1.5, 3, 3));
      if (lost) {
        cross(g, xe, ye, 5, LOST);
      } else {
        arrowHead(g, xs, ys, xe, ye, c);
      }
      if (labels) {
        // The message's own summary (e.g. "OM v=ATTACK path=[c,2]") tells a student more than
        // its type; long ones are cut so labels stay readable.
        String what = m.summary() == null || m.summary().isEmpty() ? m.type() : m.summary();
        if (what.length() > 32) {
          what = what.substring(0, 31) + "…";
        }
        String text =
            lost ? what + " (" + (m.lostCause() == null ? "lost" : m.lostCause()) + ")" : what;
        FontMetrics fm = g.getFontMetrics();
        int textWidth = fm.stringWidth(text);
        // Crossing arrows (a lieutenant's relay and a traitor's lie, say) meet at their middles,
        // so try several points along the arrow before giving up on a label.
        for (double along : LABEL_POSITIONS) {
          double px = xs + (xe - xs) * along;
          double py = ys + (ye - ys) * along;
          // Keep the label inside the plot: right of the point, or left of it near the edge.
          float lx = (float) (px + 4 + textWidth > WIDTH - RIGHT ? px - 4 - textWidth : px + 4);
          float ly = (float) (py - 3);
          Rectangle2D box =
              new Rectangle2D.Double(lx - 2, ly - fm.getAscent(), textWidth + 4, fm.getHeight());
          if (labelBoxes.stream().noneMatch(box::intersects)) {
            labelBoxes.add(box);
            g.setPaint(FaultBands.darker(c));
            g.drawString(text, lx, ly);
            break;
          }
        }
      }
    }

    drawTimeAxis(g, bottom);
    drawLegend(g, bottom + 52);
  }

  private void drawTimeAxis(Graphics2D g, double yAxis) {
    g.setPaint(Palette.AXIS);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Line2D.Double(LEFT, yAxis, WIDTH - RIGHT, yAxis));
    double span = (t1 - t0) / 1e9;
    double step = niceStep(span / 8);
    g.setFont(Styles.TICK);
    FontMetrics fm = g.getFontMetrics();
    double first = Math.ceil(t0 / 1e9 / step) * step;
    for (double t = first; t <= t1 / 1e9 + 1e-12; t += step) {
      double xx = x(Math.round(t * 1e9));
      g.setPaint(Palette.AXIS);
      g.draw(new Line2D.Double(xx, yAxis, xx, yAxis + 4));
      String label = Format.seconds(Math.round(t / step) * step);
      g.setPaint(Palette.INK);
      g.drawString(label, (float) (xx - fm.stringWidth(label) / 2.0), (float) yAxis + 18);
    }
    g.setFont(Styles.AXIS_LABEL);
    g.setPaint(Palette.MUTED);
    String label = "simulated time";
    g.drawString(
        label,
        (float) (LEFT + (WIDTH - LEFT - RIGHT) / 2.0 - g.getFontMetrics().stringWidth(label) / 2.0),
        (float) yAxis + 36);
  }

  private void drawLegend(Graphics2D g, double yy) {
    g.setFont(Styles.LEGEND);
    FontMetrics fm = g.getFontMetrics();
    double xx = LEFT;
    for (Map.Entry<String, Color> e : typeColour.entrySet()) {
      if (xx > WIDTH - 160) {
        break;
      }
      g.setPaint(e.getValue());
      g.setStroke(new BasicStroke(1.6f));
      g.draw(new Line2D.Double(xx, yy - 4, xx + 20, yy - 4));
      arrowHead(g, xx, yy - 4, xx + 22, yy - 4, e.getValue());
      g.setPaint(Palette.INK);
      g.drawString(e.getKey(), (float) xx + 28, (float) yy);
      xx += 28 + fm.stringWidth(e.getKey()) + 22;
    }
    if (shown.stream().anyMatch(m -> m.deliverNanos() < 0)) {
      g.setPaint(LOST);
      g.setStroke(
          new BasicStroke(
              1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 4f}, 0f));
      g.draw(new Line2D.Double(xx, yy - 4, xx + 18, yy - 4));
      cross(g, xx + 20, yy - 4, 5, LOST);
      g.setPaint(Palette.INK);
      g.drawString("lost", (float) xx + 30, (float) yy);
      xx += 30 + fm.stringWidth("lost") + 22;
    }
    if (anyCrashedShown) {
      g.setPaint(CRASHED);
      g.setStroke(
          new BasicStroke(
              3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
      g.draw(new Line2D.Double(xx, yy - 4, xx + 24, yy - 4));
      g.setPaint(Palette.INK);
      g.drawString("crashed", (float) xx + 30, (float) yy);
      xx += 30 + fm.stringWidth("crashed") + 22;
    }
    if (anyPausedShown) {
      g.setPaint(PAUSED);
      g.fill(new Rectangle2D.Double(xx, yy - 12, 24, 16));
      g.setPaint(Palette.INK);
      g.drawString("paused", (float) xx + 30, (float) yy);
      xx += 30 + fm.stringWidth("paused") + 22;
    }
    if (anyPartitionShown) {
      g.setPaint(Palette.alpha(Palette.fault("partition"), 60));
      g.fill(new Rectangle2D.Double(xx, yy - 12, 24, 16));
      g.setPaint(Palette.INK);
      g.drawString("partition", (float) xx + 30, (float) yy);
    }
  }

  private static void arrowHead(Graphics2D g, double x0, double y0, double x1, double y1, Color c) {
    double angle = Math.atan2(y1 - y0, x1 - x0);
    double len = 8;
    double spread = Math.toRadians(22);
    Path2D head = new Path2D.Double();
    head.moveTo(x1, y1);
    head.lineTo(x1 - len * Math.cos(angle - spread), y1 - len * Math.sin(angle - spread));
    head.lineTo(x1 - len * Math.cos(angle + spread), y1 - len * Math.sin(angle + spread));
    head.closePath();
    g.setPaint(c);
    g.fill(head);
  }

  private static void cross(Graphics2D g, double x, double y, double r, Color c) {
    g.setPaint(c);
    g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
    g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
  }

  /** A 1-2-5 step of at least {@code raw} seconds. */
  static double niceStep(double raw) {
    if (raw <= 0) {
      return 1e-3;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * mag >= raw) {
        return m * mag;
      }
    }
    return 10 * mag;
  }
}
