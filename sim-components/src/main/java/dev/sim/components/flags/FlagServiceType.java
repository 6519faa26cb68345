package dev.sim.components.flags;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.List;

/**
 * The {@code flag-service} node type: a feature-flag service that servers ask before serving a
 * request ({@code flag:} on a server). It answers every lookup with the flag's value after a
 * service time, as many at once as arrive. Its failure is the lesson: crash or pause it and see
 * which servers keep serving (those with a lookup timeout and a default value) and which stall.
 *
 * <p>Counter: {@code flagRequests} (lookups answered).
 */
public final class FlagServiceType implements NodeType<FlagServiceParams> {
  @Override
  public String name() {
    return "flag-service";
  }

  @Override
  public String summary() {
    return "A feature-flag service: answers servers' flag lookups with the flag's value after a"
        + " service time.";
  }

  @Override
  public Class<FlagServiceParams> parameters() {
    return FlagServiceParams.class;
  }

  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("flagRequests", "Flag service requests answered", "lookups")
              .describe("Flag lookups the flag service answered, per second")
              .order(170));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public Node create(FlagServiceParams params, BuildContext ctx) {
    return new FlagServiceNode(params, ctx.controls());
  }
}
