package dev.sim.components.rpc;

import dev.sim.kernel.node.NodeContext;

/**
 * "Send a {@link Request}, then hear either its {@link Response} or a timeout": the calling side of
 * the protocol, shared by clients, servers calling a dependency and the load balancer's health
 * checks.
 *
 * <p>Each call gets a fresh id from this helper's own range; the answer is matched by it. A
 * response for a call that already ended (answered, timed out or cancelled) is stale and ignored,
 * as is a duplicate. One node owns at most one {@code Rpc}: it registers the handler of its timeout
 * timer. The owner registers the {@link Response} handler itself and passes responses to {@link
 * #handle}, so a node may mix calls with other uses of {@code Response} (ids outside the range).
 *
 * @param <T> what the owner attaches to each call, handed back with its outcome
 */
public final class Rpc<T> {
  /** What the owner hears about each call, exactly once unless the call is cancelled. */
  public interface Listener<T> {
    /** The call's response arrived from node {@code from}. */
    void answered(T tag, Response response, int from);

    /** No response within the call's timeout. */
    void timedOut(T tag);
  }

  /** The timer of one call's timeout. */
  public record Timeout(long callId) {}

  private static final class Call<T> {
    final T tag;
    long timer = -1;

    Call(T tag) {
      this.tag = tag;
    }
  }

  private final NodeContext ctx;
  private final Listener<T> listener;
  private final long idBase;
  private final long idLimit;
  private final LongMap<Call<T>> calls = new LongMap<>();
  private long nextId;

  /**
   * Creates the helper for {@code ctx}'s node, using call ids in [{@code idBase}, {@code idBase +
   * 2^60}); {@code idBase} must be positive. Registers the {@link Timeout} timer handler.
   */
  public Rpc(NodeContext ctx, long idBase, Listener<T> listener) {
    if (idBase <= 0) {
      throw new IllegalArgumentException("idBase must be positive: " + idBase);
    }
    this.ctx = ctx;
    this.listener = listener;
    this.idBase = idBase;
    this.idLimit = idBase + (1L << 60);
    this.nextId = idBase;
    ctx.onTimer(Timeout.class, this::fire);
  }

  /**
   * Sends a request of {@code sizeBytes} to node {@code to} and returns the call's id. With {@code
   * timeoutNanos} &gt; 0 the call times out after that long on the local clock; with 0 it waits for
   * ever.
   */
  public long call(
      int to,
      int attempt,
      int origin,
      boolean healthCheck,
      long sizeBytes,
      long timeoutNanos,
      T tag) {
    long id = nextId++;
    Call<T> c = new Call<>(tag);
    calls.put(id, c);
    ctx.send(to, new Request(id, attempt, origin, healthCheck, sizeBytes));
    if (timeoutNanos > 0) {
      c.timer = ctx.setTimer(timeoutNanos, new Timeout(id));
    }
    return id;
  }

  /** Whether {@code response} answers an id from this helper's range (pending or not). */
  public boolean owns(Response response) {
    return response.id() >= idBase && response.id() < idLimit;
  }

  /**
   * Takes a response: if it ends a pending call, cancels that call's timer and tells the listener.
   * Returns false if its id is outside this helper's range (someone else's), true otherwise, even
   * when it was stale and ignored.
   */
  public boolean handle(Response response, int from) {
    if (!owns(response)) {
      return false;
    }
    Call<T> c = calls.remove(response.id());
    if (c == null) {
      return true;
    }
    if (c.timer >= 0) {
      ctx.cancelTimer(c.timer);
    }
    listener.answered(c.tag, response, from);
    return true;
  }

  /** Forgets call {@code callId} without telling the listener; returns false if it had ended. */
  public boolean cancel(long callId) {
    Call<T> c = calls.remove(callId);
    if (c == null) {
      return false;
    }
    if (c.timer >= 0) {
      ctx.cancelTimer(c.timer);
    }
    return true;
  }

  /** Whether call {@code callId} is still waiting for its answer. */
  public boolean pending(long callId) {
    return calls.get(callId) != null;
  }

  /** Number of calls waiting for an answer. */
  public int pendingCount() {
    return calls.size();
  }

  private void fire(Timeout t) {
    Call<T> c = calls.remove(t.callId());
    if (c == null) {
      // Stale: the call was answered or cancelled after the timer could no longer be cancelled.
      return;
    }
    listener.timedOut(c.tag);
  }
}
