package dev.sim.components.client;

import dev.sim.components.client.ClientParams.BackoffShape;
import dev.sim.components.client.ClientParams.Jitter;
import dev.sim.kernel.random.Rng;

/**
 * Back-off before a retry, after the AWS Architecture Blog's "Exponential Backoff And Jitter": with
 * b = base (constant) or min(cap, base·2^(n−1)) (exponential) for retry n ≥ 1, full jitter draws
 * uniformly in [0, b], equal jitter b/2 + uniformly in [0, b/2], and decorrelated jitter min(cap,
 * uniformly in [base, 3·previous]) starting from previous = base. Public for other workloads (the
 * {@code kv-client}) that retry the way the {@code client} does.
 */
public final class Backoff {
  private final BackoffShape shape;
  private final Jitter jitter;
  private final double baseNanos;
  private final double capNanos;

  /** The back-off {@code r} describes. */
  public Backoff(ClientParams.Retry r) {
    this(r.backoff(), r.jitter(), r.baseNanos(), r.capNanos());
  }

  /**
   * A back-off of {@code shape} and {@code jitter}; null stands for NONE (records built in code).
   */
  public Backoff(BackoffShape shape, Jitter jitter, long baseNanos, long capNanos) {
    this.shape = shape == null ? BackoffShape.NONE : shape;
    this.jitter = jitter == null ? Jitter.NONE : jitter;
    this.baseNanos = baseNanos;
    this.capNanos = capNanos > 0 ? capNanos : Double.POSITIVE_INFINITY;
  }

  /** The un-jittered back-off before retry {@code retry} (1 = the first retry), in nanoseconds. */
  public double plainNanos(int retry) {
    return switch (shape) {
      case NONE -> 0;
      case CONSTANT -> Math.min(capNanos, baseNanos);
      case EXPONENTIAL -> Math.min(capNanos, Math.scalb(baseNanos, Math.min(retry - 1, 1000)));
    };
  }

  /**
   * The delay before retry {@code retry}; {@code previousNanos} is the delay before the previous
   * retry (0 before the first), used by decorrelated jitter. Draws from {@code rng} only when
   * jitter is on and the delay is positive.
   */
  public long delayNanos(int retry, long previousNanos, Rng rng) {
    if (shape == BackoffShape.NONE) {
      return 0;
    }
    double b = plainNanos(retry);
    double d =
        switch (jitter) {
          case NONE -> b;
          case FULL -> b <= 0 ? 0 : rng.nextDouble() * b;
          case EQUAL -> b <= 0 ? 0 : b / 2 + rng.nextDouble() * (b / 2);
          case DECORRELATED -> {
            double prev = previousNanos > 0 ? previousNanos : baseNanos;
            double hi = 3 * prev;
            yield Math.min(capNanos, baseNanos + rng.nextDouble() * Math.max(0, hi - baseNanos));
          }
        };
    return (long) (d + 0.5);
  }
}
