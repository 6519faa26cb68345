package dev.sim.stores.store;

/**
 * The optional per-node throughput limit: a token bucket refilled at {@code rate} per second of the
 * node's local clock, holding at most one second's worth (at least one token). It starts full, and
 * again after a restart (the bucket is volatile), as provisioned throughput does.
 */
final class Throttle {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double rate;
  private final double capacity;
  private double tokens;
  private long last;
  private boolean started;

  /** A bucket for {@code rate} requests per second; null or infinite means no limit. */
  Throttle(Double rate) {
    this.rate = rate == null ? Double.POSITIVE_INFINITY : rate;
    this.capacity = Math.max(1.0, this.rate);
    this.tokens = capacity;
  }

  /** Takes a token at local time {@code now}; false if the bucket is empty (throttled). */
  boolean admit(long now) {
    if (Double.isInfinite(rate)) {
      return true;
    }
    if (started && now > last) {
      tokens = Math.min(capacity, tokens + (now - last) * rate / NANOS_PER_SECOND);
    }
    if (!started || now > last) {
      last = now;
    }
    started = true;
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return true;
    }
    return false;
  }
}
