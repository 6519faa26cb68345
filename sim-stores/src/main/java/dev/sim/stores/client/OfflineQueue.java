package dev.sim.stores.client;

import dev.sim.kernel.metrics.NodeMetrics;
import java.util.ArrayDeque;

/**
 * The writes a client made (or had to resend) while it was offline, waiting to be sent when it is
 * back online, and whether it is offline now. They are sent one at a time in the order they were
 * made, the way an offline app syncs its edits, so that the store sees one user's edits of a key in
 * order. Each stays the operation it was: invoked in the history when the user made it, completed
 * when the store finally answers. Reads are not queued: offline, nothing can be read.
 */
final class OfflineQueue {
  private final ArrayDeque<Operation> waiting = new ArrayDeque<>();
  private final NodeMetrics metrics;
  private Operation sending;
  private boolean offline;

  OfflineQueue(NodeMetrics metrics) {
    this.metrics = metrics;
    metrics.gauge("offlineQueue", 0);
  }

  /** Whether the client is off the network now. */
  boolean offline() {
    return offline;
  }

  /** Marks the client offline or back online. */
  void setOffline(boolean offline) {
    this.offline = offline;
  }

  /**
   * Queues {@code op}: at the head if it was the write being sent (its try failed while the client
   * went offline again), else at the tail.
   */
  void add(Operation op) {
    if (!op.queued) {
      metrics.count("offlineQueued", 1);
    }
    op.queued = true;
    if (op == sending) {
      sending = null;
      waiting.addFirst(op);
    } else {
      waiting.addLast(op);
    }
    gauge();
  }

  /**
   * The write to send now, or null: only online, only one at a time, and only if one waits. The
   * write stays counted until {@link #done}.
   */
  Operation next() {
    if (offline || sending != null || waiting.isEmpty()) {
      return null;
    }
    sending = waiting.pollFirst();
    return sending;
  }

  /** {@code op}, a queued write, has completed (it may still have been waiting: a late answer). */
  void done(Operation op) {
    if (op == sending) {
      sending = null;
    } else {
      waiting.remove(op);
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
