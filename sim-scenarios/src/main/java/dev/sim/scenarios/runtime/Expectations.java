package dev.sim.scenarios.runtime;

import dev.sim.kernel.metrics.MetricsCollector.RangeFigures;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ExpectSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Evaluates a scenario's {@code expect:} checks on a run's summary figures. */
public final class Expectations {
  private Expectations() {}

  /**
   * Where the request figures of a range of windows come from: the finished run's metrics ({@code
   * Simulation::requestRange}), which keep each window's latency histogram. Empty when the group
   * offered no request.
   */
  @FunctionalInterface
  public interface Ranges {
    /** The figures of group {@code group} (every group: null) over windows [from, to). */
    Optional<RangeFigures> range(String group, int fromWindow, int toWindow);

    /** No range figures: every ranged request figure is undefined. */
    Ranges NONE = (g, f, t) -> Optional.empty();
  }

  /**
   * Checks every expectation against {@code result}, reading request figures over time ranges from
   * {@code ranges}; an undefined figure (NaN) fails its check.
   */
  public static List<ExpectationResult> evaluate(
      List<ExpectSpec> expect, RunResult result, Ranges ranges) {
    List<ExpectationResult> out = new ArrayList<>(expect.size());
    for (ExpectSpec e : expect) {
      double actual = value(e, result, ranges);
      out.add(new ExpectationResult(e.text(), actual, holds(actual, e.op(), e.value())));
    }
    return out;
  }

  /** Checks every expectation against {@code result}, without range figures. */
  public static List<ExpectationResult> evaluate(List<ExpectSpec> expect, RunResult result) {
    return evaluate(expect, result, Ranges.NONE);
  }

  /**
   * The request figures a check may name for one client group or over a time range, each read from
   * one {@link Figures}: the names {@code group.NAME.FIGURE} and {@code FIGURE[FROM..TO]} take.
   */
  public static final List<String> REQUEST_FIGURES =
      List.of(
          "yield",
          "harvest",
          "goodput",
          "latency.p50",
          "latency.p90",
          "latency.p99",
          "latency.p999",
          "latency.max",
          "latency.mean",
          "latencyAll.p50",
          "latencyAll.p90",
          "latencyAll.p99",
          "latencyAll.p999",
          "latencyAll.max",
          "latencyAll.mean",
          "requests.offered",
          "requests.ok",
          "requests.failed",
          "requests.timedOut",
          "requests.rejected",
          "requests.attempts",
          "requests.unfinished");

  /** The request figures of one scope (the run, a group, a range), whichever produced them. */
  private record Figures(
      RequestTotals totals,
      double yield,
      double harvest,
      double goodput,
      LatencySummary latency,
      LatencySummary latencyAll) {
    static Figures of(RequestSummary q) {
      return new Figures(
          q.totals(),
          q.yield(),
          q.harvest(),
          q.goodputPerSecond(),
          q.latencyMs(),
          q.latencyAllMs());
    }

    double get(String name) {
      return switch (name) {
        case "yield" -> yield;
        case "harvest" -> harvest;
        case "goodput" -> goodput;
        case "requests.offered" -> totals.offered();
        case "requests.ok" -> totals.ok();
        case "requests.failed" -> totals.failed();
        case "requests.timedOut" -> totals.timedOut();
        case "requests.rejected" -> totals.rejected();
        case "requests.attempts" -> totals.attempts();
        case "requests.unfinished" -> totals.unfinished();
        default -> {
          int dot = name.indexOf('.');
          LatencySummary l = name.startsWith("latencyAll.") ? latencyAll : latency;
          yield switch (name.substring(dot + 1)) {
            case "p50" -> l.p50();
            case "p90" -> l.p90();
            case "p99" -> l.p99();
            case "p999" -> l.p999();
            case "max" -> l.max();
            case "mean" -> l.mean();
            default -> throw new IllegalArgumentException("unknown metric: " + name);
          };
        }
      };
    }
  }

  /**
   * The value one check compares: the run's summary figure, a group's, or a figure over a time
   * range (the windows the range covers; an open start begins at the first window boundary at or
   * after the warm-up, an open end at the run's end).
   */
  public static double value(ExpectSpec e, RunResult r, Ranges ranges) {
    if (!e.ranged()) {
      if (e.group() != null) {
        RequestSummary g = r.requestsOrNone().groups().get(e.group());
        return g == null ? Double.NaN : Figures.of(g).get(e.metric());
      }
      double v = value(e.metric(), r);
      if (e.rate()) {
        double seconds = Math.max(0, r.simulatedNanos() - r.warmupNanos()) / 1e9;
        return seconds <= 0 ? Double.NaN : v / seconds;
      }
      return v;
    }
    long w = r.windowNanos();
    int from =
        e.fromNanos() == ExpectSpec.AFTER_WARMUP
            ? (int) ((r.warmupNanos() + w - 1) / w)
            : (int) (e.fromNanos() / w);
    int to = e.toNanos() == ExpectSpec.END ? r.windowCount() : (int) (e.toNanos() / w);
    to = Math.min(to, r.windowCount());
    // The range's length in simulated time: the last window of a run may be cut short by its end.
    double seconds = (Math.min((long) to * w, r.simulatedNanos()) - (long) from * w) / 1e9;
    if (e.metric().startsWith("counter.")) {
      String name = e.metric().substring("counter.".length());
      long sum = 0;
      for (CounterSeries c : r.counterSeries()) {
        if (c.name().equals(name)) {
          long[] pw = c.perWindow();
          for (int i = from; i < Math.min(to, pw.length); i++) {
            sum += pw[i];
          }
        }
      }
      if (e.rate()) {
        return seconds <= 0 ? Double.NaN : sum / seconds;
      }
      return sum;
    }
    Optional<RangeFigures> f = ranges.range(e.group(), from, to);
    if (f.isEmpty()) {
      return Double.NaN;
    }
    RangeFigures q = f.get();
    double goodput = seconds <= 0 ? Double.NaN : q.totals().ok() / seconds;
    return new Figures(q.totals(), q.yield(), q.harvest(), goodput, q.latencyMs(), q.latencyAllMs())
        .get(e.metric());
  }

