package dev.sim.stores.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A store node's durable state ({@code NodeContext.durable}): what survives a crash. The keys it
 * replicates, the hints it keeps for unreachable primaries, its sequence of write stamps, and, in
 * siblings mode, what it has itself added to each set and counter (a new sibling always carries its
 * coordinator's whole contribution, so superseding an older sibling of the same coordinator loses
 * nothing). Sorted maps, so anything iterated reaches the simulation in a fixed order.
 */
final class StoreData {
  /** Key to the state this node holds as one of the key's primaries. */
  final TreeMap<String, KeyState> keys = new TreeMap<>();

  /** Intended primary (node index) to the hints held for it, key to state. */
  final TreeMap<Integer, TreeMap<String, KeyState>> hints = new TreeMap<>();

  /** Set key to the elements this node has added to it (siblings mode). */
  final TreeMap<String, TreeSet<Long>> ownAdds = new TreeMap<>();

  /** Counter key to this node's {plus, minus} totals (siblings mode). */
  final TreeMap<String, long[]> ownCounts = new TreeMap<>();

  private long seq;
  private long ops;

  /** The next sequence number for a write this node coordinates; never reused, even on restart. */
  long nextSeq() {
    return ++seq;
  }

  /**
   * The next id for a coordination: unique over restarts, so a reply meant for a coordination the
   * node lost in a crash cannot be taken for one of a later incarnation.
   */
  long nextOp() {
    return ++ops;
  }

  /** Hints held, over all primaries. */
  int hintCount() {
    int c = 0;
    for (TreeMap<String, KeyState> m : hints.values()) {
      c += m.size();
    }
    return c;
  }

  /** The hints held for {@code key}, for every primary, merged; null if none. */
  KeyState hinted(String key) {
    KeyState s = null;
    for (TreeMap<String, KeyState> m : hints.values()) {
      s = KeyState.merge(s, m.get(key));
    }
    return s;
  }

  /** What this node holds for {@code key}, its own copy and hints together; null if nothing. */
  KeyState local(String key) {
    KeyState own = keys.get(key);
    return hints.isEmpty() ? own : KeyState.merge(own, hinted(key));
  }

  /** Key to value digest of every key this node replicates, for the history's replica states. */
  Map<String, String> probe() {
    Map<String, String> out = new LinkedHashMap<>();
    keys.forEach((k, v) -> out.put(k, v.valueDigest()));
    return out;
  }
}
