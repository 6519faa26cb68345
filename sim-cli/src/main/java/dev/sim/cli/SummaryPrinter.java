package dev.sim.cli;

import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.LatencySummary;
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
        "%s · seed %d · %s simulated in %.2fs wall · %s events · trace %s%n",
        r.scenario(),
        r.seed(),
        seconds(r.simulatedNanos()),
        r.wallSeconds(),
        count(r.events()),
        r.traceHash());
    if (r.warmupNanos() > 0) {
      out.printf(
          Locale.ROOT,
          "  (figures below leave out the first %s of warm-up)%n",
          seconds(r.warmupNanos()));
    }
    RequestTotals q = r.requests();
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
      out.printf(Locale.ROOT, "  %-10s %s%n", "yield", fixed(r.yield(), 4));
      out.printf(Locale.ROOT, "  %-10s %s%n", "harvest", fixed(r.harvest(), 4));
      LatencySummary l = r.latencyMs();
      out.printf(
          Locale.ROOT,
          "  %-10s mean %s · p50 %s · p90 %s · p99 %s · p99.9 %s · max %s%n",
          "latency",
          ms(l.mean()),
          ms(l.p50()),
          ms(l.p90()),
          ms(l.p99()),
          ms(l.p999()),
          ms(l.max()));
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
    if (!r.expectations().isEmpty()) {
      out.println();
      for (ExpectationResult e : r.expectations()) {
        String unit =
            e.check().trim().startsWith("latency") && !Double.isNaN(e.actual()) ? "ms" : "";
        out.printf(
            Locale.ROOT,
            "  %s %-28s actual %s%s%n",
            e.ok() ? "PASS" : "FAIL",
            e.check(),
            plain(e.actual()),
            unit);
      }
    }
    out.println();
    StringBuilder files = new StringBuilder("summary.json, metrics.csv");
    if (report) {
      files.append(", report.html and charts");
    }
    if (trace) {
      files.append(", trace.jsonl");
    }
    out.printf("  wrote %s/ (%s)%n", dir, files);
    out.flush();
  }

  static String seconds(long nanos) {
    double s = nanos / 1e9;
    return s == Math.rint(s)
        ? String.format(Locale.ROOT, "%.0fs", s)
        : String.format(Locale.ROOT, "%.3fs", s);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%.2fs", v / 1000);
    }
    return v >= 10
        ? String.format(Locale.ROOT, "%.1fms", v)
        : String.format(Locale.ROOT, "%.2fms", v);
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
