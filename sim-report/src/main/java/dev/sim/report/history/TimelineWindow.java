package dev.sim.report.history;

import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.kernel.history.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of a history the report draws: a window of simulated time and the lanes in it. A long
 * run has tens of thousands of operations, which drawn whole are slivers nobody can read (and an
 * SVG of many megabytes); the window is as wide as about {@link #SPAN_MEDIANS} typical operations,
 * so a bar is some pixels wide, stretched to hold the operations that explain the witness (or,
 * without a witness, widened to show {@link #MIN_OPS} of a sparse history), and narrowed until it
 * holds at most {@link #MAX_OPS}. At most {@link #MAX_LANES} lanes are drawn: the witness's first,
 * then the busiest.
 *
 * @param fromNanos the start of the time axis
 * @param toNanos the end of the time axis
 * @param lines the lines to draw: the invokes and completions of the operations in the window
 * @param operations operations drawn
 * @param candidates operations the window was chosen from
 * @param lanes lanes (processes) drawn
 * @param lanesLeftOut lanes with operations in the window that were not drawn
 */
public record TimelineWindow(
    long fromNanos,
    long toNanos,
    List<Op> lines,
    int operations,
    int candidates,
    int lanes,
    int lanesLeftOut) {

  /**
   * The window's width in typical (median) operation durations: a typical bar is then about 15
   * pixels wide.
   */
  static final int SPAN_MEDIANS = 60;

  /** The widest a sparse window grows to hold {@link #MIN_OPS}, in median durations. */
  static final int MAX_SPAN_MEDIANS = 200;

  /** Operations a window grows to hold, when the history has them within reach. */
  static final int MIN_OPS = 30;

  /** How far the window stretches for the operations that explain the witness, in its widths. */
  static final int MAX_STRETCH = 6;

  /** Operations drawn at most. */
  static final int MAX_OPS = 400;

  /** Lanes drawn at most. */
  static final int MAX_LANES = 24;

  /** Copies the lines. */
  public TimelineWindow {
    lines = List.copyOf(lines);
  }

  /** Whether every candidate operation is drawn. */
  public boolean whole() {
    return operations == candidates;
  }

  /**
   * The window of {@code history} around {@code anchorNanos}, which sits at 60% of its width (the
   * lead-up to it matters more than what follows), holding the operations whose invokes are in
   * {@code keep} when it can, within {@code [0, endNanos]}.
   */
  public static TimelineWindow around(
      List<Op> history, long anchorNanos, Collection<Integer> keep, long endNanos) {
    List<Operation> ops = Operations.pair(history);
    long end = Math.max(endNanos, history.isEmpty() ? 1 : history.get(history.size() - 1).time());
    long median = median(ops);
    long span = Math.max(1_000L, Math.min(end, SPAN_MEDIANS * median));
    // A sparse history is widened until the window shows enough of it, unless the window is
    // there to tell a witness's story, which the operations to keep mark out.
    while (keep.isEmpty()
        && span < MAX_SPAN_MEDIANS * median
        && span < end
        && count(ops, place(anchorNanos, span, end)) < MIN_OPS) {
      span = Math.min(end, span * 5 / 4);
    }
    Set<Integer> wanted = new HashSet<>(keep);
    long[] w = stretch(ops, wanted, anchorNanos, span);
    w = narrow(ops, anchorNanos, inside(w[0], w[1], end));
    List<Operation> drawn = new ArrayList<>();
    for (Operation o : ops) {
      if (intersects(o, w[0], w[1])) {
        drawn.add(o);
      }
    }
    return lanes(drawn, wanted, w[0], w[1], ops.size());
  }

  /**
   * The window of {@code span} with {@code anchor} at 60%, stretched to hold the operations of
   * {@code wanted}, the nearest first, as long as it stays within {@link #MAX_STRETCH} spans.
   */
  private static long[] stretch(List<Operation> ops, Set<Integer> wanted, long anchor, long span) {
    long lo = anchor - span * 6 / 10;
    long hi = lo + span;
    List<Operation> kept = new ArrayList<>();
    for (Operation o : ops) {
      if (wanted.contains(o.invokeIndex())) {
        kept.add(o);
      }
    }
    kept.sort(Comparator.comparingLong(o -> Math.abs(o.invokeNanos() - anchor)));
    long margin = span / 20;
    for (Operation o : kept) {
      long a = Math.min(lo, o.invokeNanos() - margin);
      long b = Math.max(hi, (o.pending() ? o.invokeNanos() : o.completeNanos()) + margin);
      if (b - a <= MAX_STRETCH * span) {
        lo = a;
        hi = b;
      }
    }
    return new long[] {lo, hi};
  }

  /**
   * {@code w} narrowed around {@code anchor}, which keeps its place in it, until it holds at most
   * {@link #MAX_OPS} operations.
   */
  private static long[] narrow(List<Operation> ops, long anchor, long[] w) {
    if (count(ops, w) <= MAX_OPS) {
      return w;
    }
    long width = w[1] - w[0];
    double at = width > 0 ? Math.max(0, Math.min(1, (double) (anchor - w[0]) / width)) : 0;
    double low = 0;
    double high = 1;
    for (int i = 0; i < 40; i++) {
      double mid = (low + high) / 2;
      long part = (long) (width * mid);
      long a = anchor - (long) (part * at);
      if (count(ops, new long[] {a, a + part}) > MAX_OPS) {
        high = mid;
      } else {
        low = mid;
      }
    }
    long part = Math.max(1, (long) (width * low));
    long a = anchor - (long) (part * at);
    return new long[] {a, a + part};
  }

  /** Keeps the lanes of {@code inside} that fit: those of {@code wanted}, then the busiest. */
  private static TimelineWindow lanes(
      List<Operation> inside, Set<Integer> wanted, long lo, long hi, int candidates) {
    Map<Integer, Integer> perLane = new LinkedHashMap<>();
    Set<Integer> witnessLanes = new HashSet<>();
    for (Operation o : inside) {
      perLane.merge(o.process(), 1, Integer::sum);
      if (wanted.contains(o.invokeIndex())) {
        witnessLanes.add(o.process());
      }
    }
    List<Integer> order = new ArrayList<>(perLane.keySet());
    order.sort(
        Comparator.comparing((Integer p) -> !witnessLanes.contains(p))
            .thenComparing(p -> -perLane.get(p))
            .thenComparing(p -> p));
    Set<Integer> drawn = new TreeSet<>(order.subList(0, Math.min(MAX_LANES, order.size())));
    List<Op> lines = new ArrayList<>();
    int operations = 0;
    for (Operation o : inside) {
      if (drawn.contains(o.process())) {
        operations++;
        lines.add(o.invoke());
        if (!o.pending()) {
          lines.add(o.completion());
        }
      }
    }
    lines.sort(Comparator.comparingInt(Op::index));
    return new TimelineWindow(
        lo, hi, lines, operations, candidates, drawn.size(), order.size() - drawn.size());
  }

  /** A window of {@code span} with {@code anchor} at 60%, {@link #inside} the run. */
  private static long[] place(long anchor, long span, long end) {
    long lo = anchor - span * 6 / 10;
    return inside(lo, lo + span, end);
  }

  /** {@code [lo, hi]} moved inside {@code [0, end]}: shifted rather than cut where it fits. */
  private static long[] inside(long lo, long hi, long end) {
    if (lo < 0) {
      hi = Math.min(end, hi - lo);
      lo = 0;
    }
    if (hi > end) {
      lo = Math.max(0, lo - (hi - end));
      hi = end;
    }
    return new long[] {lo, hi};
  }

  /** The median duration of the operations that completed (1 ms when none did). */
  static long median(List<Operation> ops) {
    List<Long> d = new ArrayList<>();
    for (Operation o : ops) {
      if (!o.pending()) {
        d.add(o.completeNanos() - o.invokeNanos());
      }
    }
    if (d.isEmpty()) {
      return 1_000_000L;
    }
    d.sort(null);
    return Math.max(1, d.get(d.size() / 2));
  }

  private static int count(List<Operation> ops, long[] w) {
    int n = 0;
    for (Operation o : ops) {
      n += intersects(o, w[0], w[1]) ? 1 : 0;
    }
    return n;
  }

  /** Whether {@code o}'s bar reaches into {@code [lo, hi]}: one that never completed runs on. */
  private static boolean intersects(Operation o, long lo, long hi) {
    return o.invokeNanos() <= hi && (o.pending() || o.completeNanos() >= lo);
  }
}
