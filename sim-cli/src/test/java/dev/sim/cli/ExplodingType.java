package dev.sim.cli;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.node.Node;

/** A test node type whose timer handler throws, to check exit code 1 and its message. */
public final class ExplodingType implements NodeType<ExplodingType.Params> {
  /**
   * Parameters.
   *
   * @param afterNanos when to throw
   */
  public record Params(
      @Param(
              key = "after",
              doc = "When the handler throws.",
              unit = Unit.DURATION,
              defaultValue = "1s")
          long afterNanos) {}

  /** The timer that goes off. */
  record Fuse() {}

  @Override
  public String name() {
    return "test-exploding";
  }

  @Override
  public String summary() {
    return "Throws from a timer handler (a test double).";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public Node create(Params params, BuildContext ctx) {
    return context -> {
      context.onTimer(
          Fuse.class,
          f -> {
            throw new IllegalStateException("the fuse burned down");
          });
      context.setTimer(params.afterNanos(), new Fuse());
    };
  }
}
