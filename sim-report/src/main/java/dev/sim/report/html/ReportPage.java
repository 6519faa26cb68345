package dev.sim.report.html;

import static dev.sim.report.html.Html.escape;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.report.chart.ChartFile;
import dev.sim.report.chart.ConsistencyCharts;
import dev.sim.report.chart.Palette;
import dev.sim.report.text.Format;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@code report.html}: what ran, whether it met its expectations, figures, what the checker
 * found in the operation history ({@link ConsistencySection}), faults, charts.
 */
public final class ReportPage {
  /** At most this many fault windows are listed; the rest are counted. */
  static final int MAX_ANNOTATIONS = 50;

  /** At most this many node events are listed; the rest are counted. */
  static final int MAX_NODE_EVENTS = 100;

  private ReportPage() {}

  /**
   * The page for run {@code r}, whose charts were written into {@code dir} (the folder the page
   * will live in). Data files are linked only if they exist in {@code dir}.
   */
  public static String html(RunResult r, List<ChartFile> charts, Path dir) {
    StringBuilder h = new StringBuilder(32_768);
    RunInfo info = r.info() == null ? RunInfo.NONE : r.info();
    String heading = info.title() == null || info.title().isBlank() ? r.scenario() : info.title();
    head(h, r.scenario() + " · seed " + r.seed() + " — sim report");

    h.append("<header>\n<p class=\"eyebrow\">sim report · scenario <code>")
        .append(escape(r.scenario()))
        .append("</code> · seed <code>")
        .append(r.seed())
        .append("</code>");
    if (info.scenarioFile() != null && !info.scenarioFile().isBlank()) {
      h.append(" · file <code>").append(escape(info.scenarioFile())).append("</code>");
    }
    h.append("</p>\n<h1>").append(escape(heading)).append("</h1>\n");
    if (info.description() != null && !info.description().isBlank()) {
      h.append("<div class=\"desc\">\n")
          .append(Html.paragraphs(info.description()))
          .append("</div>\n");
    }
    h.append("</header>\n");

    verdict(h, r.expectations());
    stopNotes(h, r);

    h.append("<section>\n<h2>Reproduce</h2>\n<pre><code>")
        .append(escape(command(r)))
        .append("</code></pre>\n");
    String version = r.info() == null ? "" : r.info().version();
    h.append(
            "<p class=\"note\">The same file and seed give the same run, event for event, "
                + "on any machine and JVM")
        .append(version.isEmpty() ? "" : " with sim " + escape(version))
        .append(" (trace hash <code>")
        .append(escape(r.traceHash()))
        .append("</code>).</p>\n")
        .append("</section>\n");

    cards(h, r);
    expectations(h, r.expectations());
    boolean lostChart = charts.stream().anyMatch(c -> c.id().equals(ConsistencyCharts.LOST_WRITES));
    ConsistencySection.append(h, r, dir, lostChart);
    summary(h, r);
    chartsSection(h, charts);
    timeline(h, r);
    footer(h, dir, List.of("summary.json", "metrics.csv", "result.json", WitnessSection.HISTORY));
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The command that reproduces {@code r}, or the likely one when the CLI did not record it. */
  static String command(RunResult r) {
    RunInfo info = r.info();
    if (info != null && info.command() != null && !info.command().isBlank()) {
      return info.command();
    }
    String file =
        info != null && info.scenarioFile() != null && !info.scenarioFile().isBlank()
            ? info.scenarioFile()
            : "scenarios/" + r.scenario() + ".yaml";
    return "sim run " + file + " --seed " + r.seed();
  }

  static void head(StringBuilder h, String title) {
    h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(Css.STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n");
  }

  private static void verdict(StringBuilder h, List<ExpectationResult> ex) {
    long failed = ex.stream().filter(e -> !e.ok()).count();
    if (ex.isEmpty()) {
      h.append("<div class=\"verdict none\">No expectations were set for this run.</div>\n");
    } else if (failed == 0) {
      h.append("<div class=\"verdict ok\">✔ ")
          .append(ex.size() == 1 ? "The expectation" : "All " + ex.size() + " expectations")
          .append(" held.</div>\n");
    } else {
      h.append("<div class=\"verdict bad\">✘ ")
          .append(failed)
          .append(" of ")
          .append(Format.count(ex.size(), "expectation", "expectations"))
          .append(" failed: ");
      boolean first = true;
      for (ExpectationResult e : ex) {
        if (!e.ok()) {
          h.append(first ? "" : ", ").append("<code>").append(escape(e.check())).append("</code>");
          first = false;
        }
      }
      h.append(".</div>\n");
    }
  }

  private static void stopNotes(StringBuilder h, RunResult r) {
    Failure f = r.failure();
    if (f != null) {
      h.append("<div class=\"note bad\"><strong>The simulation failed.</strong> Node <code>")
          .append(escape(f.nodeName()))
          .append("</code> threw at simulated ")
          .append(escape(Format.nanos(f.timeNanos())))
          .append(" handling ")
          .append(escape(f.event()))
          .append(":<pre>")
          .append(escape(f.message()))
          .append("</pre>");
      if (f.stackTrace() != null && !f.stackTrace().isBlank()) {
        h.append("<details><summary>Stack trace</summary><pre>")
            .append(escape(f.stackTrace()))
            .append("</pre></details>");
      }
      h.append("</div>\n");
    } else if (r.stopReason() != StopReason.TIME_LIMIT) {
      h.append("<div class=\"note\"><strong>The run stopped early (")
          .append(escape(stopText(r.stopReason())))
          .append(").</strong> ")
          .append(escape(r.stopDetail()))
          .append("</div>\n");
    }
  }

  static String stopText(StopReason s) {
    return switch (s) {
      case TIME_LIMIT -> "reached its duration";
      case QUIESCENT -> "nothing left to do";
      case EVENT_LIMIT -> "event limit";
      case WALL_LIMIT -> "wall-clock limit";
      case NODE_FAILURE -> "a node failed";
    };
  }

  private static void cards(StringBuilder h, RunResult r) {
    h.append("<section class=\"cards\">\n");
    // Request figures only for a run that had requests: a protocol run's figures are its counters.
    r.requests()
        .ifPresent(
            rq -> {
              RequestTotals q = rq.totals();
              LatencySummary l = rq.latencyMs();
              card(h, "Yield", Format.percent(rq.yield()), "answered OK of offered");
              card(h, "Harvest", Format.percent(rq.harvest()), "data in answers");
              card(h, "Goodput", Format.rate(rq.goodputPerSecond()), "successful per second");
              card(h, "Latency p99", Format.millis(l.p99()), "successful requests");
              card(
                  h,
                  "Latency p99, all",
                  Format.millis(rq.latencyAllMs().p99()),
                  "all finished requests");
              card(
                  h,
                  "Requests",
                  Format.count(q.offered()),
                  q.offered() == 0
                      ? "offered"
                      : "offered · " + ratio(q.attempts(), q.offered()) + " tries each");
            });
    r.consistency()
        .ifPresent(
            c ->
                card(
                    h,
                    "Consistency",
                    // As the section says it: valid, INVALID or unknown.
                    c.verdict().equals("invalid") ? "INVALID" : c.verdict(),
                    Format.count(c.lostWrites(), "lost write", "lost writes")
                        + " · "
                        + Format.count(c.staleReads(), "stale read", "stale reads")));
    card(
        h,
        "Simulated",
        Format.nanos(r.simulatedNanos()),
        Format.count(r.events(), "event", "events"));
    h.append("</section>\n");
    if (r.warmupNanos() > 0) {
      h.append("<p class=\"more\">Figures leave out the first ")
          .append(escape(Format.nanos(r.warmupNanos())))
          .append(" (warm-up); the charts show it hatched.</p>\n");
    }
  }

  private static String ratio(long a, long b) {
    return String.format(Locale.ROOT, "%.2f", (double) a / b);
  }

  private static void card(StringBuilder h, String k, String v, String s) {
    h.append("<div class=\"card\"><div class=\"k\">")
        .append(escape(k))
        .append("</div><div class=\"v\">")
        .append(escape(v))
        .append("</div><div class=\"s\">")
        .append(escape(s))
        .append("</div></div>\n");
  }

  private static void expectations(StringBuilder h, List<ExpectationResult> ex) {
    if (ex.isEmpty()) {
      return;
    }
    h.append(
        "<section>\n<h2>Expectations</h2>\n<table>\n<tr><th>check</th>"
            + "<th class=\"num\">actual</th><th>result</th></tr>\n");
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
    h.append("</table>\n</section>\n");
  }

  private static void summary(StringBuilder h, RunResult r) {
    h.append("<section>\n<h2>Summary</h2>\n<div class=\"grid2\">\n");
    r.requests().ifPresent(rq -> requestTables(h, rq));
    h.append("<div>\n<h3>Run</h3>\n<table>\n");
    row(h, "simulated time", Format.nanos(r.simulatedNanos()));
    row(h, "window", Format.nanos(r.windowNanos()));
    row(h, "warm-up", Format.nanos(r.warmupNanos()));
    row(h, "events", Format.count(r.events()));
    row(h, "trace hash", r.traceHash());
    row(h, "stopped", stopText(r.stopReason()));
    row(h, "wall time", String.format(Locale.ROOT, "%.2f s", r.wallSeconds()));
    h.append("</table>\n</div>\n");
    Map<String, Long> counters = r.counters();
    if (!counters.isEmpty()) {
      h.append("<div>\n<h3>Counters (after warm-up)</h3>\n<table>\n");
      new java.util.TreeMap<>(counters).forEach((k, v) -> row(h, k, Format.count(v)));
      h.append("</table>\n</div>\n");
    }
    h.append("</div>\n</section>\n");
  }

  /** The request/response family's tables: request counts and fractions, then latency. */
  private static void requestTables(StringBuilder h, RequestSummary rq) {
    RequestTotals q = rq.totals();
    LatencySummary l = rq.latencyMs();
    h.append("<div>\n<h3>Requests</h3>\n<table>\n");
    row(h, "offered", Format.count(q.offered()));
    row(h, "ok", Format.count(q.ok()));
    row(h, "failed", Format.count(q.failed()));
    row(h, "timed out", Format.count(q.timedOut()));
    row(h, "rejected", Format.count(q.rejected()));
    row(h, "attempts (tries sent)", Format.count(q.attempts()));
    row(h, "unfinished at the end", Format.count(q.unfinished()));
    row(h, "yield", Format.percent(rq.yield()));
    row(h, "harvest", Format.percent(rq.harvest()));
    row(h, "goodput (ok per second)", Format.rate(rq.goodputPerSecond()));
    LatencySummary all = rq.latencyAllMs();
    h.append(
        "</table>\n</div>\n<div>\n<h3>Latency</h3>\n<table>\n"
            + "<tr><th></th><th class=\"num\">of successful requests</th>"
            + "<th class=\"num\">of all finished requests</th></tr>\n");
    row(h, "mean", Format.millis(l.mean()), Format.millis(all.mean()));
    row(h, "p50", Format.millis(l.p50()), Format.millis(all.p50()));
    row(h, "p90", Format.millis(l.p90()), Format.millis(all.p90()));
    row(h, "p99", Format.millis(l.p99()), Format.millis(all.p99()));
    row(h, "p99.9", Format.millis(l.p999()), Format.millis(all.p999()));
    row(h, "max", Format.millis(l.max()), Format.millis(all.max()));
    h.append("</table>\n<p class=\"more\">All finished: ok, failed, rejected, and timed out at")
        .append(" the moment the client gave up.</p>\n</div>\n");
    if (rq.groups().size() > 1) {
      h.append(
          "<div>\n<h3>Client groups</h3>\n<table>\n<tr><th>group</th><th class=\"num\">yield</th>"
              + "<th class=\"num\">goodput</th><th class=\"num\">p99, successful</th>"
              + "<th class=\"num\">p99, all finished</th></tr>\n");
      for (Map.Entry<String, RequestSummary> g : rq.groups().entrySet()) {
        RequestSummary gq = g.getValue();
        h.append("<tr><td>")
            .append(escape(g.getKey()))
            .append("</td><td class=\"num\">")
            .append(escape(Format.percent(gq.yield())))
            .append("</td><td class=\"num\">")
            .append(escape(Format.rate(gq.goodputPerSecond())))
            .append("</td><td class=\"num\">")
            .append(escape(Format.millis(gq.latencyMs().p99())))
            .append("</td><td class=\"num\">")
            .append(escape(Format.millis(gq.latencyAllMs().p99())))
            .append("</td></tr>\n");
      }
      h.append("</table>\n</div>\n");
    }
  }

  static void row(StringBuilder h, String k, String v, String w) {
    h.append("<tr><td>")
        .append(escape(k))
        .append("</td><td class=\"num\">")
        .append(escape(v))
        .append("</td><td class=\"num\">")
        .append(escape(w))
        .append("</td></tr>\n");
  }

  static void row(StringBuilder h, String k, String v) {
    h.append("<tr><td>")
        .append(escape(k))
        .append("</td><td class=\"num\">")
        .append(escape(v))
        .append("</td></tr>\n");
  }

  static void chartsSection(StringBuilder h, List<ChartFile> charts) {
    if (charts.isEmpty()) {
      return;
    }
    h.append("<section>\n<h2>Charts</h2>\n<nav class=\"toc\">");
    for (ChartFile c : charts) {
      h.append("<a href=\"#chart-")
          .append(escape(c.id()))
          .append("\">")
          .append(escape(shortTitle(c.title())))
          .append("</a> ");
    }
    h.append("</nav>\n");
    for (ChartFile c : charts) {
      String png = Html.href(c.png().getFileName().toString());
      String svg = Html.href(c.svg().getFileName().toString());
      h.append("<figure id=\"chart-")
          .append(escape(c.id()))
          .append("\">\n<img src=\"")
          .append(png)
          .append("\" width=\"")
          .append(c.width())
          .append("\" height=\"")
          .append(c.height())
          .append("\" alt=\"")
          .append(escape(c.title() + ". " + c.caption()))
          .append("\">\n<figcaption><a href=\"")
          .append(svg)
          .append("\">SVG version</a> (scales without blur, for slides)</figcaption>\n")
          .append("</figure>\n");
    }
    h.append("</section>\n");
  }

  /**
   * The part of a chart title after the dash: {@code Yield} of {@code gc-spiral · seed 42 — Yield}.
   */
  static String shortTitle(String title) {
    int i = title.lastIndexOf(" — ");
    return i < 0 ? title : title.substring(i + 3);
  }

  private static void timeline(StringBuilder h, RunResult r) {
    if (r.annotations().isEmpty() && r.nodeEvents().isEmpty()) {
      return;
    }
    h.append("<section>\n<h2>Fault timeline</h2>\n");
    List<Annotation> as =
        r.annotations().stream()
            .sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos()))
            .toList();
    if (!as.isEmpty()) {
      h.append(
          "<h3>Fault windows</h3>\n<table>\n<tr><th>kind</th><th>what</th>"
              + "<th class=\"num\">from</th><th class=\"num\">to</th><th>nodes</th></tr>\n");
      for (Annotation a : as.subList(0, Math.min(MAX_ANNOTATIONS, as.size()))) {
        h.append("<tr><td>")
            .append(chip(Palette.fault(a.kind())))
            .append(escape(a.kind()))
            .append("</td><td>")
            .append(escape(a.label()))
            .append("</td><td class=\"num\">")
            .append(escape(Format.nanos(a.startNanos())))
            .append("</td><td class=\"num\">")
            .append(a.endNanos() < 0 ? "end of run" : escape(Format.nanos(a.endNanos())))
            .append("</td><td>")
            .append(escape(String.join(", ", a.targets())))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
      more(h, as.size() - MAX_ANNOTATIONS, "fault window", "fault windows");
    }
    if (!r.nodeEvents().isEmpty()) {
      List<NodeEvent> es = r.nodeEvents();
      h.append(
          "<h3>Node events</h3>\n<table>\n<tr><th class=\"num\">time</th><th>node</th>"
              + "<th>event</th><th>why</th></tr>\n");
      for (NodeEvent e : es.subList(0, Math.min(MAX_NODE_EVENTS, es.size()))) {
        h.append("<tr><td class=\"num\">")
            .append(escape(Format.nanos(e.timeNanos())))
            .append("</td><td>")
            .append(escape(nodeName(r, e.node())))
            .append("</td><td>")
            .append(escape(e.kind()))
            .append("</td><td>")
            .append(escape(e.reason()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
      more(h, es.size() - MAX_NODE_EVENTS, "node event", "node events");
    }
    h.append("</section>\n");
  }

  private static void more(StringBuilder h, int more, String one, String many) {
    if (more > 0) {
      h.append("<p class=\"more\">… and ")
          .append(escape(Format.count(more, "more " + one, "more " + many)))
          .append(" (all are in result.json).</p>\n");
    }
  }

  private static String nodeName(RunResult r, int id) {
    List<NodeInfo> nodes = r.nodes();
    if (id >= 0 && id < nodes.size() && nodes.get(id).id() == id) {
      return nodes.get(id).name();
    }
    for (NodeInfo n : nodes) {
      if (n.id() == id) {
        return n.name();
      }
    }
    return "node " + id;
  }

  static String chip(Color c) {
    return String.format(
        Locale.ROOT,
        "<span class=\"chip\" style=\"background:#%06x\"></span>",
        c.getRGB() & 0xffffff);
  }

  static void footer(StringBuilder h, Path dir, List<String> files) {
    h.append("<footer>");
    boolean any = false;
    for (String f : files) {
      if (dir != null && Files.isRegularFile(dir.resolve(f))) {
        h.append(any ? " · " : "Data: ")
            .append("<a href=\"")
            .append(Html.href(f))
            .append("\">")
            .append(escape(f))
            .append("</a>");
        any = true;
      }
    }
    h.append(any ? "<br>" : "")
        .append(
            "Made by sim-report. Every figure comes from the saved "
                + "run; run the command above again to get the same run, event for event.</footer>\n");
  }
}
