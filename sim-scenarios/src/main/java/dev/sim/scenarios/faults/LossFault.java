package dev.sim.scenarios.faults;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import dev.sim.scenarios.plugin.TraceName;
import java.util.List;
import java.util.function.Function;

/**
 * {@code loss: {between: [api, db], rate: 0.3}}: extra message loss between two sides, both
 * directions, beside the network's own, until {@code for}.
 */
public final class LossFault implements FaultKind<LossFault.Params>, TraceName<LossFault.Params> {
  /**
   * The loss burst's keys.
   *
   * @param burst where and how much
   */
  public record Params(
      @Param(
              key = "loss",
              doc = "Where messages are lost, and how often.",
              unit = Unit.NESTED,
              required = true)
          Burst burst) {}

  /**
   * Where and how much.
   *
   * @param between the two sides
   * @param rate the probability that a message between them is lost
   */
  public record Burst(
      @Param(
              doc = "The two sides whose messages are lost, like [api, db].",
              unit = Unit.SIDES,
              required = true,
              max = 2)
          List<List<String>> between,
      @Param(
              doc = "The probability that a message is lost, like 0.3.",
              unit = Unit.PROBABILITY,
              required = true)
          double rate) {}

  @Override
  public String name() {
    return "loss";
  }

  @Override
  public String summary() {
    return "Loses messages between two sides with probability `rate`, beside the network's loss.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    Burst b = p.burst();
    return "loss "
        + Labels.trim(b.rate() * 100)
        + "% "
        + Labels.names(b.between().get(0))
        + " ↔ "
        + Labels.names(b.between().get(1));
  }

  @Override
  public String traceName(Params p) {
    return "lossburst";
  }

  @Override
  public void start(Params p, FaultControls c) {
    Burst b = p.burst();
    List<String> a = b.between().get(0);
    long handle = c.loss(c.nodes(a), c.nodes(b.between().get(1)), b.rate());
    c.after(c.lastsNanos(), "end loss burst", () -> c.endLoss(handle));
    c.annotate(describe(p, Target::toString), c.names(c.nodes(a)));
  }
}
