package dev.sim.report.text;

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
 * Two runs' figures side by side with the change from A to B and whether it is better or worse:
 * more yield is better, more latency, timeouts or lost writes worse. Counters are compared without
 * a judgement (the report names no node type's metrics, and more retries can be the point of a
 * change). The one table {@code compare.html} and {@code sim diff}'s terminal output share.
 */
public final class FigureComparison {
  private FigureComparison() {}

  /** Which way a change goes. */
  public enum Judgement {
    /** B is better than A. */
    BETTER,
    /** B is worse than A. */
    WORSE,
    /** The figure has no better direction, or did not change. */
    NONE
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
   */
  public record Row(String figure, String a, String b, String change, Judgement judgement) {}

  /** The rows for runs {@code a} and {@code b}, in the order a table shows them. */
  public static List<Row> rows(RunResult a, RunResult b) {
    List<Row> out = new ArrayList<>();
    // Runs without requests read as runs that offered none, so any two runs compare.
    RequestSummary qa = a.requestsOrNone();
    RequestSummary qb = b.requestsOrNone();
    LatencySummary la = qa.latencyMs();
    LatencySummary lb = qb.latencyMs();
    RequestTotals ta = qa.totals();
    RequestTotals tb = qb.totals();
    out.add(fraction("yield", qa.yield(), qb.yield()));
    out.add(fraction("harvest", qa.harvest(), qb.harvest()));
    out.add(millis("latency p50", la.p50(), lb.p50()));
    out.add(millis("latency p90", la.p90(), lb.p90()));
    out.add(millis("latency p99", la.p99(), lb.p99()));
    out.add(millis("latency p99.9", la.p999(), lb.p999()));
    out.add(millis("latency max", la.max(), lb.max()));
    out.add(count("requests offered", ta.offered(), tb.offered(), 0));
    out.add(count("ok", ta.ok(), tb.ok(), +1));
    out.add(count("failed", ta.failed(), tb.failed(), -1));
    out.add(count("timed out", ta.timedOut(), tb.timedOut(), -1));
    out.add(count("rejected", ta.rejected(), tb.rejected(), -1));
    out.add(count("attempts (tries sent)", ta.attempts(), tb.attempts(), -1));
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
      out.add(new Row("consistency", va, vb, "", j));
      out.add(count("lost writes", of(ca, c -> c.lostWrites()), of(cb, c -> c.lostWrites()), -1));
      out.add(count("stale reads", of(ca, c -> c.staleReads()), of(cb, c -> c.staleReads()), -1));
      out.add(
          count(
              "siblings (max per read)",
              of(ca, c -> (long) c.siblingsMax()),
              of(cb, c -> (long) c.siblingsMax()),
              -1));
    }
    Set<String> counters = new TreeSet<>(a.counters().keySet());
    counters.addAll(b.counters().keySet());
    for (String k : counters) {
      // A counter one run never touched counted nothing there.
      out.add(
          count(
              "counter " + k,
              a.counters().getOrDefault(k, 0L),
              b.counters().getOrDefault(k, 0L),
              0));
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
      j = judge(pts, true);
    }
    return new Row(k, Format.percent(a), Format.percent(b), change, j);
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
        j = Math.abs(pct) < 1 ? Judgement.NONE : judge(pct, false);
      }
    }
    return new Row(k, Format.millis(a), Format.millis(b), change, j);
  }

  /** {@code direction} +1: more is better; -1: more is worse; 0: no judgement. */
  private static Row count(String k, long a, long b, int direction) {
    String change;
    if (a == 0) {
      change = b == 0 ? "" : "new";
    } else {
      double pct = (b - a) * 100.0 / a;
      change = Math.abs(pct) < 0.05 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", pct);
    }
    Judgement j = direction == 0 || a == b ? Judgement.NONE : judge(b - a, direction > 0);
    return new Row(k, Format.count(a), Format.count(b), change, j);
  }

  private static Judgement judge(double delta, boolean higherIsBetter) {
    if (Math.abs(delta) < 1e-9) {
      return Judgement.NONE;
    }
    return higherIsBetter == delta > 0 ? Judgement.BETTER : Judgement.WORSE;
  }
}
