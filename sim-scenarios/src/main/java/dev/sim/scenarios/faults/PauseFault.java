package dev.sim.scenarios.faults;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import java.util.function.Function;

/**
 * {@code pause: api-1}: a stop-the-world pause (a long GC, a VM migration) for {@code for}; the
 * node's messages and timers wait and are handled when it resumes.
 */
public final class PauseFault implements FaultKind<PauseFault.Params> {
  /**
   * The pause's keys.
   *
   * @param target what pauses
   */
  public record Params(
      @Param(
              key = "pause",
              doc = "What pauses: a node, a group (all its instances) or random(group).",
              unit = Unit.TARGET,
              required = true)
          Target target) {}

  @Override
  public String name() {
    return "pause";
  }

  @Override
  public String summary() {
    return "Stops nodes for `for` (stop-the-world); their messages and timers wait.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public Lasting lasting() {
    return Lasting.requiredFor("how long the pause lasts, like 5s");
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    return "pause " + targets.apply(p.target());
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] ids = c.resolve(p.target());
    for (int id : ids) {
      c.pause(id);
    }
    c.after(
        c.lastsNanos(),
        "resume " + p.target(),
        () -> {
          for (int id : ids) {
            c.resume(id);
          }
        });
    c.annotate(describe(p, t -> Labels.names(c.names(ids))), c.names(ids));
  }
}
