package dev.sim.report.history;

import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.check.html.HistoryTimeline;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.Palette;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The history timeline of a run's report: a {@link TimelineWindow} of the history drawn by {@link
 * HistoryTimeline}, with the run's fault windows shaded as on its charts. For a run that is not
 * valid, the window holds the witness key's operations around the one that cannot be placed, marked
 * as the check page marks it; otherwise every key's operations, from the first fault on.
 *
 * @param svg the drawing
 * @param window what it shows of the history
 * @param key the witness key when only its operations are drawn (null: the unnamed key, or all keys
 *     when {@code witnessOnly} is false)
 * @param witnessOnly whether the drawing holds only the witness key's operations
 * @param marked whether the witness is marked on it
 * @param prefix whether the witness has a longest valid prefix (registers), outlined on it
 */
public record RunTimeline(
    String svg,
    TimelineWindow window,
    String key,
    boolean witnessOnly,
    boolean marked,
    boolean prefix) {

  /** The drawing's width in pixels: that of the report's charts. */
  public static final int WIDTH = 1000;

  /** The last operations of the longest valid prefix the window tries to hold. */
  static final int PREFIX_TAIL = 3;

  /**
   * The timeline of {@code r}, when it recorded a history; {@code witness} as {@link Witness#of}.
   */
  public static Optional<RunTimeline> of(RunResult r, Optional<Witness> witness) {
    if (r.history().isEmpty()) {
      return Optional.empty();
    }
    long end = r.simulatedNanos();
    TimelineWindow window;
    HistoryTimeline drawing;
    boolean marked = false;
    boolean prefix = false;
    if (witness.isPresent() && witness.get().stuck().isPresent()) {
      Witness w = witness.get();
      Operation stuck = w.stuck().get();
      List<Integer> keep = new ArrayList<>();
      keep.add(stuck.invokeIndex());
      w.related().forEach(o -> keep.add(o.invokeIndex()));
      w.prefixTail(PREFIX_TAIL).forEach(o -> keep.add(o.invokeIndex()));
      window = TimelineWindow.around(w.lines(), stuck.invokeNanos(), keep, end);
      drawing =
          HistoryTimeline.of(window.lines(), window.fromNanos(), window.toNanos())
              .mark(w.check().longestPrefix(), w.check().stuckOp(), w.relatedIndices());
      marked = true;
      prefix = !w.check().longestPrefix().isEmpty();
    } else {
      List<Op> lines = witness.map(Witness::lines).orElse(r.history().ops());
      window = TimelineWindow.around(lines, anchor(r, lines), List.of(), end);
      drawing = HistoryTimeline.of(window.lines(), window.fromNanos(), window.toNanos());
    }
    for (Annotation a : r.annotations()) {
      long to = a.endNanos() < 0 ? end : a.endNanos();
      String label = a.label() == null || a.label().isBlank() ? a.kind() : a.label();
      drawing.band(a.startNanos(), to, label, hex(Palette.fault(a.kind())));
    }
    String svg = drawing.width(WIDTH).svg();
    return Optional.of(
        new RunTimeline(
            svg,
            window,
            witness.map(Witness::key).orElse(null),
            witness.isPresent(),
            marked,
            prefix));
  }

  /**
   * Where a window without a witness is anchored: at the first fault that starts while operations
   * run (where the history has something to show), else at the start of the history.
   */
  private static long anchor(RunResult r, List<Op> lines) {
    long first = lines.get(0).time();
    long last = lines.get(lines.size() - 1).time();
    long best = Long.MAX_VALUE;
    for (Annotation a : r.annotations()) {
      if (a.startNanos() >= first && a.startNanos() <= last) {
        best = Math.min(best, a.startNanos());
      }
    }
    if (best != Long.MAX_VALUE) {
      return best;
    }
    // At 60% of the window, so the window starts at the first line.
    long span = TimelineWindow.SPAN_MEDIANS * TimelineWindow.median(Operations.pair(lines));
    return first + span * 6 / 10;
  }

  private static String hex(Color c) {
    return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff);
  }
}
