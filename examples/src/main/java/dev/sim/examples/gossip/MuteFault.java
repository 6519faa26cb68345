package dev.sim.examples.gossip;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code mute} fault kind, registered in META-INF/services/dev.sim.api.FaultKind: {@code {at:
 * 0s, mute: peers-1, audience: peers, for: 300ms}}. The muted nodes still hear everything, but
 * nothing they send reaches the audience until {@code for} has passed — an asymmetric failure (a
 * stuck send queue, a one-way firewall rule) that a gossip protocol must route around.
 *
 * <p>It acts only through {@link FaultControls}: a one-way cut from the target to the audience,
 * healed after {@code for}. Its keys are a {@code @Param} record like a node type's, so {@code sim
 * explain mute --plugin ...} documents them and mistakes get the same messages as built-in kinds.
 */
public final class MuteFault implements FaultKind<MuteFault.Params> {
  /**
   * The fault's keys (beside {@code at}, {@code every} and {@code for}, which every fault takes).
   *
   * @param target who is muted
   * @param audience who no longer hears them
   */
  public record Params(
      @Param(
              key = "mute",
              doc = "Who is muted: a node, a group (all its instances) or random(group).",
              unit = Unit.TARGET,
              required = true)
          Target target,
      @Param(
              doc = "Who no longer hears them: a node group or instance.",
              unit = Unit.NODE_REF,
              required = true)
          String audience) {}

  @Override
  public String name() {
    return "mute";
  }

  @Override
  public String summary() {
    return "Nodes still hear, but nothing they send reaches `audience` until `for` has passed.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    return "mute " + targets.apply(p.target()) + " → " + p.audience();
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] muted = c.resolve(p.target());
    long handle = c.cutOneWay(muted, c.nodes(List.of(p.audience())));
    c.after(c.lastsNanos(), "unmute " + p.target(), () -> c.heal(handle));
    List<String> names = c.names(muted);
    c.annotate(describe(p, t -> String.join(",", names)), names);
  }
}
