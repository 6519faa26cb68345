package dev.sim.stores.store;

import dev.sim.kernel.node.NodeContext;
import dev.sim.stores.store.StoreMessages.HandoffAck;
import dev.sim.stores.store.StoreMessages.HandoffPush;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hinted handoff: every {@code retryInterval} a node pushes the hints it holds to each of their
 * primaries; a primary merges them (as any state is merged, through the {@link Replica}) and
 * acknowledges each with the digest of what it took, and the fallback drops a hint only if it has
 * not changed since (a newer write kept as a hint meanwhile goes with the next push). A primary
 * still unreachable loses the push and gets the next one. Hints are durable, as Riak keeps them in
 * its fallback vnodes on disk.
 */
final class HintedHandoff {
  private final NodeContext ctx;
  private final Peers peers;
  private final StoreData data;
  private final Replica replica;
  private final StoreMetrics metrics;

  HintedHandoff(
      NodeContext ctx, Peers peers, StoreData data, Replica replica, StoreMetrics metrics) {
    this.ctx = ctx;
    this.peers = peers;
    this.data = data;
    this.replica = replica;
    this.metrics = metrics;
  }

  /** Pushes every primary its hints. */
  void push() {
    for (Map.Entry<Integer, TreeMap<String, KeyState>> e : data.hints.entrySet()) {
      if (!e.getValue().isEmpty()) {
        ctx.send(peers.id(e.getKey()), new HandoffPush(new TreeMap<>(e.getValue())));
      }
    }
  }

  /** At a primary: takes the hints and says which. */
  void onPush(HandoffPush m, int sender) {
    TreeMap<String, String> taken = new TreeMap<>();
    m.states()
        .forEach(
            (key, state) -> {
              // A hint a full primary refuses is dropped too: pushing it again would not help.
              replica.apply(key, state, -1);
              taken.put(key, state.digest());
            });
    ctx.send(sender, new HandoffAck(taken));
  }

  /** At a fallback: drops the hints the primary took, unless they changed since. */
  void onAck(HandoffAck m, int sender) {
    int primary = peers.indexOf(sender);
    TreeMap<String, KeyState> held = data.hints.get(primary);
    if (held == null) {
      return;
    }
    m.digests()
        .forEach(
            (key, digest) -> {
              KeyState cur = held.get(key);
              if (cur != null && cur.digest().equals(digest)) {
                held.remove(key);
                metrics.handoff();
              }
            });
    if (held.isEmpty()) {
      data.hints.remove(primary);
    }
    metrics.hints(data.hintCount());
  }
}
