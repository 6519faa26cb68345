package dev.sim.components.flags;

import dev.sim.api.NodeControls;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;

/**
 * The {@code flag-service} node: answers each {@link FlagLookup} with the flag's value after a
 * service time (stream {@code service}). Crashed, it drops lookups; paused, they wait in its inbox
 * and are answered late, at resume.
 */
final class FlagServiceNode implements Node {
  private final FlagServiceParams params;
  private final NodeControls controls;
  private final boolean on;

  /** Timer: a lookup's service time is over. */
  record Answer(int to, long id) {}

  FlagServiceNode(FlagServiceParams params, NodeControls controls) {
    this.params = params;
    this.controls = controls;
    this.on = params.value() != FlagServiceParams.Value.OFF;
  }

  @Override
  public void start(NodeContext ctx) {
    Rng rng = ctx.random("service");
    ctx.on(
        FlagLookup.class,
        (m, from) -> {
          double s = params.service().sample(rng) * controls.slowFactor();
          ctx.setTimer(s <= 0 ? 0 : (long) (s + 0.5), new Answer(from, m.id()));
        });
    ctx.onTimer(
        Answer.class,
        a -> {
          ctx.metrics().count("flagRequests", 1);
          ctx.send(a.to(), new FlagAnswer(a.id(), on));
        });
  }
}
