package dev.sim.scenarios.faults;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import java.util.function.Function;

/**
 * {@code crash: api-2}: the node loses its timers, inbox and state; {@code restart} brings it back.
 */
public final class CrashFault implements FaultKind<CrashFault.Params> {
  /**
   * The crash's keys.
   *
   * @param target what crashes
   * @param restartNanos restart after this long, or null to stay down
   */
  public record Params(
      @Param(
              key = "crash",
              doc = "What crashes: a node, a group (all its instances) or random(group).",
              unit = Unit.TARGET,
              required = true)
          Target target,
      @Param(
              key = "restart",
              doc =
                  "Restart the crashed nodes, each with a fresh instance, after this long; absent:"
                      + " they stay down.",
              unit = Unit.DURATION,
              min = 1)
          Long restartNanos) {}

  @Override
  public String name() {
    return "crash";
  }

  @Override
  public String summary() {
    return "Crashes nodes (timers, inbox and state lost); `restart` brings them back fresh.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public Lasting lasting() {
    return Lasting.byKey(
        "restart", "a crash takes 'restart' (how long until the node comes back), not 'for'");
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    return "crash " + targets.apply(p.target());
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] ids = c.resolve(p.target());
    for (int id : ids) {
      c.crash(id);
    }
    c.after(
        c.lastsNanos(),
        "restart " + p.target(),
        () -> {
          for (int id : ids) {
            c.restart(id);
          }
        });
    c.annotate(describe(p, t -> Labels.names(c.names(ids))), c.names(ids));
  }
}
