package dev.sim.stores.store;

import java.util.Arrays;

/**
 * An immutable version vector: for each store node (its index in the group) the highest sequence
 * number of that node's writes it covers. A dot {@code (node, seq)} is covered when {@code seq <=
 * get(node)}. Entries are kept sorted by node, so equal vectors print and hash alike.
 */
final class VersionVector {
  /** The vector that covers nothing. */
  static final VersionVector EMPTY = new VersionVector(new int[0], new long[0]);

  private final int[] nodes;
  private final long[] counters;

  private VersionVector(int[] nodes, long[] counters) {
    this.nodes = nodes;
    this.counters = counters;
  }

  /** The highest sequence of {@code node}'s writes covered; 0 if none. */
  long get(int node) {
    int i = Arrays.binarySearch(nodes, node);
    return i >= 0 ? counters[i] : 0;
  }

  /** Whether the dot {@code (node, seq)} is covered. */
  boolean covers(int node, long seq) {
    return seq <= get(node);
  }

  /** This vector raised to cover the dot {@code (node, seq)}. */
  VersionVector with(int node, long seq) {
    int i = Arrays.binarySearch(nodes, node);
    if (i >= 0) {
      if (counters[i] >= seq) {
        return this;
      }
      long[] c = counters.clone();
      c[i] = seq;
      return new VersionVector(nodes, c);
    }
    int at = -i - 1;
    int[] n = new int[nodes.length + 1];
    long[] c = new long[nodes.length + 1];
    System.arraycopy(nodes, 0, n, 0, at);
    System.arraycopy(counters, 0, c, 0, at);
    n[at] = node;
    c[at] = seq;
    System.arraycopy(nodes, at, n, at + 1, nodes.length - at);
    System.arraycopy(counters, at, c, at + 1, nodes.length - at);
    return new VersionVector(n, c);
  }

  /** The entry-wise maximum of the two vectors: what either has seen. */
  VersionVector join(VersionVector o) {
    VersionVector out = this;
    for (int i = 0; i < o.nodes.length; i++) {
      out = out.with(o.nodes[i], o.counters[i]);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionVector v
        && Arrays.equals(nodes, v.nodes)
        && Arrays.equals(counters, v.counters);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(nodes) + Arrays.hashCode(counters);
  }

  /** {@code {0:3, 2:1}}: node index, colon, highest sequence covered. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < nodes.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(nodes[i]).append(':').append(counters[i]);
    }
    return sb.append('}').toString();
  }
}
