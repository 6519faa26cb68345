package dev.sim.stores.client;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import java.util.List;
import java.util.function.Function;

/**
 * {@code {at: 20s, offline: clients-1, for: 30s}}: the target goes off the network, alone (a phone
 * in a tunnel): no message reaches it or leaves it, until {@code for} has passed (without {@code
 * for}, to the end of the run). It also tells each node, through its {@link
 * dev.sim.api.NodeControls#offline}: a {@code kv-client} then queues the writes its users make and
 * sends them when it is back, and fails reads at once. Nodes of other types are simply cut off.
 *
 * <p>A group as the target takes each instance off on its own: they cannot reach each other either.
 * Two offline faults on one node at once are not supported: the first to end brings the node back
 * online.
 */
public final class OfflineFault implements FaultKind<OfflineFault.Params> {
  /**
   * The offline fault's keys.
   *
   * @param target who goes offline
   */
  public record Params(
      @Param(
              key = "offline",
              doc =
                  "Who goes offline: a node (usually a kv-client), a group (each instance cut"
                      + " off alone) or random(group).",
              unit = Unit.TARGET,
              required = true)
          Target target) {}

  @Override
  public String name() {
    return "offline";
  }

  @Override
  public String summary() {
    return "Takes nodes off the network until `for` has passed and tells them so: a kv-client"
        + " queues its writes and sends them when it is back.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    return "offline " + targets.apply(p.target());
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] ids = c.resolve(p.target());
    int[][] alone = new int[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      alone[i] = new int[] {ids[i]};
    }
    // Each node on a side of its own; everyone else is the partition's implicit last side.
    long handle = c.partition(alone);
    for (int id : ids) {
      c.controls(id).setOffline(true);
    }
    c.after(
        c.lastsNanos(),
        "online " + p.target(),
        () -> {
          // Heal first, so that what a node sends as it hears it is back gets through.
          c.heal(handle);
          for (int id : ids) {
            c.controls(id).setOffline(false);
          }
        });
    List<String> names = c.names(ids);
    c.annotate(describe(p, t -> String.join(",", names)), names);
  }
}
