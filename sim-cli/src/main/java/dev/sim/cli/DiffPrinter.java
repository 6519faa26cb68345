package dev.sim.cli;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.Divergence;
import dev.sim.report.io.TraceEvent;
import dev.sim.report.text.FigureComparison;
import dev.sim.report.text.Format;
import dev.sim.report.text.RunDifference;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sim diff} prints: what differs between the two runs, where their traces part (with
 * the shared events just before), and their figures side by side with the change and whether it is
 * better or worse.
 */
final class DiffPrinter {
  /** Longest event text printed on one line; the page shows it whole. */
  private static final int EVENT_WIDTH = 110;

  private DiffPrinter() {}

  static void print(
      RunResult a, RunResult b, String commandA, String commandB, Divergence d, PrintWriter out) {
    RunDifference diff = RunDifference.of(a, b);
    out.println("A  " + commandA);
    out.println("B  " + commandB);
    if (diff.seedA() != diff.seedB()) {
      out.println("   seed " + diff.seedA() + " → " + diff.seedB());
    }
    for (RunDifference.Change c : diff.behavioural()) {
      out.println("   " + c.text(60));
    }
    long descriptive = diff.changes().stream().filter(RunDifference.Change::descriptive).count();
    if (descriptive > 0) {
      out.println(
          "   (and "
              + Format.count(descriptive, "key", "keys")
              + " that only name, describe or judge the run)");
    }
    out.println();
    divergence(d, a, b, out);
    out.println();
    figures(a, b, out);
    out.flush();
  }

  static void divergence(Divergence d, RunResult a, RunResult b, PrintWriter out) {
    if (!d.diverged()) {
      out.println(
          "The runs never diverge: the same "
              + Format.count(d.identical(), "event", "events")
              + " in the same order (trace hash "
              + a.traceHash()
              + (a.traceHash().equals(b.traceHash()) ? "" : " and " + b.traceHash())
              + ").");
      return;
    }
    String where =
        d.a().isEmpty()
            ? ", where A's trace ends"
            : d.b().isEmpty() ? ", where B's trace ends" : "";
    out.println(
        "First divergence at simulated "
            + Format.nanos(d.timeNanos())
            + where
            + ", after "
            + Format.count(d.identical(), "identical event", "identical events"));
    // Trace lines, not the run's event count: a start, a skipped event of a crashed node and a
    // message lost at its send each count differently in the two.
    out.println(
        "(of "
            + Format.count(d.eventsA(), "traced event", "traced events")
            + " in A and "
            + Format.count(d.eventsB(), "traced event", "traced events")
            + " in B):");
    TraceEvent first = d.a().isEmpty() ? d.b().get(0) : d.a().get(0);
    if (!d.a().isEmpty() && !d.b().isEmpty()) {
      TraceEvent fa = d.a().get(0);
      TraceEvent fb = d.b().get(0);
      out.println("  A: " + Format.nanos(fa.timeNanos()) + "  " + fa.where() + "  " + fa.what());
      out.println("  B: " + Format.nanos(fb.timeNanos()) + "  " + fb.where() + "  " + fb.what());
    } else {
      out.println(
          "  "
              + (d.a().isEmpty() ? "B" : "A")
              + " goes on: "
              + first.where()
              + "  "
              + first.what());
    }
    if (!d.cause().isEmpty()) {
      out.println("  " + d.cause());
    }
    List<String[]> rows = new ArrayList<>();
    for (TraceEvent e : d.context()) {
      rows.add(row("=", e));
    }
    for (TraceEvent e : d.a()) {
      rows.add(row("A", e));
    }
    for (TraceEvent e : d.b()) {
      rows.add(row("B", e));
    }
    out.println();
    out.println("  (= both runs; A and B from the divergence on)");
    int w1 = 4;
    int w2 = 4;
    for (String[] r : rows) {
      w1 = Math.max(w1, r[1].length());
      w2 = Math.max(w2, r[2].length());
    }
    out.println("     " + pad("time", w1) + "  " + pad("node", w2) + "  event");
    String last = "";
    for (String[] r : rows) {
      if (!r[0].equals(last) && !last.isEmpty()) {
        out.println("     " + "·".repeat(Math.min(40, w1 + w2 + 8)));
      }
      last = r[0];
      out.println("  " + r[0] + "  " + pad(r[1], w1) + "  " + pad(r[2], w2) + "  " + r[3]);
    }
  }

  private static String[] row(String who, TraceEvent e) {
    String what = e.what();
    if (what.length() > EVENT_WIDTH) {
      what = what.substring(0, EVENT_WIDTH - 1) + "…";
    }
    return new String[] {who, Format.nanos(e.timeNanos()), e.where(), what};
  }

  static void figures(RunResult a, RunResult b, PrintWriter out) {
    List<FigureComparison.Row> rows = FigureComparison.rows(a, b);
    int w0 = "figure".length();
    int w1 = 1;
    int w2 = 1;
    for (FigureComparison.Row r : rows) {
      w0 = Math.max(w0, r.figure().length());
      w1 = Math.max(w1, r.a().length());
      w2 = Math.max(w2, r.b().length());
    }
    out.println(
        pad("figure", w0) + "  better  " + left("A", w1) + "  " + left("B", w2) + "  change");
    for (FigureComparison.Row r : rows) {
      String judgement =
          switch (r.judgement()) {
            case BETTER -> "  better";
            case WORSE -> "  worse";
            case NONE -> "";
            case NOT_COMPARABLE -> "  not comparable: yield differs";
          };
      String line =
          pad(r.figure(), w0)
              + "  "
              + pad(r.better().arrow(), 6)
              + "  "
              + left(r.a(), w1)
              + "  "
              + left(r.b(), w2)
              + "  "
              + r.change()
              + judgement;
      out.println(line.stripTrailing());
    }
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }

  private static String left(String s, int w) {
    return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
  }
}
