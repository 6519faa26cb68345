package dev.sim.report.text;

import dev.sim.kernel.metrics.Better;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Two runs' figures side by side with the change from A to B, and whether it is better or worse by
 * each figure's stated direction ({@link Better}): higher is better for yield, harvest and goodput,
 * lower for latencies, failures and timeouts, none for counts such as offered load. The built-in
 * figures state their direction here, in {@link #rows}; a counter takes its metric declaration's
 * ({@link dev.sim.kernel.metrics.MetricSpec#better}), neutral when it states none (the report names
 * no node type's metrics, and more retries can be the point of a change).
 *
 * <p>The latency of successful requests only means something beside the yield: a run that answers a
 * fifth of its requests answers those quickly. When the two runs' yields differ by more than {@link
 * #YIELD_GAP}, the success-latency rows are marked {@link Judgement#NOT_COMPARABLE} and coloured
 * neither way; the goodput and all-finished latency rows, which count every request, lead the
 * table. The one table {@code compare.html} and {@code sim diff}'s terminal output share.
 */
public final class FigureComparison {
  private FigureComparison() {}

  /**
   * Yields further apart than this (3 percentage points) make the runs' success-only latencies
   * incomparable: each describes a different share of the requests.
   */
  public static final double YIELD_GAP = 0.03;

  /** What a row says of its change. */
  public enum Judgement {
    /** B is better than A. */
    BETTER,
    /** B is worse than A. */
    WORSE,
    /** The figure has no better direction, or did not change. */
    NONE,
    /** The figure describes different requests in the two runs (their yields differ). */
    NOT_COMPARABLE
  }

  /**
   * One figure of both runs.
   *
   * @param figure what it is, e.g. {@code yield}
   * @param a run A's value, formatted
   * @param b run B's value, formatted
   * @param change the change from A to B ({@code +82.18 pts}, {@code -96.5%}, {@code new}), empty
   *     when undefined
   * @param judgement whether the change is an improvement
   * @param better which way the figure improves
   * @param note why the change is not judged, for {@link Judgement#NOT_COMPARABLE}; else empty
   */
  public record Row(
      String figure,
      String a,
      String b,
      String change,
      Judgement judgement,
      Better better,
      String note) {

    /** A row with no stated direction and no note. */
    public Row(String figure, String a, String b, String change, Judgement judgement) {
      this(figure, a, b, change, judgement, Better.NEUTRAL, "");
    }
  }

  /** The note on success-latency rows of runs whose yields differ. */
  public static String notComparable(double yieldA, double yieldB) {
    return "not comparable: yield differs ("
        + Format.percent(yieldA)
        + " vs "
        + Format.percent(yieldB)
        + "), so these are the latencies of different requests; compare goodput and the latency"
        + " of all finished requests";
  }

  /** The rows for runs {@code a} and {@code b}, in the order a table shows them. */
  public static List<Row> rows(RunResult a, RunResult b) {
    List<Row> out = new ArrayList<>();
    // Runs without requests read as runs that offered none, so any two runs compare.
    RequestSummary qa = a.requestsOrNone();
    RequestSummary qb = b.requestsOrNone();
    LatencySummary la = qa.latencyMs();
    LatencySummary lb = qb.latencyMs();
    LatencySummary xa = qa.latencyAllMs();
    LatencySummary xb = qb.latencyAllMs();
    RequestTotals ta = qa.totals();
    RequestTotals tb = qb.totals();
    boolean comparable =
        Double.isNaN(qa.yield())
            || Double.isNaN(qb.yield())
            || Math.abs(qa.yield() - qb.yield()) <= YIELD_GAP + 1e-12;
    // What counts every request leads: yield, goodput, the latency of every finished request.
    out.add(fraction("yield", qa.yield(), qb.yield()));
    out.add(rate("goodput (ok per second)", qa.goodputPerSecond(), qb.goodputPerSecond()));
    out.add(millis("latency p50, all finished", xa.p50(), xb.p50()));
    out.add(millis("latency p99, all finished", xa.p99(), xb.p99()));
    out.add(millis("latency max, all finished", xa.max(), xb.max()));
    out.add(fraction("harvest", qa.harvest(), qb.harvest()));
    List<Row> success = new ArrayList<>();
    success.add(millis("latency p50, successful", la.p50(), lb.p50()));
    success.add(millis("latency p90, successful", la.p90(), lb.p90()));
    success.add(millis("latency p99, successful", la.p99(), lb.p99()));
    success.add(millis("latency p99.9, successful", la.p999(), lb.p999()));
    success.add(millis("latency max, successful", la.max(), lb.max()));
    for (Row r : success) {
      out.add(
          comparable
              ? r
              : new Row(
                  r.figure(),
                  r.a(),
                  r.b(),
                  r.change(),
                  Judgement.NOT_COMPARABLE,
                  r.better(),
                  notComparable(qa.yield(), qb.yield())));
    }
    out.add(count("requests offered", ta.offered(), tb.offered(), Better.NEUTRAL));
    out.add(count("ok", ta.ok(), tb.ok(), Better.HIGHER));
    out.add(count("failed", ta.failed(), tb.failed(), Better.LOWER));
    out.add(count("timed out", ta.timedOut(), tb.timedOut(), Better.LOWER));
    out.add(count("rejected", ta.rejected(), tb.rejected(), Better.LOWER));
    out.add(count("attempts (tries sent)", ta.attempts(), tb.attempts(), Better.LOWER));
    // Each client group's yield and goodput, when either run has several groups.
    if (qa.groups().size() > 1 || qb.groups().size() > 1) {
      Set<String> groups = new TreeSet<>(qa.groups().keySet());
      groups.addAll(qb.groups().keySet());
      RequestSummary none = RequestSummary.none(0, a.windowNanos());
      for (String g : groups) {
        RequestSummary ga = qa.groups().getOrDefault(g, none);
        RequestSummary gb = qb.groups().getOrDefault(g, none);
        out.add(fraction("group " + g + " yield", ga.yield(), gb.yield()));
        out.add(rate("group " + g + " goodput", ga.goodputPerSecond(), gb.goodputPerSecond()));
        out.add(
            millis(
                "group " + g + " p99, all finished",
                ga.latencyAllMs().p99(),
                gb.latencyAllMs().p99()));
      }
    }
    // The checker's figures, when either run recorded a history: for store lessons they are
    // the difference that matters (valid against invalid, lost writes against none).
    Optional<ConsistencySummary> ca = a.consistency();
    Optional<ConsistencySummary> cb = b.consistency();
    if (ca.isPresent() || cb.isPresent()) {
      String va = ca.map(ConsistencySummary::verdict).orElse("—");
      String vb = cb.map(ConsistencySummary::verdict).orElse("—");
      Judgement j = Judgement.NONE;
      if (!va.equals(vb) && (va.equals("valid") || vb.equals("valid"))) {
        j = vb.equals("valid") ? Judgement.BETTER : Judgement.WORSE;
      }
      out.add(new Row("consistency", va, vb, "", j, Better.HIGHER, ""));
      out.add(
          count(
              "lost writes",
              of(ca, c -> c.lostWrites()),
              of(cb, c -> c.lostWrites()),
              Better.LOWER));
      out.add(
          count(
              "stale reads",
              of(ca, c -> c.staleReads()),
              of(cb, c -> c.staleReads()),
              Better.LOWER));
      out.add(
          count(
              "siblings (max per read)",
              of(ca, c -> (long) c.siblingsMax()),
              of(cb, c -> (long) c.siblingsMax()),
              Better.LOWER));
    }
    Set<String> counters = new TreeSet<>(a.counters().keySet());
    counters.addAll(b.counters().keySet());
    for (String k : counters) {
      // A counter one run never touched counted nothing there. Its direction is its declaration's.
      Better better =
          a.metricSpec(MetricSpec.Kind.COUNTER, k)
              .or(() -> b.metricSpec(MetricSpec.Kind.COUNTER, k))
              .map(MetricSpec::better)
              .orElse(Better.NEUTRAL);
      out.add(
          count(
              "counter " + k,
              a.counters().getOrDefault(k, 0L),
              b.counters().getOrDefault(k, 0L),
              better));
    }
    return out;
  }

  private static long of(Optional<ConsistencySummary> c, Function<ConsistencySummary, Long> f) {
    return c.map(f).orElse(0L);
  }

  private static Row fraction(String k, double a, double b) {
    String change = "";
    Judgement j = Judgement.NONE;
    if (!Double.isNaN(a) && !Double.isNaN(b)) {
      double pts = (b - a) * 100;
      change = String.format(Locale.ROOT, "%+.2f pts", pts);
      j = judge(pts, Better.HIGHER);
    }
    return new Row(k, Format.percent(a), Format.percent(b), change, j, Better.HIGHER, "");
  }

  private static Row rate(String k, double a, double b) {
    String change = "";
    Judgement j = Judgement.NONE;
    if (!Double.isNaN(a) && !Double.isNaN(b) && a > 0) {
      double pct = (b - a) / a * 100;
      change = Math.abs(pct) < 0.05 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", pct);
      // Under 1% is noise between two runs, not a judgement.
      j = Math.abs(pct) < 1 ? Judgement.NONE : judge(pct, Better.HIGHER);
    } else if (!Double.isNaN(a) && !Double.isNaN(b) && a == 0 && b > 0) {
      change = "new";
      j = Judgement.BETTER;
    }
    return new Row(k, Format.rate(a), Format.rate(b), change, j, Better.HIGHER, "");
  }

  private static Row millis(String k, double a, double b) {
    String change = "";
    Judgement j = Judgement.NONE;
    if (!Double.isNaN(a) && !Double.isNaN(b) && a > 0) {
      double pct = (b - a) / a * 100;
      if (Math.abs(pct) < 0.05) {
        change = "0.0%";
      } else {
        change = String.format(Locale.ROOT, "%+.1f%%", pct);
        // Under 1% is noise between two runs, not a judgement.
        j = Math.abs(pct) < 1 ? Judgement.NONE : judge(pct, Better.LOWER);
      }
    }
    return new Row(k, Format.millis(a), Format.millis(b), change, j, Better.LOWER, "");
  }

  private static Row count(String k, long a, long b, Better better) {
    String change;
    if (a == 0) {
      change = b == 0 ? "" : "new";
    } else {
      double pct = (b - a) * 100.0 / a;
      change = Math.abs(pct) < 0.05 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", pct);
    }
    Judgement j = a == b ? Judgement.NONE : judge(b - a, better);
    return new Row(k, Format.count(a), Format.count(b), change, j, better, "");
  }

  private static Judgement judge(double delta, Better better) {
    if (Math.abs(delta) < 1e-9 || better == Better.NEUTRAL) {
      return Judgement.NONE;
    }
    return (better == Better.HIGHER) == delta > 0 ? Judgement.BETTER : Judgement.WORSE;
  }
}