  /**
   * Every metric an expectation may name besides {@code counter.NAME}, with how to read it from a
   * run (latency in milliseconds). The loader validates names against these keys, so a name it
   * accepts is always one the run can answer.
   */
  public static final Map<String, ToDoubleFunction<RunResult>> METRICS = metrics();

  private static Map<String, ToDoubleFunction<RunResult>> metrics() {
    Map<String, ToDoubleFunction<RunResult>> m = new LinkedHashMap<>();
    // A run without requests reads as one that offered none: zero counts, undefined fractions.
    m.put("yield", r -> r.requestsOrNone().yield());
    m.put("harvest", r -> r.requestsOrNone().harvest());
    m.put("latency.p50", r -> r.requestsOrNone().latencyMs().p50());
    m.put("latency.p90", r -> r.requestsOrNone().latencyMs().p90());
    m.put("latency.p99", r -> r.requestsOrNone().latencyMs().p99());
    m.put("latency.p999", r -> r.requestsOrNone().latencyMs().p999());
    m.put("latency.max", r -> r.requestsOrNone().latencyMs().max());
    m.put("latency.mean", r -> r.requestsOrNone().latencyMs().mean());
    // Successful requests per second after the warm-up, and the latency of every finished one:
    // beside yield and latency.*, they keep a run that fails fast from looking fast.
    m.put("goodput", r -> r.requestsOrNone().goodputPerSecond());
    m.put("latencyAll.p50", r -> r.requestsOrNone().latencyAllMs().p50());
    m.put("latencyAll.p90", r -> r.requestsOrNone().latencyAllMs().p90());
    m.put("latencyAll.p99", r -> r.requestsOrNone().latencyAllMs().p99());
    m.put("latencyAll.p999", r -> r.requestsOrNone().latencyAllMs().p999());
    m.put("latencyAll.max", r -> r.requestsOrNone().latencyAllMs().max());
    m.put("latencyAll.mean", r -> r.requestsOrNone().latencyAllMs().mean());
    m.put("requests.offered", r -> r.requestsOrNone().totals().offered());
    m.put("requests.ok", r -> r.requestsOrNone().totals().ok());
    m.put("requests.failed", r -> r.requestsOrNone().totals().failed());
    m.put("requests.timedOut", r -> r.requestsOrNone().totals().timedOut());
    m.put("requests.rejected", r -> r.requestsOrNone().totals().rejected());
    m.put("requests.attempts", r -> r.requestsOrNone().totals().attempts());
    m.put("requests.unfinished", r -> r.requestsOrNone().totals().unfinished());
    m.put("events", RunResult::events);
    // The checkers' figures; a run that recorded no operation has none (NaN: the check fails).
    m.put("consistency.valid", r -> consistency(r, c -> c.valid() ? 1 : 0));
    m.put("consistency.ops", r -> consistency(r, ConsistencySummary::ops));
    m.put("consistency.lostWrites", r -> consistency(r, ConsistencySummary::lostWrites));
    m.put("consistency.staleReads", r -> consistency(r, ConsistencySummary::staleReads));
    m.put("consistency.siblingsMax", r -> consistency(r, ConsistencySummary::siblingsMax));
    m.put("consistency.siblingsMean", r -> consistency(r, ConsistencySummary::siblingsMean));
    m.put("consistency.divergentKeys", r -> consistency(r, ConsistencySummary::divergentKeys));
    m.put("consistency.okShare", r -> consistency(r, ConsistencySummary::okShare));
    m.put("consistency.failShare", r -> consistency(r, ConsistencySummary::failShare));
    m.put("consistency.infoShare", r -> consistency(r, ConsistencySummary::infoShare));
    return Collections.unmodifiableMap(m);
  }

  private static double consistency(RunResult r, ToDoubleFunction<ConsistencySummary> figure) {
    return r.consistency().map(figure::applyAsDouble).orElse(Double.NaN);
  }

  /** The value of a metric name as used in {@code expect:} (latency in milliseconds). */
  public static double value(String metric, RunResult r) {
    ToDoubleFunction<RunResult> f = METRICS.get(metric);
    if (f != null) {
      return f.applyAsDouble(r);
    }
    if (metric.startsWith("counter.")) {
      // A declared counter nothing incremented is zero, so "counter.oom == 0" holds when no server
      // ran out of memory. The loader has checked that a type of the scenario declares the name.
      Long v = r.counters().get(metric.substring("counter.".length()));
      return v == null ? 0 : v;
    }
    throw new IllegalArgumentException("unknown metric: " + metric);
  }

  /** Whether {@code actual OP threshold} holds; NaN never does. */
  public static boolean holds(double actual, String op, double threshold) {
    if (Double.isNaN(actual)) {
      return false;
    }
    return switch (op) {
      case "<" -> actual < threshold;
      case "<=" -> actual <= threshold;
      case ">" -> actual > threshold;
      case ">=" -> actual >= threshold;
      case "==" -> actual == threshold;
      case "!=" -> actual != threshold;
      default -> throw new IllegalArgumentException("unknown operator: " + op);
    };
  }
}
