package dev.sim.stores.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A consistent-hash ring with virtual nodes, as Dynamo and Riak place keys. Node {@code i} (an
 * index into the group's instance names) owns {@code vnodes} points at {@code hash(name + "#" + v)}
 * for {@code v} in {@code [0, vnodes)}; a key sits at {@code hash(key)}, and its replicas are the
 * first distinct nodes met walking clockwise (increasing unsigned position) from there. The first
 * {@code n} are the key's primaries; the rest, in the same order, are its fallbacks for hinted
 * handoff. Points that collide are ordered by node index, so the walk is a pure function of the
 * names, {@code vnodes} and the key.
 */
final class Ring {
  private final long[] positions;
  private final int[] owners;
  private final int nodes;
  // Only looked up by key, never iterated, so a HashMap's order cannot reach the simulation.
  private final Map<String, int[]> walks = new HashMap<>();

  /** A ring of the nodes called {@code names}, each with {@code vnodes} points. */
  Ring(List<String> names, int vnodes) {
    if (names.isEmpty() || vnodes < 1) {
      throw new IllegalArgumentException("a ring needs nodes and at least one vnode each");
    }
    nodes = names.size();
    int points = nodes * vnodes;
    long[][] pairs = new long[points][];
    int k = 0;
    for (int i = 0; i < nodes; i++) {
      for (int v = 0; v < vnodes; v++) {
        pairs[k++] = new long[] {Hashing.hash(names.get(i) + "#" + v), i};
      }
    }
    Arrays.sort(
        pairs,
        (a, b) -> {
          int c = Long.compareUnsigned(a[0], b[0]);
          return c != 0 ? c : Long.compare(a[1], b[1]);
        });
    positions = new long[points];
    owners = new int[points];
    for (int i = 0; i < points; i++) {
      positions[i] = pairs[i][0];
      owners[i] = (int) pairs[i][1];
    }
  }

  /** How many nodes the ring holds. */
  int size() {
    return nodes;
  }

  /** Every node once, in the order the walk from {@code key}'s position meets them. */
  int[] walk(String key) {
    return walks.computeIfAbsent(key, this::computeWalk).clone();
  }

  /** The key's first {@code n} distinct nodes: its primaries (all nodes if there are fewer). */
  int[] primaries(String key, int n) {
    int[] w = walks.computeIfAbsent(key, this::computeWalk);
    return Arrays.copyOf(w, Math.min(n, w.length));
  }

  /** Whether {@code node} is one of {@code key}'s first {@code n} nodes. */
  boolean isPrimary(String key, int n, int node) {
    int[] w = walks.computeIfAbsent(key, this::computeWalk);
    for (int i = 0; i < Math.min(n, w.length); i++) {
      if (w[i] == node) {
        return true;
      }
    }
    return false;
  }

  /** The share of the ring's positions each node owns (its points' arcs), for tests of balance. */
  double[] ownership() {
    double[] share = new double[nodes];
    for (int i = 0; i < positions.length; i++) {
      long prev = positions[(i - 1 + positions.length) % positions.length];
      // The arc ending at point i belongs to its owner; unsigned distance wraps round the ring.
      double arc = toUnsignedDouble(positions[i] - prev);
      share[owners[i]] += arc / 18446744073709551616.0;
    }
    return share;
  }

  private static double toUnsignedDouble(long x) {
    double d = (double) (x >>> 1) * 2.0;
    return d + (x & 1);
  }

  private int[] computeWalk(String key) {
    long h = Hashing.hash(key);
    int start = firstAtOrAfter(h);
    boolean[] seen = new boolean[nodes];
    List<Integer> order = new ArrayList<>(nodes);
    for (int i = 0; i < positions.length && order.size() < nodes; i++) {
      int owner = owners[(start + i) % positions.length];
      if (!seen[owner]) {
        seen[owner] = true;
        order.add(owner);
      }
    }
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The index of the first point at or after {@code h} (unsigned), wrapping to 0. */
  private int firstAtOrAfter(long h) {
    int lo = 0;
    int hi = positions.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Long.compareUnsigned(positions[mid], h) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == positions.length ? 0 : lo;
  }
}
