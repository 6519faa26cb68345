package dev.sim.cli;

import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Prints a run's short, readable summary table. */
final class SummaryPrinter {
  private SummaryPrinter() {}

  static void print(RunResult r, Path dir, boolean report, boolean trace, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s · seed %d · %s simulated in %s wall · %s %s · trace %s%n",
        r.scenario(),
        r.seed(),
        Text.duration(r.simulatedNanos()),
        wall(r.wallSeconds()),
        count(r.events()),
        r.events() == 1 ? "event" : "events",
        r.traceHash());
    if (r.warmupNanos() > 0) {
      out.printf(
          Locale.ROOT,
          "  (figures below leave out the first %s of warm-up)%n",
          Text.duration(r.warmupNanos()));
    }
    RequestSummary rq = r.requestsOrNone();
    RequestTotals q = rq.totals();
    out.println();
    if (q.offered() == 0 && q.attempts() == 0) {
      // Protocol lessons (generals, gossip) record counters, not client requests.
      out.printf(
          Locale.ROOT,
          "  %-10s none offered (this scenario's figures are its counters)%n",
          "requests");
    } else {
      out.printf(
          Locale.ROOT,
          "  %-10s offered %s · ok %s · failed %s · timed out %s · rejected %s%n",
          "requests",
          count(q.offered()),
          count(q.ok()),
          count(q.failed()),
          count(q.timedOut()),
          count(q.rejected()));
      double amplification = q.offered() == 0 ? Double.NaN : (double) q.attempts() / q.offered();
      out.printf(
          Locale.ROOT,
          "  %-10s %s tries sent (%s per request)%s%n",
          "attempts",
          count(q.attempts()),
          fixed(amplification, 2),
          q.unfinished() > 0 ? " · " + count(q.unfinished()) + " still open at the end" : "");
      out.printf(Locale.ROOT, "  %-10s %s%n", "yield", fixed(rq.yield(), 4));
      out.printf(Locale.ROOT, "  %-10s %s%n", "harvest", fixed(rq.harvest(), 4));
      out.printf(
          Locale.ROOT,
          "  %-10s %s/s successful requests per second%n",
          "goodput",
          fixed(rq.goodputPerSecond(), 1));
      // Two latencies, each saying whose: the successful requests' alone flatters a run that fails
      // fast, so the latency of every finished request (a timeout at its timeout) stands beside it.
      latencyLine(out, "latency", rq.latencyMs(), "successful requests");
      latencyLine(out, "", rq.latencyAllMs(), "all finished requests");
      if (rq.groups().size() > 1) {
        for (Map.Entry<String, RequestSummary> g : rq.groups().entrySet()) {
          RequestSummary gq = g.getValue();
          out.printf(
              Locale.ROOT,
              "  %-10s %s: yield %s · goodput %s/s · p99 %s (ok) · %s (all finished)%n",
              "group",
              g.getKey(),
              fixed(gq.yield(), 4),
              fixed(gq.goodputPerSecond(), 1),
              ms(gq.latencyMs().p99()),
              ms(gq.latencyAllMs().p99()));
        }
      }
    }
    if (!r.counters().isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (Map.Entry<String, Long> e : r.counters().entrySet()) {
        if (b.length() > 0) {
          b.append(" · ");
        }
        b.append(e.getKey()).append(' ').append(count(e.getValue()));
      }
      out.printf(Locale.ROOT, "  %-10s %s%n", "counters", b);
    }
    r.consistency()
        .ifPresent(c -> out.printf(Locale.ROOT, "  %-10s %s%n", "consistency", consistency(c)));
    if (!r.expectations().isEmpty()) {
      out.println();
      // One column for the actual values, however long the checks are.
      int width = 28;
      for (ExpectationResult e : r.expectations()) {
        width = Math.max(width, e.check().length());
      }
      for (ExpectationResult e : r.expectations()) {
        // Latency expectations compare milliseconds; show them as the durations they are.
        boolean latency =
            e.check().strip().matches("(group\\.[^.\\s]+\\.)?latency(All)?\\..*")
                && !Double.isNaN(e.actual());
        boolean rate =
            e.check().strip().matches("(group\\.[^.\\s]+\\.)?goodput\\b.*|.*/[smh]\\s*")
                && !Double.isNaN(e.actual());
        boolean truth =
            e.check().strip().matches(".*(==|!=)\\s*(true|false)") && !Double.isNaN(e.actual());
        out.printf(
            Locale.ROOT,
            "  %s %-" + width + "s actual %s%n",
            e.ok() ? "PASS" : "FAIL",
            e.check(),
            latency
                ? ms(e.actual())
                : truth
                    ? String.valueOf(e.actual() == 1)
                    : rate ? plain(e.actual()) + "/s" : plain(e.actual()));
      }
    }
    out.println();
    StringBuilder files = new StringBuilder("summary.json, metrics.csv");
    if (!r.history().isEmpty()) {
      files.append(", ").append(RunPipeline.HISTORY_FILE);
    }
    if (report) {
      files.append(", report.html and charts");
    }
    if (trace) {
      files.append(", trace.jsonl");
    }
    out.printf("  wrote %s/ (%s)%n", dir, files);
    out.flush();
  }

  /**
   * The checkers' verdict in one line: {@code set · valid · 1,200 operations · lost writes 0 ·
   * ...}, and for a verdict that is not valid the witness after it.
   */
  static String consistency(ConsistencySummary c) {
    String line =
        String.format(
            Locale.ROOT,
            "%s · %s · %s operations · lost writes %s · stale reads %s · siblings max %d ·"
                + " divergent keys %d",
            c.model(),
            c.valid() ? "valid" : c.verdict().toUpperCase(Locale.ROOT),
            count(c.ops()),
            count(c.lostWrites()),
            count(c.staleReads()),
            c.siblingsMax(),
            c.divergentKeys());
    if (c.witness().isEmpty()) {
      return line;
    }
    String w = c.witness();
    // The first sentence is enough here; sim check on history.jsonl, or check.html, has the rest.
    return line + "\n" + " ".repeat(13) + (w.length() > 160 ? w.substring(0, 157) + "..." : w);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static void latencyLine(PrintWriter out, String label, LatencySummary l, String whose) {
    out.printf(
        Locale.ROOT,
        "  %-10s mean %s · p50 %s · p90 %s · p99 %s · p99.9 %s · max %s  (%s)%n",
        label,
        ms(l.mean()),
        ms(l.p50()),
        ms(l.p90()),
        ms(l.p99()),
        ms(l.p999()),
        ms(l.max()),
        whose);
  }

  /**
   * A latency figure given in milliseconds, at the precision the table has always shown: to 10ms
   * from 1s up, to 0.1ms from 10ms up, to three significant digits below.
   */
  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double nanos = v * 1e6;
    long step = nanos >= 1e9 ? 10_000_000L : nanos >= 1e7 ? 100_000L : significantStep(nanos, 3);
    return Text.duration(Math.round(nanos / step) * step);
  }

  /** The wall time of a run, to three significant digits. */
  static String wall(double seconds) {
    double nanos = seconds * 1e9;
    long step = significantStep(nanos, 3);
    return Text.duration(Math.round(nanos / step) * step);
  }

  /** The power of ten in nanoseconds that keeps {@code digits} significant digits of a value. */
  private static long significantStep(double nanos, int digits) {
    if (!(nanos >= 1)) {
      return 1;
    }
    return Math.max(1, (long) Math.pow(10, Math.floor(Math.log10(nanos)) - (digits - 1)));
  }

  static String plain(double v) {
    if (Double.isNaN(v)) {
      return "n/a (nothing measured)";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.4g", v);
  }
}
