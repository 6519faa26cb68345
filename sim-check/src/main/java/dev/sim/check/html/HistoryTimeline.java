package dev.sim.check.html;

import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.check.Values;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A history drawn as an inline SVG, one lane per process and one bar per operation from its invoke
 * to its completion, coloured by outcome (ok green, fail red, info amber; an info or
 * never-completed operation runs to the end of the axis). Each bar's hover title says what it was.
 * For an invalid key, {@link #mark} outlines the longest valid prefix in blue, the operation that
 * cannot be placed in thick red with a line down the lanes at its invoke, and related operations in
 * dashed purple.
 *
 * <p>Self-contained: styles are attributes, so the SVG can be embedded in any page (the check page,
 * a run's report) without CSS of its own and without external assets.
 */
public final class HistoryTimeline {
  static final String OK = "#7cc47f";
  static final String FAIL = "#ee8f8f";
  static final String INFO = "#f5c66b";
  static final String PREFIX = "#1f5fbf";
  static final String STUCK = "#c00000";
  static final String RELATED = "#7b3fa0";

  private static final int LEFT = 110;
  private static final int TOP = 34;
  private static final int LANE = 20;
  private static final int BAR = 13;
  private static final int RIGHT = 20;
  private static final int BOTTOM = 12;

  private final List<Operation> ops;
  private final long startNanos;
  private final long endNanos;
  private int width = 1100;
  private Map<Integer, Integer> prefixOrder = Map.of();
  private int stuck = -1;
  private Set<Integer> related = Set.of();

  private HistoryTimeline(List<Op> history, long startNanos, long endNanos) {
    this.ops = Operations.pair(history);
    this.startNanos = startNanos;
    this.endNanos = Math.max(endNanos, startNanos + 1);
  }

  /** A timeline of {@code history} whose axis runs from its first line's time to its last's. */
  public static HistoryTimeline of(List<Op> history) {
    long start = history.isEmpty() ? 0 : history.get(0).time();
    long end = history.isEmpty() ? 1 : history.get(history.size() - 1).time();
    return new HistoryTimeline(history, start, end);
  }

  /** A timeline of {@code history} on an axis from {@code startNanos} to {@code endNanos}. */
  public static HistoryTimeline of(List<Op> history, long startNanos, long endNanos) {
    return new HistoryTimeline(history, startNanos, endNanos);
  }

  /** The width of the whole drawing in pixels (default 1100). */
  public HistoryTimeline width(int pixels) {
    this.width = Math.max(LEFT + RIGHT + 100, pixels);
    return this;
  }

  /**
   * Marks a key's witness: {@code prefix} the invoke indices of the longest valid prefix in their
   * order, {@code stuckOp} the invoke index of the operation that cannot be placed (-1: none), and
   * {@code relatedOps} invoke indices that explain it.
   */
  public HistoryTimeline mark(List<Integer> prefix, int stuckOp, List<Integer> relatedOps) {
    Map<Integer, Integer> order = new HashMap<>();
    for (int i = 0; i < prefix.size(); i++) {
      order.put(prefix.get(i), i + 1);
    }
    this.prefixOrder = order;
    this.stuck = stuckOp;
    this.related = new HashSet<>(relatedOps);
    return this;
  }

  /** The SVG element. */
  public String svg() {
    TreeSet<Integer> processes = new TreeSet<>();
    for (Operation o : ops) {
      processes.add(o.process());
    }
    Map<Integer, Integer> lane = new HashMap<>();
    Map<Integer, String> laneNode = new HashMap<>();
    for (int p : processes) {
      lane.put(p, lane.size());
    }
    for (Operation o : ops) {
      laneNode.putIfAbsent(o.process(), o.invoke().node());
    }
    int height = TOP + Math.max(1, lane.size()) * LANE + BOTTOM;
    StringBuilder b = new StringBuilder(256 + ops.size() * 220);
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" font-family=\"sans-serif\" font-size=\"10\" role=\"img\">\n",
            width,
            height,
            width,
            height));
    b.append("<title>Operation history: one lane per process, one bar per operation</title>\n");
    axis(b, height);
    for (int p : processes) {
      int y = TOP + lane.get(p) * LANE;
      if (lane.get(p) % 2 == 1) {
        b.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f6f8\"/>\n",
                LEFT,
                y,
                width - LEFT - RIGHT,
                LANE));
      }
      String node = laneNode.get(p);
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#333\">%s<title>%s</title></text>\n",
              LEFT - 6,
              y + LANE / 2 + 4,
              Xml.escape("process " + p),
              Xml.escape("process " + p + (node == null ? "" : " on " + node))));
    }
    if (stuck >= 0) {
      for (Operation o : ops) {
        if (o.invokeIndex() == stuck) {
          double x = x(o.invokeNanos());
          b.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                      + " stroke-dasharray=\"4 3\" stroke-width=\"1\"/>\n",
                  x,
                  TOP,
                  x,
                  height - BOTTOM,
                  STUCK));
        }
      }
    }
    for (Operation o : ops) {
      bar(b, o, TOP + lane.get(o.process()) * LANE + (LANE - BAR) / 2);
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private void axis(StringBuilder b, int height) {
    long span = endNanos - startNanos;
    long step = TimeTicks.step(span);
    long first = Math.floorDiv(startNanos + step - 1, step) * step;
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
            LEFT,
            TOP - 4,
            width - RIGHT,
            TOP - 4));
    for (long t = first; t <= endNanos; t += step) {
      double x = x(t);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>\n",
              x,
              TOP - 4,
              x,
              height - BOTTOM));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
              x,
              TOP - 10,
              Xml.escape(Values.time(t))));
    }
    b.append(
        String.format(
            Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#555\">simulated time</text>\n", TOP - 10));
  }

  private void bar(StringBuilder b, Operation o, int y) {
    // A pending operation's bar runs to the end; an info one's to its completion, then a thin
    // tail to the end: it may take effect any time after its invoke, and the process may go on.
    boolean open = o.pending();
    boolean tail = o.outcome() == OpType.INFO && !open;
    double x1 = x(o.invokeNanos());
    double x2 = open ? x(endNanos) : x(o.completeNanos());
    double w = Math.max(2, x2 - x1);
    String fill = o.outcome() == OpType.OK ? OK : o.outcome() == OpType.FAIL ? FAIL : INFO;
    String stroke = "none";
    String strokeWidth = "0";
    String dash = "";
    Integer order = prefixOrder.get(o.invokeIndex());
    if (o.invokeIndex() == stuck) {
      stroke = STUCK;
      strokeWidth = "3";
    } else if (related.contains(o.invokeIndex())) {
      stroke = RELATED;
      strokeWidth = "2";
      dash = " stroke-dasharray=\"3 2\"";
    } else if (order != null) {
      stroke = PREFIX;
      strokeWidth = "2";
    }
    b.append("<g>");
    if (tail && x(endNanos) > x1 + w) {
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"3\" fill=\"%s\""
                  + " fill-opacity=\"0.7\"/>",
              x1 + w,
              y + BAR / 2 - 1,
              x(endNanos) - x1 - w,
              INFO));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"%s\""
                + " fill-opacity=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>",
            x1,
            y,
            w,
            BAR,
            fill,
            open ? "0.6" : "1",
            stroke,
            strokeWidth,
            dash));
    String label = label(o);
    if (label.length() * 6 + 4 <= w) {
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" fill=\"#111\">%s</text>",
              x1 + 2,
              y + BAR - 3,
              Xml.escape(label)));
    }
    if (o.invokeIndex() == stuck) {
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" fill=\"%s\" font-size=\"13\""
                  + " font-weight=\"bold\">✗</text>",
              x1 - 2,
              y + BAR - 1,
              STUCK));
    }
    b.append("<title>").append(Xml.escape(title(o, order))).append("</title></g>\n");
  }

  /** The short text inside a bar: {@code w 7}, {@code r 3}, {@code cas 1→2}, {@code +1}. */
  static String label(Operation o) {
    Object v = o.invoke().value();
    return switch (o.f()) {
      case "write" -> "w " + Values.text(v);
      case "read" -> "r" + (o.ok() ? " " + Values.text(o.completion().value()) : "");
      case "cas" ->
          v instanceof List<?> l && l.size() == 2
              ? "cas " + Values.text(l.get(0)) + "→" + Values.text(l.get(1))
              : "cas";
      case "add" -> "add " + Values.text(v);
      case "incr" -> (v instanceof Long n && n >= 0 ? "+" : "") + Values.text(v);
      default -> o.f();
    };
  }

  private static String title(Operation o, Integer order) {
    List<String> parts = new ArrayList<>();
    parts.add(o.describe());
    parts.add(
        "invoked "
            + Values.time(o.invokeNanos())
            + (o.pending()
                ? ", never completed"
                : ", " + o.outcome().json() + " " + Values.time(o.completeNanos())));
    parts.add(
        "history index "
            + o.invokeIndex()
            + (o.pending() ? "" : "–" + o.completeIndex())
            + (o.invoke().node() == null ? "" : " · client " + o.invoke().node()));
    if (order != null) {
      parts.add("#" + order + " of the longest valid prefix");
    }
    return String.join("\n", parts);
  }

  private double x(long t) {
    double span = endNanos - startNanos;
    return LEFT + (t - startNanos) / span * (width - LEFT - RIGHT);
  }
}
