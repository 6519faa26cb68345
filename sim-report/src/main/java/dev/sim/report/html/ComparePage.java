package dev.sim.report.html;

import static dev.sim.report.html.Html.escape;

import dev.sim.kernel.metrics.Better;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.Divergence;
import dev.sim.report.chart.ChartFile;
import dev.sim.report.chart.ComparisonCharts;
import dev.sim.report.io.TraceEvent;
import dev.sim.report.text.FigureComparison;
import dev.sim.report.text.Format;
import dev.sim.report.text.RunDifference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds {@code compare.html}: two runs' figures side by side and their charts overlaid. */
public final class ComparePage {
  private ComparePage() {}

  /**
   * The page comparing run {@code a} with run {@code b}, charts already written into {@code dir}.
   */
  public static String html(RunResult a, RunResult b, List<ChartFile> charts, Path dir) {
    return html(a, b, null, charts, List.of(), dir);
  }

  /**
   * The page comparing run {@code a} with run {@code b}: what differs between the scenarios they
   * ran, where their traces part (when {@code divergence} is given), their figures side by side,
   * expectations, and the overlay {@code charts} already written into {@code dir}; {@code leftOut}
   * names the charts left out because both runs drew the same lines.
   */
  public static String html(
      RunResult a,
      RunResult b,
      Divergence divergence,
      List<ChartFile> charts,
      List<String> leftOut,
      Path dir) {
    RunDifference diff = RunDifference.of(a, b);
    String[] label = diff.labels();
    String headline = diff.recorded() ? diff.headline() : label[0] + " vs " + label[1];
    StringBuilder h = new StringBuilder(16_384);
    ReportPage.head(h, headline + " — sim comparison");
    // A headline that lists several changes reads better a size smaller.
    h.append("<header>\n<p class=\"eyebrow\">sim comparison</p>\n")
        .append(headline.length() > 70 ? "<h1 class=\"long\">" : "<h1>")
        .append(escape(headline))
        .append("</h1>\n<p class=\"lede\">")
        .append(chipFor(0))
        .append(escape(lettered("A", label[0])))
        .append(" &nbsp; ")
        .append(chipFor(1))
        .append(escape(lettered("B", label[1])))
        .append("</p>\n</header>\n");

    whatDiffers(h, diff);
    if (divergence != null) {
      divergence(h, divergence);
    }

    h.append("<section>\n<h2>Reproduce</h2>\n<pre><code>")
        .append(escape(ReportPage.command(a)))
        .append("\n")
        .append(escape(ReportPage.command(b)))
        .append("</code></pre>\n</section>\n");

    h.append("<section>\n<h2>Figures</h2>\n<table>\n<tr><th>figure</th><th class=\"num\">")
        .append(chipFor(0))
        .append(escape(label[0]))
        .append("</th><th class=\"num\">")
        .append(chipFor(1))
        .append(escape(label[1]))
        .append("</th><th class=\"num\">change</th><th title=\"which way the figure improves\">")
        .append("better</th></tr>\n");
    List<FigureComparison.Row> rows = FigureComparison.rows(a, b);
    String note =
        rows.stream()
            .filter(r -> r.judgement() == FigureComparison.Judgement.NOT_COMPARABLE)
            .map(FigureComparison.Row::note)
            .findFirst()
            .orElse("");
    for (FigureComparison.Row r : rows) {
      h.append(
              r.judgement() == FigureComparison.Judgement.NOT_COMPARABLE
                  ? "<tr class=\"more\"><td>"
                  : "<tr><td>")
          .append(escape(r.figure()))
          .append("</td><td class=\"num\">")
          .append(escape(r.a()))
          .append("</td><td class=\"num\">")
          .append(escape(r.b()))
          .append("</td><td class=\"num\">")
          .append(styled(r.change(), r.judgement()))
          .append("</td><td title=\"")
          .append(escape(betterTitle(r.better())))
          .append("\">")
          .append(escape(r.better().arrow()))
          .append("</td></tr>\n");
    }
    h.append("<tr><td>trace hash</td><td class=\"num\"><code>")
        .append(escape(a.traceHash()))
        .append("</code></td><td class=\"num\"><code>")
        .append(escape(b.traceHash()))
        .append("</code></td><td></td><td></td></tr>\n</table>\n");
    h.append(
        "<p class=\"more\">better: ↑ higher is better, ↓ lower is better, – no direction; a"
            + " change is green when it goes the better way, red when it goes the other.</p>\n");
    if (!note.isEmpty()) {
      h.append("<p class=\"more\">Latency of successful requests: ")
          .append(escape(note))
          .append(".</p>\n");
    }
    h.append("</section>\n");

    if (!a.expectations().isEmpty() || !b.expectations().isEmpty()) {
      h.append("<section>\n<h2>Expectations</h2>\n<div class=\"grid2\">\n");
      expectations(h, label[0], 0, a.expectations());
      expectations(h, label[1], 1, b.expectations());
      h.append("</div>\n</section>\n");
    }
    ReportPage.chartsSection(h, charts);
    if (!leftOut.isEmpty()) {
      h.append(charts.isEmpty() ? "<section>\n<h2>Charts</h2>\n" : "<section>\n")
          .append("<p class=\"more\">Left out, as both runs drew the same lines there: ")
          .append(escape(String.join("; ", leftOut)))
          .append(".</p>\n</section>\n");
    }
    ReportPage.footer(h, dir, List.of());
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The keys whose values differ, behavioural ones first, then the descriptive ones. */
  private static void whatDiffers(StringBuilder h, RunDifference diff) {
    h.append("<section>\n<h2>What differs</h2>\n");
    if (!diff.recorded()) {
      h.append(
          "<p class=\"more\">These run folders do not record their settings (made by an earlier"
              + " version): rerun them to see which keys differ.</p>\n</section>\n");
      return;
    }
    if (diff.seedA() == diff.seedB() && diff.changes().isEmpty()) {
      h.append("<p>Both runs ran the same settings with the same seed.</p>\n</section>\n");
      return;
    }
    h.append("<table>\n<tr><th>key</th><th>")
        .append(chipFor(0))
        .append("A</th><th>")
        .append(chipFor(1))
        .append("B</th></tr>\n");
    if (diff.seedA() != diff.seedB()) {
      h.append("<tr><td><code>seed</code></td><td><code>")
          .append(diff.seedA())
          .append("</code></td><td><code>")
          .append(diff.seedB())
          .append("</code></td></tr>\n");
    }
    List<RunDifference.Change> ordered = new ArrayList<>(diff.behavioural());
    diff.changes().stream().filter(RunDifference.Change::descriptive).forEach(ordered::add);
    for (RunDifference.Change c : ordered) {
      h.append(c.descriptive() ? "<tr class=\"more\">" : "<tr>")
          .append("<td><code>")
          .append(escape(c.key()))
          .append("</code></td><td>")
          .append(value(c.a()))
          .append("</td><td>")
          .append(value(c.b()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (diff.changes().stream().anyMatch(RunDifference.Change::descriptive)) {
      h.append(
          "<p class=\"more\">Greyed keys name, describe or judge the run (title, description,"
              + " expectations, charts); they change none of its events.</p>\n");
    }
    h.append("</section>\n");
  }

  /** "A: label", once: labels of runs told apart by letter already start with it. */
  private static String lettered(String letter, String label) {
    return label.startsWith(letter + ": ") ? label : letter + ": " + label;
  }

  private static String value(String v) {
    if (v == null) {
      return "<span class=\"more\">unset</span>";
    }
    String shown = RunDifference.Change.value(v, 80);
    return "<code title=\"" + escape(v) + "\">" + escape(shown) + "</code>";
  }

  /** Where the traces part: the shared events before, then each run's first events after. */
  private static void divergence(StringBuilder h, Divergence d) {
    h.append("<section>\n<h2>First divergence</h2>\n");
    if (!d.diverged()) {
      h.append("<p>The two runs never diverge: all ")
          .append(Format.count(d.identical(), "event is", "events are"))
          .append(" the same, in the same order.</p>\n</section>\n");
      return;
    }
    h.append("<p>The runs share their first ")
        .append(escape(Format.count(d.identical(), "event", "events")))
        .append(" and part at simulated <strong>")
        .append(escape(Format.nanos(d.timeNanos())))
        .append("</strong>")
        .append(
            d.a().isEmpty()
                ? ", where run A's trace ends"
                : d.b().isEmpty() ? ", where run B's trace ends" : "")
        .append(".</p>\n<ul class=\"checked\">\n");
    fork(h, 0, d.a());
    fork(h, 1, d.b());
    h.append("</ul>\n");
    if (!d.cause().isEmpty()) {
      h.append("<p class=\"more\">").append(escape(d.cause())).append("</p>\n");
    }
    h.append(
        "<table class=\"trace\">\n<tr><th></th><th class=\"num\">time</th>"
            + "<th>node</th><th>event</th></tr>\n");
    for (TraceEvent e : d.context()) {
      traceRow(h, "<span class=\"more\">both</span>", e, false);
    }
    boolean first = true;
    for (TraceEvent e : d.a()) {
      traceRow(h, chipFor(0) + "A", e, first);
      first = false;
    }
    first = true;
    for (TraceEvent e : d.b()) {
      traceRow(h, chipFor(1) + "B", e, first);
      first = false;
    }
    h.append("</table>\n</section>\n");
  }

  /** One run's first event after the fork, in a sentence. */
  private static void fork(StringBuilder h, int run, List<TraceEvent> events) {
    h.append("<li>").append(chipFor(run)).append(run == 0 ? "A " : "B ");
    if (events.isEmpty()) {
      h.append("has no more events: its trace ends here.</li>\n");
      return;
    }
    TraceEvent e = events.get(0);
    h.append("has <code>")
        .append(escape(e.what()))
        .append("</code> at <strong>")
        .append(escape(e.where()))
        .append("</strong>, ")
        .append(escape(Format.nanos(e.timeNanos())))
        .append("</li>\n");
  }

  private static void traceRow(StringBuilder h, String who, TraceEvent e, boolean first) {
    h.append(first ? "<tr class=\"first\">" : "<tr>")
        .append("<td>")
        .append(who)
        .append("</td><td class=\"num\">")
        .append(escape(Format.nanos(e.timeNanos())))
        .append("</td><td>")
        .append(escape(e.where()))
        .append("</td><td><code>")
        .append(escape(e.what()))
        .append("</code></td></tr>\n");
  }

  private static String betterTitle(Better b) {
    return switch (b) {
      case HIGHER -> "higher is better";
      case LOWER -> "lower is better";
      case NEUTRAL -> "no better direction";
    };
  }

  private static String styled(String text, FigureComparison.Judgement j) {
    return switch (j) {
      case NOT_COMPARABLE ->
          escape(text)
              + (text.isEmpty() ? "" : " ")
              + "<span class=\"more\">not comparable: yield differs</span>";
      case BETTER -> "<span class=\"better\">" + escape(text) + " ▲ better</span>";
      case WORSE -> "<span class=\"worse\">" + escape(text) + " ▼ worse</span>";
      case NONE -> escape(text);
    };
  }

  private static String chipFor(int run) {
    return ReportPage.chip(run == 0 ? ComparisonCharts.A : ComparisonCharts.B);
  }

  private static void expectations(
      StringBuilder h, String label, int run, List<ExpectationResult> ex) {
    h.append("<div>\n<h3>").append(chipFor(run)).append(escape(label)).append("</h3>\n");
    if (ex.isEmpty()) {
      h.append("<p class=\"more\">No expectations.</p>\n</div>\n");
      return;
    }
    h.append("<table>\n");
    for (ExpectationResult e : ex) {
      h.append(e.ok() ? "<tr>" : "<tr class=\"failrow\">")
          .append("<td><code>")
          .append(escape(e.check()))
          .append("</code></td><td class=\"num\">")
          .append(escape(Format.actual(e.check(), e.actual())))
          .append("</td><td>")
          .append(
              e.ok() ? "<span class=\"pass\">✔ pass</span>" : "<span class=\"fail\">✘ fail</span>")
          .append("</td></tr>\n");
    }
    h.append("</table>\n</div>\n");
  }
}
