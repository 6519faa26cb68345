package dev.sim.stores.protocol;

/**
 * What became of a request, in the terms a history records: {@link #OK} is {@code ok}; {@link
 * #FAIL}, {@link #THROTTLED} and {@link #UNAVAILABLE} are {@code fail} (the store guarantees that
 * no replica applied the operation); {@link #UNKNOWN} is {@code info} (some replica may have
 * applied it: a write that reached fewer than W replicas, a PW write without enough primaries). A
 * store answers {@code FAIL} only when it knows no replica applied the write.
 */
public enum KvStatus {
  /** It happened; a read's value is in the reply. */
  OK,
  /** It definitely did not happen (a cas whose old value did not match, say). */
  FAIL,
  /**
   * Refused before anything was applied: the coordinator is over its throughput {@code limit}, or
   * the replicas' work queues are full (a hot partition).
   */
  THROTTLED,
  /** Refused before anything was applied: too few replicas reachable, or no leader. */
  UNAVAILABLE,
  /** Whether it happened is unknown: it may have been applied on some replicas. */
  UNKNOWN
}
