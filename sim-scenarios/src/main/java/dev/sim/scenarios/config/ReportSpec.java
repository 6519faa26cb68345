package dev.sim.scenarios.config;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code report} section.
 *
 * @param charts chart names to draw: generic ones ({@code yield, latency, spacetime, ...}) and
 *     those the scenario's node types declare ({@code queue, heap, retries, ...}); empty means
 *     every chart that has data
 */
public record ReportSpec(
    @Param(
            doc =
                "Charts to draw, in this order: yield, harvest, latency, throughput, lost-writes,"
                    + " spacetime and the charts of the metrics the scenario's node types declare;"
                    + " absent: every chart that has data.",
            unit = Unit.TEXT)
        List<String> charts) {

  /** Drops repeated charts (none when absent). */
  public ReportSpec {
    charts = charts == null ? List.of() : List.copyOf(new LinkedHashSet<>(charts));
  }
}
