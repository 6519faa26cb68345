package dev.sim.stores.store;

import dev.sim.kernel.node.NodeContext;
import dev.sim.stores.store.StoreMessages.DigestOffer;
import dev.sim.stores.store.StoreMessages.DigestPush;
import dev.sim.stores.store.StoreMessages.DigestReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Anti-entropy by digest exchange, so replicas converge after a partition heals even for keys
 * nobody reads. Every {@code antiEntropy} interval a node offers its next peer (round robin) the
 * digests of the keys both replicate; the peer answers with its states of the keys that differ (or
 * that only it holds) and asks for the offerer's; the offerer merges and sends what was asked. Both
 * record the number of keys that differed in the {@code divergentKeys} gauge, and count each key a
 * merge changed as an {@code antiEntropyRepairs}. A flat digest list rather than a Merkle tree: the
 * simulated stores hold thousands of keys, not billions.
 */
final class AntiEntropy {
  private final NodeContext ctx;
  private final KvStoreParams params;
  private final Peers peers;
  private final Ring ring;
  private final StoreData data;
  private final Replica replica;
  private final StoreMetrics metrics;
  private int next;

  AntiEntropy(
      NodeContext ctx,
      KvStoreParams params,
      Peers peers,
      Ring ring,
      StoreData data,
      Replica replica,
      StoreMetrics metrics) {
    this.ctx = ctx;
    this.params = params;
    this.peers = peers;
    this.ring = ring;
    this.data = data;
    this.replica = replica;
    this.metrics = metrics;
    this.next = peers.self();
  }

  /** Offers the next peer the digests of the keys both replicate. */
  void exchange() {
    if (peers.count() < 2) {
      return;
    }
    next = (next + 1) % peers.count();
    if (next == peers.self()) {
      next = (next + 1) % peers.count();
    }
    ctx.send(peers.id(next), new DigestOffer(digests(shared(next))));
  }

  /** At the peer: answers with its states of the keys that differ, and asks for the others. */
  void onOffer(DigestOffer m, int sender) {
    int from = peers.indexOf(sender);
    SortedMap<String, String> mine = digests(shared(from));
    TreeSet<String> keys = new TreeSet<>(mine.keySet());
    keys.addAll(m.digests().keySet());
    TreeMap<String, KeyState> states = new TreeMap<>();
    List<String> wants = new ArrayList<>();
    int divergent = 0;
    for (String key : keys) {
      String theirs = m.digests().get(key);
      String ours = mine.get(key);
      if (theirs != null && theirs.equals(ours)) {
        continue;
      }
      divergent++;
      if (ours != null) {
        states.put(key, data.keys.get(key));
      }
      if (theirs != null) {
        wants.add(key);
      }
    }
    metrics.divergent(divergent);
    ctx.send(sender, new DigestReply(states, List.copyOf(wants), divergent));
  }

  /** At the offerer: merges the peer's states and sends what it asked for. */
  void onReply(DigestReply m, int sender) {
    metrics.divergent(m.divergent());
    merge(m.states());
    TreeMap<String, KeyState> asked = new TreeMap<>();
    for (String key : m.wants()) {
      KeyState s = data.keys.get(key);
      if (s != null) {
        asked.put(key, s);
      }
    }
    if (!asked.isEmpty()) {
      ctx.send(sender, new DigestPush(asked));
    }
  }

  /** At the peer: merges what it asked for. */
  void onPush(DigestPush m, int sender) {
    merge(m.states());
  }

  private void merge(Map<String, KeyState> states) {
    states.forEach(
        (key, state) -> {
          if (replica.apply(key, state, -1) == Replica.Applied.CHANGED) {
            metrics.antiEntropyRepair();
          }
        });
  }

  /** The keys this node holds that {@code peer} also replicates. */
  private List<String> shared(int peer) {
    List<String> out = new ArrayList<>();
    for (String key : data.keys.keySet()) {
      if (ring.isPrimary(key, params.n(), peer)) {
        out.add(key);
      }
    }
    return out;
  }

  private SortedMap<String, String> digests(List<String> keys) {
    TreeMap<String, String> out = new TreeMap<>();
    for (String key : keys) {
      out.put(key, data.keys.get(key).digest());
    }
    return out;
  }
}
