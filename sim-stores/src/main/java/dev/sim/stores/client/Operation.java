package dev.sim.stores.client;

import dev.sim.kernel.metrics.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One logical operation, from its invoke in the history to its one completion, through every try:
 * retries and resends after an offline period stay this one operation. A {@link OpKind#SET_PUT} is
 * the exception: not in the history itself, it carries the offline adds of one set ({@link
 * #members}) and completes them.
 */
final class Operation {
  /** Its number in the order this client made its operations, from 1. */
  final long seq;

  final OpKind kind;
  final String key;

  /** The value sent and recorded on invoke: a write's value, cas [old, new], incr amount, null. */
  final Object value;

  /** The history process it was invoked on; -1 for a put, which is not in the history. */
  final int process;

  /** The user waiting for it, or null (a final read, or a write handed to the offline queue). */
  User user;

  /** The metrics stamp from {@code offer}. */
  long stamp;

  /** Tries sent so far. */
  int tries;

  /** Request ids of every try, so a late answer to an earlier try still counts. */
  final List<Long> requestIds = new ArrayList<>(2);

  /** The current try: its coordinator's index, when it was sent (local clock), its timeout. */
  int coordinator;

  long sentLocalNanos;
  long timeoutTimer = -1;

  /** Whether the current try waits for its answer (not yet answered, timed out or backing off). */
  boolean awaiting;

  /** The delay before the previous retry (for decorrelated jitter). */
  long previousBackoffNanos;

  /**
   * Whether some try may have been applied (a write that timed out, an UNKNOWN answer), so that a
   * later definite failure still leaves the operation unknown ({@code info}), not {@code fail}.
   */
  boolean uncertain;

  /** How the last try failed, for the request metrics. */
  Outcome lastFailure = Outcome.FAILED;

  /** Whether it waits in (or is being sent from) the offline queue. */
  boolean queued;

  boolean done;

  /** An add made offline under {@code offlineSync: put}: the put that will sync it, or null. */
  Operation sync;

  /** A put: the adds it syncs that have not completed otherwise; null for any other operation. */
  List<Operation> members;

  Operation(long seq, OpKind kind, String key, Object value, int process, User user) {
    this.seq = seq;
    this.kind = kind;
    this.key = key;
    this.value = value;
    this.process = process;
    this.user = user;
  }

  @Override
  public String toString() {
    return kind.f + " " + key + " " + value + " (process " + process + ", try " + tries + ")";
  }
}
