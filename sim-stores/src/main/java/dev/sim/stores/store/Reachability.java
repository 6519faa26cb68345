package dev.sim.stores.store;

/**
 * Which peers a coordinator takes for reachable. A peer that let a replica request time out is
 * suspected for {@code retryInterval} of local time, or until any message from it arrives; while
 * suspected, coordinations skip it (and a sloppy quorum sends to a fallback instead), so a write
 * that cannot reach enough replicas is refused before anything is applied rather than left to time
 * out.
 */
final class Reachability {
  private final long[] suspectedUntil;
  private final boolean[] suspected;
  private final long retryNanos;

  /** Every one of {@code nodes} reachable; suspicion lasts {@code retryNanos}. */
  Reachability(int nodes, long retryNanos) {
    this.suspectedUntil = new long[nodes];
    this.suspected = new boolean[nodes];
    this.retryNanos = retryNanos;
  }

  /** {@code node} did not answer in time; {@code now} is the local clock. */
  void suspect(int node, long now) {
    suspected[node] = true;
    suspectedUntil[node] = now + retryNanos;
  }

  /** A message from {@code node} arrived: it is reachable again. */
  void heard(int node) {
    suspected[node] = false;
  }

  /** Whether requests should go to {@code node} at local time {@code now}. */
  boolean reachable(int node, long now) {
    if (suspected[node] && now >= suspectedUntil[node]) {
      suspected[node] = false;
    }
    return !suspected[node];
  }
}
