package dev.sim.scenarios.config;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code report} section.
 *
 * @param charts chart names to draw, each once, in the order written; empty (the section or key
 *     absent) for every chart that has data
 */
public record ReportSpec(
    @Param(
            doc = "Charts to draw, in this order; absent: every chart that has data.",
            unit = Unit.CHOICE,
            choices = {
              "yield",
              "harvest",
              "latency",
              "throughput",
              "queue",
              "inflight",
              "heap",
              "healthy-backends",
              "gc",
              "gc-collections",
              "oom",
              "shed",
              "retries",
              "retry-budget",
              "throttled",
              "hedges",
              "ejections",
              "no-backend",
              "lost-writes",
              "spacetime",
              "gauges",
              "counters"
            })
        List<String> charts) {

  /** Drops repeated charts (none when absent). */
  public ReportSpec {
    charts = charts == null ? List.of() : List.copyOf(new LinkedHashSet<>(charts));
  }
}
