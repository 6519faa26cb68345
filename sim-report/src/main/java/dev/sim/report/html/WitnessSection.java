package dev.sim.report.html;

import static dev.sim.report.html.Html.escape;

import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.check.Values;
import dev.sim.check.html.TimelineLegend;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.history.RunTimeline;
import dev.sim.report.history.TimelineWindow;
import dev.sim.report.history.Witness;
import dev.sim.report.text.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The second half of the "Consistency" section: the witness (the key, the operation that cannot be
 * placed, why, and the end of the longest valid prefix), the history timeline around it, and the
 * first lost writes, each saying where the rest is.
 */
final class WitnessSection {
  /** The history file a run folder holds. */
  static final String HISTORY = "history.jsonl";

  /** Lost writes listed on the page; summary.json lists more, {@code sim check} all. */
  static final int MAX_LOST_ROWS = 10;

  /** Operations of the longest valid prefix listed: its last ones, which the stuck one follows. */
  static final int PREFIX_SHOWN = 3;

  /** Characters of an operation's description shown before it is cut (a set read is long). */
  static final int MAX_DESCRIPTION = 240;

  private WitnessSection() {}

  static void append(
      StringBuilder h, RunResult r, ConsistencySummary c, Path dir, boolean lostChart) {
    Optional<Witness> witness = Witness.of(r);
    witness(h, r, c, witness);
    timeline(h, r, c, witness, dir);
    lost(h, c, dir, lostChart);
  }

  private static void witness(
      StringBuilder h, RunResult r, ConsistencySummary c, Optional<Witness> witness) {
    if (c.valid()) {
      return;
    }
    String key = Operations.keyName(c.witnessKey());
    h.append("<h3>The witness: ").append(escape(key)).append("</h3>\n");
    if (!c.witness().isEmpty()) {
      h.append("<p class=\"why\">").append(escape(c.witness())).append("</p>\n");
    }
    Optional<Operation> stuck = witness.flatMap(Witness::stuck);
    if (stuck.isEmpty()) {
      if (c.verdict().equals("invalid")) {
        h.append("<p class=\"more\">")
            .append(
                r.history().isEmpty()
                    ? "The run folder has no " + HISTORY + ", so the operations are not shown."
                    : "The operations could not be found again in the history.")
            .append("</p>\n");
      }
      return;
    }
    Witness w = witness.get();
    boolean register = w.check().model().id().contains("register");
    h.append("<dl class=\"witness\">\n<dt>")
        .append(register ? "Cannot be placed" : "The offending read")
        .append("</dt><dd class=\"stuck\">✗ ")
        .append(escape(describe(stuck.get(), r)))
        .append("</dd>\n");
    List<Operation> related = w.related();
    if (!related.isEmpty()) {
      h.append("<dt>")
          .append(
              register
                  ? "The write of the value it returned"
                  : w.check().model().id().equals("set") ? "The add it misses" : "Related")
          .append("</dt>");
      for (Operation o : related) {
        h.append("<dd>").append(escape(describe(o, r))).append("</dd>");
      }
      h.append("\n");
    }
    List<Integer> prefix = w.check().longestPrefix();
    if (!prefix.isEmpty()) {
      h.append("<dt>Longest valid prefix</dt><dd>")
          .append(Format.count(prefix.size()))
          .append(" of the key's ")
          .append(Format.count(w.check().operations(), "operation", "operations"))
          .append(" can be put in an order that explains every answer; the operation above cannot")
          .append(" follow them. The last of them, in the order they take effect:<ol start=\"");
      List<Operation> tail = w.prefixTail(PREFIX_SHOWN);
      h.append(prefix.size() - tail.size() + 1).append("\">");
      for (Operation o : tail) {
        h.append("<li>").append(escape(describe(o, r))).append("</li>");
      }
      h.append("</ol></dd>\n");
    }
    h.append("</dl>\n");
  }

