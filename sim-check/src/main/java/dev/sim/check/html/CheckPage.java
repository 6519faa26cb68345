package dev.sim.check.html;

import dev.sim.check.CheckReport;
import dev.sim.check.KeyCheck;
import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.check.Values;
import dev.sim.check.Verdict;
import dev.sim.check.figures.Availability;
import dev.sim.check.figures.LostWrite;
import dev.sim.check.figures.StoreFigures;
import dev.sim.kernel.history.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * {@code check.html}: a self-contained page (inline CSS and SVG, no external assets) with the
 * verdict, each key's result, the store figures, and the history drawn by {@link HistoryTimeline}:
 * for every key that is not valid its own timeline with the witness marked, then the whole history.
 */
public final class CheckPage {
  /** Keys drawn with their witness, at most; the table lists every key. */
  static final int MAX_WITNESS_KEYS = 10;

  /** Lines beyond which the whole history is not drawn (the page would not open). */
  static final int MAX_DRAWN_LINES = 40_000;

  /** Rows of a list (prefix, lost writes) shown before the rest is summarized. */
  static final int MAX_ROWS = 200;

  private CheckPage() {}

  /**
   * The page for {@code report} of {@code history}, read from {@code source}.
   *
   * @param lineOf the file line of a history index (-1 when there is none, as for a run's history)
   */
  public static String html(
      CheckReport report, List<Op> history, String source, IntUnaryOperator lineOf) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.append("<title>sim check: ").append(Xml.escape(source)).append("</title>\n");
    b.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    b.append("<h1>sim check <code>").append(Xml.escape(source)).append("</code></h1>\n");
    Verdict v = report.verdict();
    b.append("<p class=\"verdict ")
        .append(v.id())
        .append("\">")
        .append(v.id().toUpperCase(Locale.ROOT))
        .append(" — ")
        .append(Xml.escape(sentence(report)))
        .append("</p>\n");
    keysTable(b, report);
    figures(b, report.figures(), lineOf);
    b.append(TimelineLegend.html(true));
    Map<String, List<Op>> byKey = Operations.byKey(history);
    long start = history.isEmpty() ? 0 : history.get(0).time();
    long end = history.isEmpty() ? 1 : history.get(history.size() - 1).time();
    int drawn = 0;
    for (KeyCheck k : report.keys()) {
      if (k.verdict() == Verdict.VALID) {
        continue;
      }
      if (drawn++ == MAX_WITNESS_KEYS) {
        b.append("<p>More keys are not valid; the table above lists them all.</p>\n");
        break;
      }
      witness(b, k, byKey.getOrDefault(k.key(), List.of()), start, end, lineOf);
    }
    b.append("<h2>The whole history</h2>\n");
    if (history.size() > MAX_DRAWN_LINES) {
      b.append("<p>")
          .append(history.size())
          .append(" lines: too many to draw here (at most ")
          .append(MAX_DRAWN_LINES)
          .append(").</p>\n");
    } else if (history.isEmpty()) {
      b.append("<p>The history is empty.</p>\n");
    } else {
      b.append("<div class=\"scroll\">")
          .append(HistoryTimeline.of(history, start, end).svg())
          .append("</div>\n");
    }
    b.append("</body>\n</html>\n");
    return b.toString();
  }

  private static String sentence(CheckReport r) {
    String ops = r.operations() + (r.operations() == 1 ? " operation" : " operations");
    String keys = r.keys().size() + (r.keys().size() == 1 ? " key" : " keys");
    return ops + " on " + keys + ", model " + r.model();
  }

  private static void keysTable(StringBuilder b, CheckReport r) {
    b.append("<table>\n<tr><th>key</th><th>model</th><th>verdict</th><th>operations</th>")
        .append("<th>why</th></tr>\n");
    for (KeyCheck k : r.keys()) {
      b.append("<tr><td>")
          .append(k.key() == null ? "<i>unnamed</i>" : "<code>" + Xml.escape(k.key()) + "</code>")
          .append("</td><td>")
          .append(k.model().id())
          .append("</td><td class=\"")
          .append(k.verdict().id())
          .append("\">")
          .append(k.verdict().id())
          .append("</td><td class=\"num\">")
          .append(k.operations())
          .append("</td><td>")
          .append(Xml.escape(k.explanation()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void figures(StringBuilder b, StoreFigures f, IntUnaryOperator lineOf) {
    b.append("<h2>Store figures</h2>\n<table>\n");
    row(b, "lost writes", String.valueOf(f.lostWrites()));
    row(b, "stale reads", String.valueOf(f.staleReads()));
    row(
        b,
        "siblings",
        "max "
            + f.siblingsMax()
            + ", mean "
            + String.format(Locale.ROOT, "%.2f", f.siblingsMean()));
    row(
        b,
        "divergent keys",
        f.divergentKeys()
            + (f.divergent().isEmpty() ? "" : " (" + String.join(", ", f.divergent()) + ")"));
    row(b, "outcomes", outcomes(f.overall()));
    for (Map.Entry<String, Availability> e : f.byNode().entrySet()) {
      row(b, "client " + e.getKey(), outcomes(e.getValue()));
    }
    b.append("</table>\n");
    if (!f.lost().isEmpty()) {
      b.append("<h3>Lost writes</h3>\n<table>\n<tr><th>key</th><th>value</th>")
          .append("<th>acknowledged</th><th>gone at</th><th>the read that showed it</th></tr>\n");
      int n = 0;
      for (LostWrite l : f.lost()) {
        if (n++ == MAX_ROWS) {
          b.append("<tr><td colspan=\"5\">… and ")
              .append(f.lost().size() - MAX_ROWS)
              .append(" more</td></tr>\n");
          break;
        }
        b.append("<tr><td>")
            .append(Xml.escape(Objects.toString(l.key(), "")))
            .append("</td><td class=\"num\">")
            .append(l.value())
            .append("</td><td>")
            .append(Values.time(l.writtenNanos()))
            .append("</td><td>")
            .append(Values.time(l.lostNanos()))
            .append("</td><td>")
            .append(Xml.escape(l.read().describe() + where(l.read().invokeIndex(), lineOf)))
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
  }

  private static String outcomes(Availability a) {
    if (a.total() == 0) {
      return "none";
    }
    return String.format(
        Locale.ROOT,
        "ok %d (%.1f%%) · fail %d (%.1f%%) · info %d (%.1f%%)",
        a.ok(),
        100 * a.okShare(),
        a.fail(),
        100 * a.failShare(),
        a.info(),
        100 * a.infoShare());
  }

  private static void row(StringBuilder b, String name, String value) {
    b.append("<tr><th>")
        .append(Xml.escape(name))
        .append("</th><td>")
        .append(Xml.escape(value))
        .append("</td></tr>\n");
  }

  private static void witness(
      StringBuilder b, KeyCheck k, List<Op> ops, long start, long end, IntUnaryOperator lineOf) {
    b.append("<h2>")
        .append(Xml.escape(Operations.keyName(k.key())))
        .append(": <span class=\"")
        .append(k.verdict().id())
        .append("\">")
        .append(k.verdict().id())
        .append("</span></h2>\n");
    for (String finding : k.findings()) {
      b.append("<p class=\"why\">").append(Xml.escape(finding)).append("</p>\n");
    }
    Map<Integer, Operation> byInvoke = new HashMap<>();
    for (Operation o : Operations.pair(ops)) {
      byInvoke.put(o.invokeIndex(), o);
    }
    Operation stuck = byInvoke.get(k.stuckOp());
    if (stuck != null) {
      b.append("<p><b>")
          .append(k.model().id().contains("register") ? "Cannot be placed" : "The offending read")
          .append(":</b> ")
          .append(Xml.escape(describe(stuck, lineOf)))
          .append("</p>\n");
    }
    if (!k.longestPrefix().isEmpty()) {
      b.append("<details><summary>Longest valid prefix: ")
          .append(k.longestPrefix().size())
          .append(" of ")
          .append(k.operations())
          .append(" operations, in the order they take effect</summary>\n<ol>\n");
      int n = 0;
      for (int i : k.longestPrefix()) {
        if (n++ == MAX_ROWS) {
          b.append("<li>… and ").append(k.longestPrefix().size() - MAX_ROWS).append(" more</li>\n");
          break;
        }
        Operation o = byInvoke.get(i);
        b.append("<li>")
            .append(Xml.escape(o == null ? "history index " + i : describe(o, lineOf)))
            .append("</li>\n");
      }
      b.append("</ol>\n</details>\n");
    }
    b.append("<div class=\"scroll\">")
        .append(
            HistoryTimeline.of(ops, start, end)
                .mark(k.longestPrefix(), k.stuckOp(), k.related())
                .svg())
        .append("</div>\n");
  }

  private static String describe(Operation o, IntUnaryOperator lineOf) {
    return o.describe()
        + ", invoked "
        + Values.time(o.invokeNanos())
        + (o.pending() ? "" : ", completed " + Values.time(o.completeNanos()))
        + where(o.invokeIndex(), lineOf);
  }

  private static String where(int index, IntUnaryOperator lineOf) {
    int line = lineOf.applyAsInt(index);
    return line > 0 ? " (line " + line + ")" : " (history index " + index + ")";
  }

  private static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:1200px}\n"
          + "code{font-family:ui-monospace,monospace}\n"
          + "table{border-collapse:collapse;margin:.6em 0}\n"
          + "th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}\n"
          + "th{background:#f4f6f8}\n"
          + "td.num{text-align:right}\n"
          + ".verdict{font-size:1.2em;padding:.5em .8em;border-radius:4px}\n"
          + ".verdict.valid{background:#e3f4e4}.verdict.invalid{background:#fbe3e3}"
          + ".verdict.unknown{background:#fdf1d6}\n"
          + "td.valid,span.valid{color:#2e7d32}td.invalid,span.invalid{color:#c00000;"
          + "font-weight:bold}td.unknown,span.unknown{color:#a66a00}\n"
          + ".why{background:#fafafa;border-left:3px solid #c00000;padding:.3em .6em}\n"
          + ".scroll{overflow-x:auto}\n"
          + ".legend svg{vertical-align:middle}\n";
}
