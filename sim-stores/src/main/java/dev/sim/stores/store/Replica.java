package dev.sim.stores.store;

import dev.sim.kernel.node.NodeContext;
import dev.sim.stores.store.StoreMessages.ReadReply;
import dev.sim.stores.store.StoreMessages.Repair;
import dev.sim.stores.store.StoreMessages.ReplicaRead;
import dev.sim.stores.store.StoreMessages.ReplicaWrite;
import dev.sim.stores.store.StoreMessages.WriteAck;
import java.util.TreeMap;

/**
 * The replica side of a store node: answers coordinators' reads and writes from its durable {@link
 * StoreData}, and is the one place any state is merged in, whichever path it came by (a write, a
 * read repair, a hint handed off, an anti-entropy exchange), so capacity and the replication-lag
 * gauge apply to all of them alike.
 */
final class Replica {
  /** What became of one merge. */
  enum Applied {
    /** The state changed. */
    CHANGED,
    /** The replica already held everything in it. */
    UNCHANGED,
    /** Refused: the replica is full and the key is new. */
    FULL,
    /** Refused: the key holds another kind of data. */
    WRONG_KIND;

    /** Whether the replica holds the merged state now. */
    boolean held() {
      return this == CHANGED || this == UNCHANGED;
    }
  }

  private final NodeContext ctx;
  private final StoreData data;
  private final StoreMetrics metrics;
  private final int capacity;

  Replica(NodeContext ctx, StoreData data, StoreMetrics metrics, int capacity) {
    this.ctx = ctx;
    this.data = data;
    this.metrics = metrics;
    this.capacity = capacity;
  }

  /** Answers with this node's own copy and any hints for the key, merged. */
  void onRead(ReplicaRead m, int sender) {
    ctx.send(sender, new ReadReply(m.op(), data.local(m.key())));
  }

  /** Merges a coordinator's write (or keeps it as a hint) and acknowledges. */
  void onWrite(ReplicaWrite m, int sender) {
    Applied a = apply(m.key(), m.update(), m.hintFor());
    String why =
        switch (a) {
          case FULL -> "replica full (capacity " + capacity + " keys)";
          case WRONG_KIND -> "key holds another kind of data";
          default -> "";
        };
    ctx.send(sender, new WriteAck(m.op(), a.held(), why));
  }

  /** Merges a read repair; no answer is expected. */
  void onRepair(Repair m, int sender) {
    apply(m.key(), m.state(), m.hintFor());
  }

  /**
   * Merges {@code incoming} into this node's copy of {@code key}, or into its hints for primary
   * {@code hintFor} when that is not -1.
   */
  Applied apply(String key, KeyState incoming, int hintFor) {
    if (hintFor >= 0) {
      TreeMap<String, KeyState> held = data.hints.computeIfAbsent(hintFor, p -> new TreeMap<>());
      KeyState cur = held.get(key);
      if (cur != null && cur.kind() != incoming.kind()) {
        return Applied.WRONG_KIND;
      }
      KeyState merged = KeyState.merge(cur, incoming);
      if (merged.equals(cur)) {
        return Applied.UNCHANGED;
      }
      held.put(key, merged);
      metrics.hints(data.hintCount());
      return Applied.CHANGED;
    }
    KeyState cur = data.keys.get(key);
    if (cur == null && data.keys.size() >= capacity) {
      return Applied.FULL;
    }
    if (cur != null && cur.kind() != incoming.kind()) {
      return Applied.WRONG_KIND;
    }
    KeyState merged = KeyState.merge(cur, incoming);
    if (merged.equals(cur)) {
      return Applied.UNCHANGED;
    }
    data.keys.put(key, merged);
    metrics.lag(ctx.localTime() - incoming.newestTimestamp());
    return Applied.CHANGED;
  }
}
