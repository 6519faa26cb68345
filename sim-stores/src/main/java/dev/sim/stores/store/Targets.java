package dev.sim.stores.store;

import dev.sim.kernel.node.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Which replicas a coordination asks: the key's N primaries that the coordinator takes for {@link
 * Reachability reachable} (itself always), and with a sloppy quorum, for each primary skipped, the
 * next reachable node past the primaries on the ring, which keeps the write as a hint for it.
 */
final class Targets {
  private final NodeContext ctx;
  private final KvStoreParams params;
  private final Peers peers;
  private final Ring ring;
  private final Reachability reach;

  Targets(NodeContext ctx, KvStoreParams params, Peers peers, Ring ring, Reachability reach) {
    this.ctx = ctx;
    this.params = params;
    this.peers = peers;
    this.ring = ring;
    this.reach = reach;
  }

  /** Picks the phase's targets; false if too few (or too few primaries) are reachable. */
  boolean select(Coordination op, int need, int needPrimaries) {
    int[] walk = ring.walk(op.request.key());
    int n = Math.min(params.n(), walk.length);
    long now = ctx.localTime();
    List<Integer> down = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (walk[i] == peers.self() || reach.reachable(walk[i], now)) {
        op.add(walk[i], walk[i], true);
      } else {
        down.add(walk[i]);
      }
    }
    if (params.sloppyQuorum()) {
      for (int p : down) {
        int f = fallback(op, walk);
        if (f >= 0) {
          op.add(f, p, false);
        }
      }
    }
    return op.targets.size() >= need && op.primaries() >= needPrimaries;
  }

  /** The first node past the key's primaries that this phase has not asked and is reachable. */
  int fallback(Coordination op, int[] walk) {
    long now = ctx.localTime();
    for (int i = Math.min(params.n(), walk.length); i < walk.length; i++) {
      int f = walk[i];
      if (!op.uses(f) && (f == peers.self() || reach.reachable(f, now))) {
        return f;
      }
    }
    return -1;
  }
}
