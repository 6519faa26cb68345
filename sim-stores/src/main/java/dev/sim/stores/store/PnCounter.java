package dev.sim.stores.store;

import java.util.Arrays;

/**
 * An immutable PN-counter (Shapiro et al., 2011): per store node, the total it has added ({@code
 * p}) and subtracted ({@code n}). The count is {@code sum(p) - sum(n)}; merging takes each node's
 * maximum, which is exact because only node {@code i} ever raises node {@code i}'s entries and they
 * only grow.
 */
final class PnCounter {
  /** The counter at 0. */
  static final PnCounter ZERO = new PnCounter(new int[0], new long[0], new long[0]);

  private final int[] nodes;
  private final long[] p;
  private final long[] n;

  private PnCounter(int[] nodes, long[] p, long[] n) {
    this.nodes = nodes;
    this.p = p;
    this.n = n;
  }

  /** The count. */
  long value() {
    long v = 0;
    for (int i = 0; i < nodes.length; i++) {
      v += p[i] - n[i];
    }
    return v;
  }

  /** Node {@code node}'s entries raised to at least {@code (plus, minus)}. */
  PnCounter atLeast(int node, long plus, long minus) {
    int i = Arrays.binarySearch(nodes, node);
    if (i >= 0) {
      if (p[i] >= plus && n[i] >= minus) {
        return this;
      }
      long[] pp = p.clone();
      long[] nn = n.clone();
      pp[i] = Math.max(pp[i], plus);
      nn[i] = Math.max(nn[i], minus);
      return new PnCounter(nodes, pp, nn);
    }
    int at = -i - 1;
    int len = nodes.length + 1;
    int[] ids = new int[len];
    long[] pp = new long[len];
    long[] nn = new long[len];
    System.arraycopy(nodes, 0, ids, 0, at);
    System.arraycopy(p, 0, pp, 0, at);
    System.arraycopy(n, 0, nn, 0, at);
    ids[at] = node;
    pp[at] = plus;
    nn[at] = minus;
    System.arraycopy(nodes, at, ids, at + 1, nodes.length - at);
    System.arraycopy(p, at, pp, at + 1, nodes.length - at);
    System.arraycopy(n, at, nn, at + 1, nodes.length - at);
    return new PnCounter(ids, pp, nn);
  }

  /** The entry-wise maximum: every increment either counter has seen, each once. */
  PnCounter merge(PnCounter o) {
    PnCounter out = this;
    for (int i = 0; i < o.nodes.length; i++) {
      out = out.atLeast(o.nodes[i], o.p[i], o.n[i]);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PnCounter c
        && Arrays.equals(nodes, c.nodes)
        && Arrays.equals(p, c.p)
        && Arrays.equals(n, c.n);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(nodes) * 961 + Arrays.hashCode(p) * 31 + Arrays.hashCode(n);
  }

  /** {@code pn{0:+5-1, 2:+3-0}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("pn{");
    for (int i = 0; i < nodes.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(nodes[i]).append(":+").append(p[i]);
      sb.append('-').append(n[i]);
    }
    return sb.append('}').toString();
  }
}
