package dev.sim.scenarios.runtime;

import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ExpectSpec;
import java.util.ArrayList;
import java.util.List;

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

  /** The value of a metric name as used in {@code expect:} (latency in milliseconds). */
  public static double value(String metric, RunResult r) {
    LatencySummary l = r.latencyMs();
    RequestTotals q = r.requests();
    return switch (metric) {
      case "yield" -> r.yield();
      case "harvest" -> r.harvest();
      case "latency.mean" -> l.mean();
      case "latency.p50" -> l.p50();
      case "latency.p90" -> l.p90();
      case "latency.p99" -> l.p99();
      case "latency.p999" -> l.p999();
      case "latency.max" -> l.max();
      case "requests.offered" -> q.offered();
      case "requests.ok" -> q.ok();
      case "requests.failed" -> q.failed();
      case "requests.timedOut" -> q.timedOut();
      case "requests.rejected" -> q.rejected();
      case "requests.attempts" -> q.attempts();
      case "requests.unfinished" -> q.unfinished();
      case "events" -> r.events();
      default -> {
        if (metric.startsWith("counter.")) {
          // A counter nothing incremented is zero, so "counter.lostWrites == 0" holds when no write was lost.
          Long v = r.counters().get(metric.substring("counter.".length()));
          yield v == null ? 0 : v;
        }
        throw new IllegalArgumentException("unknown metric: " + metric);
      }
    };
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
