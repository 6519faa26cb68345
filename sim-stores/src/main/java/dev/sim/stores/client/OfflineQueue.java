package dev.sim.stores.client;

import dev.sim.kernel.metrics.NodeMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The writes a client made (or had to resend) while it was offline, waiting to be sent when it is
 * back online, and whether it is offline now. They are sent one at a time in the order they were
 * made (a write caught in flight by the cut, retried offline, goes before the writes made after
 * it), the way an offline app syncs its edits, so that the store sees this client's edits of a key
 * in order. Each stays the operation it was: invoked in the history when the user made it,
 * completed when the store finally answers. Reads are not queued: offline, nothing can be read.
 *
 * <p>Under {@code offlineSync: put} the adds to one set do not wait one by one: they {@link #join}
 * a single put of that set, which takes the place of the first of them in the order. An add joins
 * only a put that has not been sent yet; a put already sent (and back in the queue for a retry)
 * keeps the adds it went with, since an answer to that try says nothing of newer ones.
 */
final class OfflineQueue {
  // By the order the writes were made (Operation.seq; a put's is its first add's).
  private final TreeMap<Long, Operation> waiting = new TreeMap<>();
  // Per set key, the put not yet sent that new offline adds join. Looked up, never iterated.
  private final Map<String, Operation> joinable = new HashMap<>();
  private final NodeMetrics metrics;
  private final BooleanSupplier offline;
  private Operation sending;
  // History operations waiting or being sent, a put counting the adds it carries.
  private int writes;

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

  /**
   * Queues {@code op}, a write or a put, in the order of when it was made; the one being sent may
   * come back.
   */
  void add(Operation op) {
    if (!op.queued && op.members == null) {
      counted();
    }
    op.queued = true;
    if (op == sending) {
      sending = null;
    }
    waiting.put(op.seq, op);
    gauge();
  }

  /**
   * Queues {@code add}, a set add made offline, in the put that will sync its set: the one not yet
   * sent, or a new one in {@code add}'s place in the order.
   */
  void join(Operation add) {
    Operation put = joinable.get(add.key);
    if (put == null) {
      put = new Operation(add.seq, OpKind.SET_PUT, add.key, null, -1, null);
      put.members = new ArrayList<>();
      put.queued = true;
      joinable.put(add.key, put);
      waiting.put(put.seq, put);
    }
    if (!add.queued) {
      counted();
    }
    add.queued = true;
    add.sync = put;
    put.members.add(add);
    gauge();
  }

  private void counted() {
    metrics.count("offlineQueued", 1);
    writes++;
  }

  /**
   * The write or put to send now, or null: only online, only one at a time, and only if one waits.
   * Its writes stay counted until {@link #done}.
   */
  Operation next() {
    if (sending != null || waiting.isEmpty() || offline()) {
      return null;
    }
    sending = waiting.pollFirstEntry().getValue();
    joinable.remove(sending.key, sending);
    return sending;
  }

  /**
   * {@code op}, a queued write, a put, or an add a put carries, has completed (it may still have
   * been waiting: a late answer). A put completes the adds it carries; an add that completed on its
   * own (a late answer to a try from before it was queued) leaves its put, and a put not yet sent
   * that is left with none is dropped.
   */
  void done(Operation op) {
    if (op.sync != null) {
      Operation put = op.sync;
      if (put.members.remove(op)) {
        writes--;
      }
      if (put.members.isEmpty() && put.tries == 0 && put != sending) {
        waiting.remove(put.seq);
        joinable.remove(put.key, put);
      }
      gauge();
      return;
    }
    if (op == sending) {
      sending = null;
    } else {
      waiting.remove(op.seq);
    }
    if (op.members != null) {
      writes -= op.members.size();
      op.members.clear();
      joinable.remove(op.key, op);
    } else {
      writes--;
    }
    gauge();
  }

  /** Writes waiting or being sent (the adds a put carries each count). */
  int size() {
    return writes;
  }

  private void gauge() {
    metrics.gauge("offlineQueue", writes);
  }
}
