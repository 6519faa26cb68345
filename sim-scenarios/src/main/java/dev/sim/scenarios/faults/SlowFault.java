package dev.sim.scenarios.faults;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Problem;
import dev.sim.api.Target;
import java.util.List;
import java.util.function.Function;

/** {@code slow: db, factor: 10}: the node's service times are multiplied, until {@code for}. */
public final class SlowFault implements FaultKind<SlowFault.Params> {
  /**
   * The slow-down's keys.
   *
   * @param target what slows down
   * @param factor the service-time multiplier
   */
  public record Params(
      @Param(
              key = "slow",
              doc = "What slows down: a node, a group (all its instances) or random(group).",
              unit = Unit.TARGET,
              required = true)
          Target target,
      @Param(doc = "How many times slower, like 10.", unit = Unit.NUMBER, required = true)
          double factor) {}

  @Override
  public String name() {
    return "slow";
  }

  @Override
  public String summary() {
    return "Multiplies nodes' service times by `factor` (a slow disk, a noisy neighbour).";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public List<Problem> check(Params p) {
    if (p.factor() > 0) {
      return List.of();
    }
    return List.of(
        new Problem(
            "factor",
            "expected a factor of more than 0 (10 is ten times slower), found "
                + Labels.trim(p.factor())));
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    return "slow ×" + Labels.trim(p.factor()) + " " + targets.apply(p.target());
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] ids = c.resolve(p.target());
    for (int id : ids) {
      c.slow(id, p.factor());
    }
    c.after(
        c.lastsNanos(),
        "unslow " + p.target(),
        () -> {
          for (int id : ids) {
            c.slow(id, 1.0);
          }
        });
    c.annotate(describe(p, t -> Labels.names(c.names(ids))), c.names(ids));
  }
}
