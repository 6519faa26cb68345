package dev.sim.components.rpc;

import dev.sim.kernel.node.NodeContext;

/**
 * The bookkeeping of one hedged call ("The Tail at Scale"): a primary copy and, if no answer came
 * within the hedge delay, at most one more copy, each an {@link Rpc} call with its own timeout; the
 * first good answer wins, and the call has failed only when every copy sent has failed. The client
 * keeps one per request (begun again for each try), a server one per downstream call.
 *
 * <p>The owner sends the copies and sets the hedge timer (its own timer type, so that traces name
 * the node that hedged); this class remembers what is out and forgets it again. Public only so that
 * the client and server packages can share it.
 */
public final class HedgedCall {
  private int copiesOut;
  private long primaryCall;
  private long hedgeCall;
  private long hedgeTimer = -1;

  /** Starts the call afresh: its primary copy is Rpc call {@code callId}, nothing else is out. */
  public void begin(long callId) {
    copiesOut = 1;
    primaryCall = callId;
    hedgeCall = 0;
  }

  /** The hedge timer set for this call, cancelled when the call ends before it fires. */
  public void hedgeTimerSet(long handle) {
    hedgeTimer = handle;
  }

  /** The hedge timer fired, so there is nothing to cancel any more. */
  public void hedgeTimerFired() {
    hedgeTimer = -1;
  }

  /** The hedged copy went out as Rpc call {@code callId}. */
  public void hedged(long callId) {
    copiesOut++;
    hedgeCall = callId;
  }

  /** Whether some copy may still answer. */
  public boolean pending() {
    return copiesOut > 0;
  }

  /** A copy answered and wins the call; {@link #end} then forgets the other. */
  public void answered() {
    copiesOut--;
  }

  /**
   * A copy failed (an error, an overload error or its timeout); returns whether another copy is
   * still out, and the call not yet failed.
   */
  public boolean copyFailedOthersPending() {
    copiesOut--;
    return copiesOut > 0;
  }

  /** Cancels the hedge timer if it is still pending. */
  public void cancelHedgeTimer(NodeContext ctx) {
    if (hedgeTimer >= 0) {
      ctx.cancelTimer(hedgeTimer);
      hedgeTimer = -1;
    }
  }

  /**
   * Ends the call: forgets the copies still out (their answers will be ignored and their timeouts
   * are cancelled) and the hedge timer.
   */
  public void end(Rpc<?> rpc, NodeContext ctx) {
    if (copiesOut > 0) {
      rpc.cancel(primaryCall);
      if (hedgeCall != 0) {
        rpc.cancel(hedgeCall);
      }
      copiesOut = 0;
    }
    cancelHedgeTimer(ctx);
  }
}
