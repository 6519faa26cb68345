package dev.sim.stores.client;

import dev.sim.kernel.metrics.NodeMetrics;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The writes a client made (or had to resend) while it was offline, waiting to be sent when it is
 * back online, and whether it is offline now. They are sent one at a time in the order they were
 * made (a write caught in flight by the cut, retried offline, goes before the writes made after
 * it), the way an offline app syncs its edits, so that the store sees this client's edits of a key
 * in order. Each stays the operation it was: invoked in the history when the user made it,
 * completed when the store finally answers. Reads are not queued: offline, nothing can be read.
 */
final class OfflineQueue {
  // By the order the writes were made (Operation.seq).
  private final TreeMap<Long, Operation> waiting = new TreeMap<>();
  private final NodeMetrics metrics;
  private final BooleanSupplier offline;
  private Operation sending;

  /**
   * @param offline whether the client is off the network now: read at every send, so that a write
   *     made in the instant the fault struck is queued, not sent into the cut
   */
  OfflineQueue(NodeMetrics metrics, BooleanSupplier offline) {
    this.metrics = metrics;
    this.offline = offline;
    metrics.gauge("offlineQueue", 0);
  }

  /** Whether the client is off the network now. */
  boolean offline() {
    return offline.getAsBoolean();
  }

  /** Queues {@code op}, in the order of when it was made; the write being sent may come back. */
  void add(Operation op) {
    if (!op.queued) {
      metrics.count("offlineQueued", 1);
    }
    op.queued = true;
    if (op == sending) {
      sending = null;
    }
    waiting.put(op.seq, op);
    gauge();
  }

  /**
   * The write to send now, or null: only online, only one at a time, and only if one waits. The
   * write stays counted until {@link #done}.
   */
  Operation next() {
    if (sending != null || waiting.isEmpty() || offline()) {
      return null;
    }
    sending = waiting.pollFirstEntry().getValue();
    return sending;
  }

  /** {@code op}, a queued write, has completed (it may still have been waiting: a late answer). */
  void done(Operation op) {
    if (op == sending) {
      sending = null;
    } else {
      waiting.remove(op.seq);
    }
    gauge();
  }

  /** Writes waiting or being sent. */
  int size() {
    return waiting.size() + (sending == null ? 0 : 1);
  }

  private void gauge() {
    metrics.gauge("offlineQueue", size());
  }
}
