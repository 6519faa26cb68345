package dev.sim.consensus.raft;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import java.util.List;
import java.util.function.Function;

/**
 * {@code crash-leader: raft}: crashes whichever node of the group is leader at that moment (as its
 * node says, through {@code NodeControls.role}), so a lesson can take the leader down every so
 * often without knowing who will have won; {@code restart} brings it back. When no node leads (an
 * election is under way) nothing crashes, and the band says so.
 */
public final class CrashLeaderFault implements FaultKind<CrashLeaderFault.Params> {
  /**
   * The fault's keys.
   *
   * @param target the group whose leader crashes
   * @param restartNanos restart after this long, or null to stay down
   */
  public record Params(
      @Param(
              key = "crash-leader",
              doc =
                  "The group (of a type that says which node leads, like raft) whose current"
                      + " leader crashes.",
              unit = Unit.TARGET,
              required = true)
          Target target,
      @Param(
              key = "restart",
              doc = "Restart the crashed leader after this long; absent: it stays down.",
              unit = Unit.DURATION,
              min = 1)
          Long restartNanos) {}

  @Override
  public String name() {
    return "crash-leader";
  }

  @Override
  public String summary() {
    return "Crashes the group's current leader, whoever it is (a raft group); `restart` brings it"
        + " back.";
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
    return "crash leader " + targets.apply(p.target());
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] members = c.resolve(p.target());
    int hit = -1;
    for (int id : members) {
      if ("leader".equals(c.controls(id).role())) {
        hit = id;
        break;
      }
    }
    if (hit < 0) {
      c.annotate("crash leader: none (election under way)", List.of());
      return;
    }
    int id = hit;
    // A crashed node says nothing more: it leads no longer, until its restart says otherwise.
    c.controls(id).setRole("crashed");
    c.crash(id);
    c.after(c.lastsNanos(), "restart leader " + p.target(), () -> c.restart(id));
    List<String> names = c.names(new int[] {id});
    c.annotate("crash leader " + names.get(0), names);
  }
}