  /** An operation for people, with its times and its line in history.jsonl. */
  static String describe(Operation o, RunResult r) {
    String d = o.describe();
    if (d.length() > MAX_DESCRIPTION) {
      d = d.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
    return d
        + ", invoked "
        + Values.time(o.invokeNanos())
        + (o.pending() ? ", never completed" : ", completed " + Values.time(o.completeNanos()))
        + where(o.invokeIndex(), r.history().ops());
  }

  /**
   * {@code (index 34, history.jsonl line 35)}: the index the checker's sentences name, and the line
   * when the run's history is numbered line by line from 0, as a run writes it.
   */
  private static String where(int index, List<Op> ops) {
    boolean lineByLine = index < ops.size() && ops.get(index).index() == index;
    return " (index " + index + (lineByLine ? ", " + HISTORY + " line " + (index + 1) : "") + ")";
  }

  private static void timeline(
      StringBuilder h, RunResult r, ConsistencySummary c, Optional<Witness> w, Path dir) {
    Optional<RunTimeline> t = RunTimeline.of(r, w);
    if (t.isEmpty()) {
      return;
    }
    RunTimeline tl = t.get();
    TimelineWindow win = tl.window();
    h.append("<h3>")
        .append(tl.marked() ? "The history around the witness" : "The history")
        .append("</h3>\n")
        .append(TimelineLegend.html(tl.marked() && tl.prefix(), tl.marked()))
        .append("<div class=\"timeline\">\n")
        .append(tl.svg())
        .append("</div>\n<p class=\"more\">");
    String whose =
        tl.witnessOnly()
            ? "Operations on " + Operations.keyName(tl.key())
            : "Operations on every key";
    h.append(escape(whose))
        .append(", one lane per process, from ")
        .append(escape(Values.time(win.fromNanos())))
        .append(" to ")
        .append(escape(Values.time(win.toNanos())))
        .append(" of the run's ")
        .append(escape(Values.time(r.simulatedNanos())))
        .append(": ")
        .append(
            win.whole()
                ? "all " + Format.count(win.operations(), "operation", "operations")
                : Format.count(win.operations())
                    + " of "
                    + Format.count(win.candidates(), "operation", "operations"))
        .append(
            win.lanesLeftOut() > 0
                ? " (" + Format.count(win.lanesLeftOut(), "lane", "lanes") + " left out)"
                : "")
        .append(faultsIn(r, win) ? ". Faults are shaded as on the charts." : ".");
    h.append(" The whole history is in <code>")
        .append(HISTORY)
        .append("</code>; <code>")
        .append(escape(checkCommand(r, dir)))
        .append("</code> draws all of it, every key on its own.</p>\n");
  }

  /** Whether a fault window of {@code r} reaches into {@code win}. */
  private static boolean faultsIn(RunResult r, TimelineWindow win) {
    for (Annotation a : r.annotations()) {
      long end = a.endNanos() < 0 ? r.simulatedNanos() : a.endNanos();
      if (a.startNanos() <= win.toNanos() && end >= win.fromNanos()) {
        return true;
      }
    }
    return false;
  }

  /** {@code sim check DIR/history.jsonl --out DIR/check}, for the run folder {@code dir}. */
  static String checkCommand(RunResult r, Path dir) {
    String folder = dir == null ? "runs/" + r.scenario() + "-seed" + r.seed() : dir.toString();
    String sep = folder.endsWith("/") ? "" : "/";
    return "sim check " + folder + sep + HISTORY + " --out " + folder + sep + "check";
  }

  private static void lost(StringBuilder h, ConsistencySummary c, Path dir, boolean lostChart) {
    if (c.lost().isEmpty()) {
      return;
    }
    long all = c.lostListedOrLeftOut();
    h.append("<h3>Lost writes</h3>\n<p>")
        .append(Format.count(all, "write", "writes"))
        .append(" acknowledged to a client went missing later")
        .append(
            lostChart
                ? "; the <a href=\"#chart-lost-writes\">lost-writes chart</a> shows when."
                : ".")
        .append(all > MAX_LOST_ROWS ? " The first " + MAX_LOST_ROWS + ":" : "")
        .append("</p>\n<table>\n<tr><th>key</th><th class=\"num\">value</th>")
        .append("<th class=\"num\">acknowledged</th><th class=\"num\">loss showed</th></tr>\n");
    int n = 0;
    for (ConsistencySummary.LostWrite l : c.lost()) {
      if (n++ == MAX_LOST_ROWS) {
        break;
      }
      h.append("<tr><td>")
          .append(l.key() == null ? "<i>unnamed</i>" : "<code>" + escape(l.key()) + "</code>")
          .append("</td><td class=\"num\">")
          .append(l.value())
          .append("</td><td class=\"num\">")
          .append(escape(Values.time(l.writtenNanos())))
          .append("</td><td class=\"num\">")
          .append(escape(Values.time(l.lostNanos())))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (all > MAX_LOST_ROWS) {
      boolean history = dir != null && Files.isRegularFile(dir.resolve(HISTORY));
      h.append("<p class=\"more\">… and ")
          .append(Format.count(all - MAX_LOST_ROWS, "more", "more"))
          .append(": summary.json lists the first ")
          .append(Math.min(all, ConsistencySummary.LOST_LISTED))
          .append(" and counts all of them per window")
          .append(history ? "; <code>sim check</code> on " + HISTORY + " lists every one" : "")
          .append(".</p>\n");
    }
  }
}
