package dev.sim.report.html;

import static dev.sim.report.html.Html.escape;

import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.ChartFile;
import dev.sim.report.chart.ComparisonCharts;
import dev.sim.report.text.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleFunction;

/** Builds {@code compare.html}: two runs' figures side by side and their charts overlaid. */
public final class ComparePage {
  private ComparePage() {}

  /**
   * The page comparing run {@code a} with run {@code b}, charts already written into {@code dir}.
   */
  public static String html(RunResult a, RunResult b, List<ChartFile> charts, Path dir) {
    String[] label = ComparisonCharts.labels(a, b);
    StringBuilder h = new StringBuilder(16_384);
    ReportPage.head(h, label[0] + " vs " + label[1] + " — sim comparison");
    h.append("<header>\n<p class=\"eyebrow\">sim comparison</p>\n<h1>")
        .append(chipFor(0))
        .append(escape(label[0]))
        .append(" <span style=\"color:#59636e\">vs" + "</span> ")
        .append(chipFor(1))
        .append(escape(label[1]))
        .append("</h1>\n")
        .append("</header>\n");

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
        .append("</th><th class=\"num\">change</th>" + "</tr>\n");
    // Runs without requests read as runs that offered none, so any two runs compare.
    RequestSummary qa = a.requestsOrNone();
    RequestSummary qb = b.requestsOrNone();
    LatencySummary la = qa.latencyMs();
    LatencySummary lb = qb.latencyMs();
    fraction(h, "yield", qa.yield(), qb.yield());
    fraction(h, "harvest", qa.harvest(), qb.harvest());
    millis(h, "latency p50", la.p50(), lb.p50());
    millis(h, "latency p90", la.p90(), lb.p90());
    millis(h, "latency p99", la.p99(), lb.p99());
    millis(h, "latency p99.9", la.p999(), lb.p999());
    millis(h, "latency max", la.max(), lb.max());
    count(h, "requests offered", qa.totals().offered(), qb.totals().offered());
    count(h, "ok", qa.totals().ok(), qb.totals().ok());
    count(h, "failed", qa.totals().failed(), qb.totals().failed());
    count(h, "timed out", qa.totals().timedOut(), qb.totals().timedOut());
    count(h, "rejected", qa.totals().rejected(), qb.totals().rejected());
    count(h, "attempts (tries sent)", qa.totals().attempts(), qb.totals().attempts());
    // The checker's figures, when either run recorded a history: for store lessons they are
    // the difference that matters (valid against invalid, lost writes against none).
    if (a.consistency().isPresent() || b.consistency().isPresent()) {
      h.append("<tr><td>consistency</td><td class=\"num\">")
          .append(escape(a.consistency().map(c -> c.verdict()).orElse("—")))
          .append("</td><td class=\"num\">")
          .append(escape(b.consistency().map(c -> c.verdict()).orElse("—")))
          .append("</td><td></td></tr>\n");
      count(
          h,
          "lost writes",
          a.consistency().map(c -> c.lostWrites()).orElse(0L),
          b.consistency().map(c -> c.lostWrites()).orElse(0L));
      count(
          h,
          "stale reads",
          a.consistency().map(c -> c.staleReads()).orElse(0L),
          b.consistency().map(c -> c.staleReads()).orElse(0L));
      count(
          h,
          "siblings (max per read)",
          a.consistency().map(c -> (long) c.siblingsMax()).orElse(0L),
          b.consistency().map(c -> (long) c.siblingsMax()).orElse(0L));
    }
    Set<String> counters = new TreeSet<>(a.counters().keySet());
    counters.addAll(b.counters().keySet());
    for (String k : counters) {
      // A counter one run never touched counted nothing there.
      count(h, "counter " + k, a.counters().getOrDefault(k, 0L), b.counters().getOrDefault(k, 0L));
    }
    h.append("<tr><td>trace hash</td><td class=\"num\"><code>")
        .append(escape(a.traceHash()))
        .append("</code></td><td class=\"num\"><code>")
        .append(escape(b.traceHash()))
        .append("</code></td><td></td></tr>\n</table>\n</section>\n");

    if (!a.expectations().isEmpty() || !b.expectations().isEmpty()) {
      h.append("<section>\n<h2>Expectations</h2>\n<div class=\"grid2\">\n");
      expectations(h, label[0], 0, a.expectations());
      expectations(h, label[1], 1, b.expectations());
      h.append("</div>\n</section>\n");
    }
    ReportPage.chartsSection(h, charts);
    ReportPage.footer(h, dir, List.of());
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
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

  private static void fraction(StringBuilder h, String k, double a, double b) {
    String change = "";
    if (!Double.isNaN(a) && !Double.isNaN(b)) {
      double pts = (b - a) * 100;
      change = styled(String.format(Locale.ROOT, "%+.2f pts", pts), pts, true);
    }
    row(h, k, a, b, Format::percent, change);
  }

  private static void millis(StringBuilder h, String k, double a, double b) {
    String change = "";
    if (!Double.isNaN(a) && !Double.isNaN(b) && a > 0) {
      double pct = (b - a) / a * 100;
      change =
          Math.abs(pct) < 0.05
              ? "0.0%"
              : styled(String.format(Locale.ROOT, "%+.1f%%", pct), pct, false);
    }
    row(h, k, a, b, Format::millis, change);
  }

  private static void count(StringBuilder h, String k, long a, long b) {
    h.append("<tr><td>")
        .append(escape(k))
        .append("</td><td class=\"num\">")
        .append(Format.count(a))
        .append("</td><td class=\"num\">")
        .append(Format.count(b))
        .append("</td><td class=\"num\">")
        .append(relative(a, b))
        .append("</td></tr>\n");
  }

  private static String relative(long a, long b) {
    if (a == 0) {
      return b == 0 ? "" : "new";
    }
    double pct = (b - a) * 100.0 / a;
    return Math.abs(pct) < 0.05 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", pct);
  }

  /** A change coloured green when it is an improvement, red when it is a regression. */
  private static String styled(String text, double delta, boolean higherIsBetter) {
    if (Math.abs(delta) < 1e-9) {
      return text;
    }
    boolean better = higherIsBetter == delta > 0;
    return "<span class=\"" + (better ? "better" : "worse") + "\">" + escape(text) + "</span>";
  }

  private static void row(
      StringBuilder h, String k, double a, double b, DoubleFunction<String> f, String change) {
    h.append("<tr><td>")
        .append(escape(k))
        .append("</td><td class=\"num\">")
        .append(escape(f.apply(a)))
        .append("</td><td class=\"num\">")
        .append(escape(f.apply(b)))
        .append("</td><td class=\"num\">")
        .append(change)
        .append("</td></tr>\n");
  }
}
