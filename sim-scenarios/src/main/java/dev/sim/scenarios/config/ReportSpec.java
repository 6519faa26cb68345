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
 * @param spacetime the stretch of the run the space-time diagram shows; null: around the first
 *     fault (from 50ms before it), or from the start when there is none
 */
public record ReportSpec(
    @Param(
            doc =
                "Charts to draw, in this order: yield, harvest, latency (of successful"
                    + " requests), latency-all (of all finished requests), throughput, lost-writes,"
                    + " spacetime and the charts of the metrics the scenario's node types declare;"
                    + " absent: every chart that has data.",
            unit = Unit.TEXT)
        List<String> charts,
    @Param(
            doc =
                "The stretch of the run the space-time diagram shows, like {from: 59.9s, to:"
                    + " 60.3s} (its first 100 messages sent from `from` on); absent: from 50ms"
                    + " before the first fault, or from the start when there is none.",
            unit = Unit.NESTED)
        Window spacetime) {

  /** From 50ms before the first fault when no window is given. */
  public static final long BEFORE_FIRST_FAULT_NANOS = 50_000_000L;

  /**
   * A stretch of simulated time.
   *
   * @param fromNanos [from] its start
   * @param toNanos [to] its end, after the start
   */
  public record Window(
      @Param(
              key = "from",
              doc = "Where it starts, like 59.9s.",
              unit = Unit.DURATION,
              required = true)
          long fromNanos,
      @Param(
              key = "to",
              doc = "Where it ends, like 60.3s; after from.",
              unit = Unit.DURATION,
              required = true)
          long toNanos) {}

  /** Drops repeated charts (none when absent). */
  public ReportSpec {
    charts = charts == null ? List.of() : List.copyOf(new LinkedHashSet<>(charts));
  }
}
