package dev.sim.api;

/**
 * Knobs the fault schedule turns on one node instance while the run goes on. A node type reads them
 * when it needs them; they survive the node's crashes and restarts. Not thread-safe (one run, one
 * thread).
 */
public final class NodeControls {
  private double slowFactor = 1.0;

  /** Multiplier on the node's service times: 1 normally, e.g. 10 during a {@code slow} fault. */
  public double slowFactor() {
    return slowFactor;
  }

  /** Sets the service-time multiplier (the {@code slow} fault and its end). */
  public void setSlowFactor(double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("slow factor must be positive: " + factor);
    }
    this.slowFactor = factor;
  }
}
