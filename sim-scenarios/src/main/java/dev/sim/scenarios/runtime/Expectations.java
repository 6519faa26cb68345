package dev.sim.scenarios.runtime;

import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ExpectSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Evaluates a scenario's {@code expect:} checks on a run's summary figures. */
public final class Expectations {
  private Expectations() {}

  /** Checks every expectation against {@code result}; an undefined figure (NaN) fails its check. */
  public static List<ExpectationResult> evaluate(List<ExpectSpec> expect, RunResult result) {
    List<ExpectationResult> out = new ArrayList<>(expect.size());
    for (ExpectSpec e : expect) {
      double actual = value(e.metric(), result);
      out.add(new ExpectationResult(e.text(), actual, holds(actual, e.op(), e.value())));
    }
    return out;
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
