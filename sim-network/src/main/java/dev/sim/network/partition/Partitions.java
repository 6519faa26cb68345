package dev.sim.network.partition;

import java.util.Arrays;

/**
 * The set of partitions and one-way cuts active right now, and the check whether a link is cut.
 *
 * <p>A <em>partition</em> splits the nodes into sides that cannot reach each other in either
 * direction. Every node not listed in any of its groups belongs to one more, implicit side: "the
 * rest". So {@code partition({{1}})} isolates node 1 from everyone, and {@code partition({{1},
 * {2}})} makes three sides: node 1, node 2 and all the others. A <em>one-way cut</em> drops
 * messages from any node of one set to any node of another and leaves the reverse direction open.
 *
 * <p>Several may be active at once; a link is cut while any of them cuts it. Each gets an id,
 * numbered 1, 2, 3... in the order they were made, so one can be healed without healing another. A
 * node is never cut from itself. Not thread-safe: it belongs to one simulation's kernel thread.
 */
public final class Partitions {
  private Entry[] active = new Entry[4];
  private int activeCount;
  private long lastId;

  /** Creates an empty set: nothing is cut. */
  public Partitions() {}

  /**
   * Splits the nodes into {@code groups} that cannot reach each other; unlisted nodes form one more
   * group together. Returns the id to {@link #heal} it with.
   *
   * @throws IllegalArgumentException if a node id is negative or listed twice
   */
  public long partition(int[][] groups) {
    int max = -1;
    for (int[] g : groups) {
      for (int node : g) {
        requireNodeId(node);
        max = Math.max(max, node);
      }
    }
    // Side 0 is the implicit rest; listed groups are sides 1..groups.length.
    int[] side = new int[max + 1];
    for (int i = 0; i < groups.length; i++) {
      for (int node : groups[i]) {
        if (side[node] != 0) {
          throw new IllegalArgumentException(
              "node " + node + " is listed in more than one group of the partition");
        }
        side[node] = i + 1;
      }
    }
    return add(new Entry(++lastId, side, null, null));
  }

  /**
   * Cuts every link from a node of {@code from} to a node of {@code to}, one direction only.
   * Returns the id to {@link #heal} it with.
   *
   * @throws IllegalArgumentException if a node id is negative
   */
  public long cutOneWay(int[] from, int[] to) {
    return add(new Entry(++lastId, null, membership(from), membership(to)));
  }

  /** Ends partition or cut {@code id}; returns false if it is not active (unknown or healed). */
  public boolean heal(long id) {
    for (int i = 0; i < activeCount; i++) {
      if (active[i].id == id) {
        // Shift rather than swap so the remaining entries keep their creation order.
        System.arraycopy(active, i + 1, active, i, activeCount - i - 1);
        active[--activeCount] = null;
        return true;
      }
    }
    return false;
  }

  /** Ends every active partition and cut. */
  public void healAll() {
    Arrays.fill(active, 0, activeCount, null);
    activeCount = 0;
  }

  /** Whether partition or cut {@code id} is active. */
  public boolean isActive(long id) {
    for (int i = 0; i < activeCount; i++) {
      if (active[i].id == id) {
        return true;
      }
    }
    return false;
  }

  /** Number of active partitions and cuts. */
  public int activeCount() {
    return activeCount;
  }

  /** Whether a message from node {@code from} to node {@code to} is dropped right now. */
  public boolean isCut(int from, int to) {
    if (activeCount == 0 || from == to) {
      return false;
    }
    for (int i = 0; i < activeCount; i++) {
      if (active[i].cuts(from, to)) {
        return true;
      }
    }
    return false;
  }

  private long add(Entry e) {
    if (activeCount == active.length) {
      active = Arrays.copyOf(active, activeCount * 2);
    }
    active[activeCount++] = e;
    return e.id;
  }

  private static boolean[] membership(int[] nodes) {
    int max = -1;
    for (int node : nodes) {
      requireNodeId(node);
      max = Math.max(max, node);
    }
    boolean[] in = new boolean[max + 1];
    for (int node : nodes) {
      in[node] = true;
    }
    return in;
  }

  private static void requireNodeId(int node) {
    if (node < 0) {
      throw new IllegalArgumentException("negative node id: " + node);
    }
  }

  /** One partition ({@code side} set) or one-way cut ({@code from} and {@code to} set). */
  private static final class Entry {
    final long id;
    final int[] side;
    final boolean[] from;
    final boolean[] to;

    Entry(long id, int[] side, boolean[] from, boolean[] to) {
      this.id = id;
      this.side = side;
      this.from = from;
      this.to = to;
    }

    boolean cuts(int f, int t) {
      if (side != null) {
        return sideOf(f) != sideOf(t);
      }
      return f < from.length && from[f] && t < to.length && to[t];
    }

    private int sideOf(int node) {
      return node < side.length ? side[node] : 0;
    }
  }
}
