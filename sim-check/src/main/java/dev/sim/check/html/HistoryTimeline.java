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
 * dashed purple. {@link #band} shades spans of time (a run's fault windows) behind the lanes, as
 * the report's charts do. The axis may cover part of the history: bars are cut at its ends.
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
  private int left = LEFT;
  private int top = TOP;
  private Map<Integer, Integer> prefixOrder = Map.of();
  private int stuck = -1;
  private Set<Integer> related = Set.of();
  private final TimelineBands bands = new TimelineBands();

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

  /**
   * Shades {@code fromNanos} to {@code toNanos} behind the lanes in {@code colour} ({@code
   * #rrggbb}), with {@code label} above it: a fault window, as the report's charts shade it. A span
   * of no width is drawn as a line.
   */
  public HistoryTimeline band(long fromNanos, long toNanos, String label, String colour) {
    bands.add(fromNanos, toNanos, label, colour);
    return this;
  }

  /** The SVG element. */
  public String svg() {
    TreeSet<Integer> processes = new TreeSet<>();
    Map<Integer, String> laneNode = new HashMap<>();
    for (Operation o : ops) {
      processes.add(o.process());
      laneNode.putIfAbsent(o.process(), o.invoke().node());
    }
    Map<Integer, Integer> lane = new HashMap<>();
    Map<Integer, String> laneName = new HashMap<>();
    int longest = 0;
    for (int p : processes) {
      lane.put(p, lane.size());
      String node = laneNode.get(p);
      String name = "process " + p + (node == null ? "" : " (" + node + ")");
      laneName.put(p, name);
      longest = Math.max(longest, name.length());
    }
    // About 5.6 pixels a character at 10px sans-serif, and room for the gap to the lanes.
    left = Math.max(LEFT, (int) Math.ceil(longest * 5.6) + 12);
    top = TOP + (bands.any(startNanos, endNanos) ? TimelineBands.ROW : 0);
    int height = top + Math.max(1, lane.size()) * LANE + BOTTOM;
    StringBuilder b = new StringBuilder(1024 + ops.size() * 320);
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
    for (int p : processes) {
      int y = top + lane.get(p) * LANE;
      if (lane.get(p) % 2 == 1) {
        b.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f6f8\"/>\n",
                left,
                y,
                width - left - RIGHT,
                LANE));
      }
      String node = laneNode.get(p);
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#333\">%s<title>%s</title></text>\n",
              left - 6,
              y + LANE / 2 + 4,
              Xml.escape(laneName.get(p)),
              Xml.escape("process " + p + (node == null ? "" : " on " + node))));
    }
    bands.draw(b, this::x, left, width - RIGHT, top, height - BOTTOM);
    axis(b, height);
    if (stuck >= 0) {
      for (Operation o : ops) {
        double x = x(o.invokeNanos());
        if (o.invokeIndex() == stuck && x >= left && x <= width - RIGHT) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                      + " stroke-dasharray=\"4 3\" stroke-width=\"1\"/>\n",
                  x,
                  top,
                  x,
                  height - BOTTOM,
                  STUCK));
        }
      }
    }
    for (Operation o : ops) {
      bar(b, o, top + lane.get(o.process()) * LANE + (LANE - BAR) / 2);
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
            left,
            top - 4,
            width - RIGHT,
            top - 4));
    for (long t = first; t <= endNanos; t += step) {
      double x = x(t);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>\n",
              x,
              top - 4,
              x,
              height - BOTTOM));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
              x,
              top - 10,
              Xml.escape(Values.time(t))));
    }
    b.append(
        String.format(
            Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#555\">simulated time</text>\n", top - 10));
  }

  private void bar(StringBuilder b, Operation o, int y) {
    // A pending operation's bar runs to the end; an info one's to its completion, then a thin
    // tail to the end: it may take effect any time after its invoke, and the process may go on.
    // Bars are cut at the ends of the axis, which may cover only part of the history.
    boolean open = o.pending();
    boolean tail = o.outcome() == OpType.INFO && !open;
    double right = width - RIGHT;
    double x1 = Math.max(left, x(o.invokeNanos()));
    double x2 = Math.min(right, open ? right : x(o.completeNanos()));
    if (x2 < left || x1 > right) {
      return;
    }
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
    if (tail && right > x1 + w) {
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"3\" fill=\"%s\""
                  + " fill-opacity=\"0.7\"/>",
              x1 + w,
              y + BAR / 2 - 1,
              right - x1 - w,
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
    // The witness's own bars, and the last of the prefix (the state the stuck one meets).
    boolean marked =
        o.invokeIndex() == stuck
            || related.contains(o.invokeIndex())
            || order != null && order == prefixOrder.size();
    if (label.length() * 6 + 4 <= w) {
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" fill=\"#111\">%s</text>",
              x1 + 2,
              y + BAR - 3,
              Xml.escape(label)));
    } else if (marked) {
      // The witness's own bars say what they were even when too short to hold it: beside them,
      // on a white halo over whatever lies there.
      String outside = outsideLabel(o, label);
      double tw = outside.length() * 6;
      boolean after = x1 + w + 4 + tw <= right;
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" font-weight=\"bold\"%s stroke=\"#fff\""
                  + " stroke-width=\"3\" paint-order=\"stroke\">%s</text>",
              after ? x1 + w + 4 : x1 - 12,
              y + BAR - 3,
              stroke,
              after ? "" : " text-anchor=\"end\"",
              Xml.escape(outside)));
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

  /** A marked bar's label beside it: a set read's elements are counted, not listed. */
  private static String outsideLabel(Operation o, String label) {
    if (o.isRead() && o.ok() && o.completion().value() instanceof List<?> l) {
      return "r (" + l.size() + (l.size() == 1 ? " element)" : " elements)");
    }
    return label.length() > 28 ? label.substring(0, 27) + "…" : label;
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
    return left + (t - startNanos) / span * (width - left - RIGHT);
  }
}
