package dev.sim.cli;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.node.InvariantViolation;
import dev.sim.kernel.node.Node;

/** A test node type that breaks a named invariant from a timer, to check how sim run says so. */
public final class BrokenInvariantType implements NodeType<BrokenInvariantType.Params> {
  /**
   * Parameters.
   *
   * @param afterNanos when the invariant breaks
   */
  public record Params(
      @Param(
              key = "after",
              doc = "When the invariant breaks.",
              unit = Unit.DURATION,
              defaultValue = "1s")
          long afterNanos) {}

  /** The timer that goes off. */
  record Break() {}

  @Override
  public String name() {
    return "test-broken-invariant";
  }

  @Override
  public String summary() {
    return "Breaks a named invariant from a timer handler (a test double).";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public Node create(Params params, BuildContext ctx) {
    return context -> {
      context.onTimer(
          Break.class,
          b -> {
            throw new InvariantViolation("at most one value chosen", "'red' and 'blue'");
          });
      context.setTimer(params.afterNanos(), new Break());
    };
  }
}
