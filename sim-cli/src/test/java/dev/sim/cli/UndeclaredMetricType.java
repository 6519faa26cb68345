package dev.sim.cli;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.List;

/**
 * A test node type whose declaration drifted from its code: it declares the counter {@code spark}
 * and counts {@code sparks}, to check that the run fails naming the metric.
 */
public final class UndeclaredMetricType implements NodeType<UndeclaredMetricType.Params> {
  /** No parameters. */
  public record Params() {}

  /** The timer that counts. */
  record Tick() {}

  @Override
  public String name() {
    return "test-undeclared";
  }

  @Override
  public String summary() {
    return "Counts a metric it does not declare (a test double).";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public List<MetricSpec> metrics() {
    return List.of(MetricSpec.counter("spark", "Sparks", "sparks"));
  }

  @Override
  public Node create(Params params, BuildContext ctx) {
    return context -> {
      context.metrics().count("spark", 1);
      context.onTimer(Tick.class, t -> context.metrics().count("sparks", 1));
      context.setTimer(250_000_000L, new Tick());
    };
  }
}
