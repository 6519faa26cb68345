package dev.sim.stores.client;

import dev.sim.components.client.Backoff;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sees each operation through its tries to its one completion: sends a {@link KvRequest} to a
 * coordinator, waits up to the timeout, retries idempotent operations after a back-off, and maps
 * the answer to the history's terms (OK is ok; FAIL, THROTTLED and UNAVAILABLE are fail; UNKNOWN is
 * info; a timeout is info for a write, which may have happened, and fail for a read, which changes
 * nothing). Once any try may have been applied, a later definite failure leaves the operation
 * {@code info}. An answer to an earlier try still counts while the operation is open: its OK ends
 * the operation, whichever try is current.
 *
 * <p>Offline, nothing is sent: a write goes to the {@link OfflineQueue} (its user carries on, on a
 * new process) and a read fails at once. Under {@code offlineSync: put} a set add made offline is
 * applied to the client's {@link LocalSets local copy} instead and joins the one put that will
 * upload that copy on reconnect; the put's outcome is each of its adds' (see {@link #synced}). With
 * {@code checkAnswers: false} a write is ok as soon as any answer comes or the timeout passes,
 * whatever the store said, and is never retried.
 */
final class Sender {
  /** What the node hears from its sender. */
  interface Listener {
    /** {@code user}'s operation has ended, or has been handed to the offline queue. */
    void userFree(User user);
  }

  /** Timer: try {@code tryNo} of {@code op} has waited the whole timeout. */
  record TryTimeout(Operation op, int tryNo) {}

  /** Timer: the back-off before {@code op}'s next try is over. */
  record RetryDue(Operation op) {}

  /** One try: its operation, its number, and where and when it went. */
  private record Try(Operation op, int tryNo, int coordinator, long sentLocalNanos) {}

  private final NodeContext ctx;
  private final KvClientParams params;
  private final Coordinators coordinators;
  private final Recorder recorder;
  private final OfflineQueue queue;
  private final Values values;
  private final LocalSets sets;
  private final boolean putSync;
  private final ClientState state;
  private final Listener listener;
  private final Backoff backoff;
  private final Rng backoffRng;
  private final NodeMetrics metrics;
  // Looked up by request id, never iterated: its order cannot reach the simulation.
  private final Map<Long, Try> tries = new HashMap<>();

  Sender(
      NodeContext ctx,
      KvClientParams params,
      Coordinators coordinators,
      Recorder recorder,
      OfflineQueue queue,
      Values values,
      LocalSets sets,
      ClientState state,
      Listener listener) {
    this.ctx = ctx;
    this.params = params;
    this.coordinators = coordinators;
    this.recorder = recorder;
    this.queue = queue;
    this.values = values;
    this.sets = sets;
    this.putSync = params.offlineSyncOrDefault() == KvClientParams.OfflineSync.PUT;
    this.state = state;
    this.listener = listener;
    this.backoff = params.retry() == null ? null : new Backoff(params.retry());
    this.backoffRng = ctx.random("backoff");
    this.metrics = ctx.metrics();
    ctx.on(KvReply.class, (r, from) -> onReply(r));
    ctx.onTimer(TryTimeout.class, this::onTimeout);
    ctx.onTimer(RetryDue.class, t -> send(t.op()));
  }

  /** Sends {@code op}'s first try, or queues or fails it when the client is offline. */
  void start(Operation op) {
    send(op);
  }

  /** The client is back online: starts sending the queued writes. */
  void online() {
    Operation next = queue.next();
    if (next != null) {
      sendTry(next);
    }
  }

  private void send(Operation op) {
    if (op.done) {
      return;
    }
    if (!queue.offline()) {
      sendTry(op);
      return;
    }
    if (op.kind == OpKind.SET_ADD && putSync) {
      // The app edits its own copy now; the store hears of it in the set's put on reconnect.
      sets.edit(op);
      queue.join(op);
      detach(op);
      return;
    }
    if (op.kind.write) {
      queue.add(op);
      detach(op);
      return;
    }
    // Offline, a read cannot be served: nothing is cached (see docs/kv-client.md).
    Outcome why = op.tries == 0 ? Outcome.REJECTED : op.lastFailure;
    complete(op, op.uncertain ? KvStatus.UNKNOWN : KvStatus.UNAVAILABLE, null, why);
  }

  /** The write's user carries on without waiting for it, on a new process. */
  private void detach(Operation op) {
    User u = op.user;
    if (u == null) {
      return;
    }
    op.user = null;
    u.process = recorder.newProcess();
    listener.userFree(u);
  }

  private void sendTry(Operation op) {
    if (op.tries > 0) {
      metrics.count("kvRetries", 1);
    }
    Object value = op.value;
    if (op.kind == OpKind.SET_PUT) {
      value = putValue(op);
    }
    op.tries++;
    op.awaiting = true;
    long id = ++state.requests;
    op.coordinator = coordinators.pick();
    op.sentLocalNanos = ctx.localTime();
    op.requestIds.add(id);
    tries.put(id, new Try(op, op.tries, op.coordinator, op.sentLocalNanos));
    metrics.attempt();
    ctx.send(
        coordinators.id(op.coordinator), new KvRequest(id, op.kind.f, op.key, value, op.kind.kind));
    op.timeoutTimer = ctx.setTimer(params.timeoutNanos(), new TryTimeout(op, op.tries));
  }

  /**
   * The put's value, the whole local copy of its set. The copy also holds the offline adds of other
   * puts of the set still to come (made after this put was first sent): once this try goes, the
   * store may apply them, so a definite failure of their own put no longer proves they did not
   * happen.
   */
  private List<Long> putValue(Operation put) {
    if (put.tries == 0) {
      metrics.count(put.kind.counter, 1);
    }
    for (Operation other : sets.pending(put.key)) {
      if (other.sync != put) {
        other.uncertain = true;
      }
    }
    return sets.elements(put.key);
  }

  private void onReply(KvReply r) {
    Try t = tries.get(r.id());
    if (t == null) {
      // An answer to an operation that has completed: nothing left to decide.
      return;
    }
    Operation op = t.op();
    coordinators.observe(t.coordinator(), ctx.localTime() - t.sentLocalNanos());
    if (op.kind.write && !params.checkAnswers()) {
      complete(op, KvStatus.OK, op.value, Outcome.OK);
      return;
    }
    if (r.status() == KvStatus.OK) {
      complete(op, KvStatus.OK, op.kind.write ? op.value : r.value(), Outcome.OK);
      return;
    }
    if (r.status() == KvStatus.UNKNOWN) {
      op.uncertain = true;
    }
    if (t.tryNo() != op.tries || !op.awaiting) {
      // An earlier try failed late (or this one, after its timeout): the operation has moved on.
      return;
    }
    ctx.cancelTimer(op.timeoutTimer);
    tryFailed(op, r.status(), r.status() == KvStatus.THROTTLED ? Outcome.REJECTED : Outcome.FAILED);
  }

  private void onTimeout(TryTimeout t) {
    Operation op = t.op();
    if (op.done || t.tryNo() != op.tries || !op.awaiting) {
      return;
    }
    coordinators.observe(op.coordinator, params.timeoutNanos());
    if (op.kind.write && !params.checkAnswers()) {
      complete(op, KvStatus.OK, op.value, Outcome.OK);
      return;
    }
    if (op.kind.write) {
      // The write may have been applied without its answer coming back.
      op.uncertain = true;
    }
    tryFailed(op, null, Outcome.TIMED_OUT);
  }

  /** The current try failed with {@code status} (null: timed out): retry, or complete. */
  private void tryFailed(Operation op, KvStatus status, Outcome why) {
    op.awaiting = false;
    op.lastFailure = why;
    if (backoff != null && op.kind.idempotent && op.tries <= params.retry().max()) {
      long delay = backoff.delayNanos(op.tries, op.previousBackoffNanos, backoffRng);
      op.previousBackoffNanos = delay;
      ctx.setTimer(delay, new RetryDue(op));
      return;
    }
    KvStatus end = op.uncertain || status == KvStatus.UNKNOWN ? KvStatus.UNKNOWN : KvStatus.FAIL;
    complete(op, end, null, why);
  }

  /** Records {@code op}'s one completion and lets go of everything it held. */
  private void complete(Operation op, KvStatus status, Object value, Outcome why) {
    ctx.cancelTimer(op.timeoutTimer);
    for (Long id : op.requestIds) {
      tries.remove(id);
    }
    if (op.kind == OpKind.SET_PUT) {
      synced(op, status, why);
      queue.done(op);
      online();
      return;
    }
    switch (status) {
      case OK -> {
        recorder.ok(op, value);
        remember(op, value);
      }
      case UNKNOWN -> recorder.info(op, why);
      default -> recorder.fail(op, why);
    }
    if (op.queued) {
      queue.done(op);
    }
    if (op.user != null) {
      User u = op.user;
      op.user = null;
      listener.userFree(u);
    }
    if (op.queued) {
      online();
    }
  }

  /**
   * Completes the adds {@code put} carries with its outcome: ok when it was acknowledged, info when
   * it ended unknown, fail when it was refused, except for an add that may have been applied anyway
   * (its own try timed out before the cut, or another put carried it), which is info. A failed add
   * leaves the local copy, so that no later put brings back what the history calls failed.
   */
  private void synced(Operation put, KvStatus status, Outcome why) {
    if (put.done) {
      throw new IllegalStateException("put completed twice: " + put);
    }
    put.done = true;
    for (Operation add : put.members) {
      for (Long id : add.requestIds) {
        tries.remove(id);
      }
      long element = (Long) add.value;
      if (status == KvStatus.OK) {
        recorder.ok(add, add.value);
        sets.acked(add.key, element, recorder.invoked());
      } else if (status == KvStatus.UNKNOWN || add.uncertain) {
        recorder.info(add, why);
        sets.unknown(add.key, element, recorder.invoked());
      } else {
        recorder.fail(add, why);
        sets.discard(add.key, element);
      }
    }
  }

  /**
   * What the client now knows of the data: a register's value, for its later compare-and-sets; a
   * set's value or its own acknowledged add, for its local copy.
   */
  private void remember(Operation op, Object value) {
    if (op.kind == OpKind.SET_ADD) {
      sets.acked(op.key, (Long) op.value, recorder.invoked());
      return;
    }
    if (op.kind == OpKind.SET_READ) {
      sets.read(op.key, value, op.seq);
      return;
    }
    if (op.kind.kind != DataKind.REGISTER) {
      return;
    }
    if (op.kind == OpKind.CAS) {
      values.saw(op.key, ((List<?>) op.value).get(1));
    } else {
      values.saw(op.key, value);
    }
  }
}
