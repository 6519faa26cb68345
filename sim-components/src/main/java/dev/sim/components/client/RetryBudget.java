package dev.sim.components.client;

/**
 * The client's retry budget, a token bucket in the manner of Finagle's {@code RetryBudget}: each
 * new request deposits {@code ratio} of a token, the floor deposits {@code minPerSecond} tokens a
 * second, a deposit is kept for {@code window} and then expires, and each retry or hedge takes one
 * whole token, the oldest first.
 *
 * <p>A token taken is gone for good. (A budget that compares counts of retries and requests over a
 * sliding window gives a retry's token back when the retry leaves the window: under a lasting
 * outage it lets the saved budget through at once, then nothing for a window, then the same burst
 * again, one burst per window.) So over any stretch of time the retries are at most the deposits of
 * that stretch and of the window before it: in a lasting outage, after the saved budget (at most a
 * window's deposits) is spent, retries follow the requests at {@code ratio} from moment to moment.
 * A shorter window saves less.
 *
 * <p>Deposits are kept per bucket of a twentieth of the window, so one lives between 95% and 100%
 * of the window; amounts are whole millionths of a token, so the sums are exact and no floating
 * point error can admit or refuse a retry. Nothing is allocated after construction.
 */
final class RetryBudget {
  private static final int BUCKETS = 20;
  private static final long TOKEN = 1_000_000;

  private final long bucketNanos;
  private final long perRequest;
  private final long floorPerBucket;
  // Live deposits (what is left of them) per bucket, in millionths of a token; a ring.
  private final long[] left = new long[BUCKETS];
  private long balance;
  private long current = Long.MIN_VALUE;

  RetryBudget(double ratio, long windowNanos, double minPerSecond) {
    if (ratio < 0 || windowNanos <= 0 || minPerSecond < 0) {
      throw new IllegalArgumentException("ratio and floor must be ≥ 0, the window positive");
    }
    this.bucketNanos = Math.max(1, windowNanos / BUCKETS);
    this.perRequest = Math.round(ratio * TOKEN);
    this.floorPerBucket = Math.round(minPerSecond * TOKEN * (bucketNanos / 1e9));
  }

  /** A new request at local time {@code nowNanos} deposits its share. */
  void deposit(long nowNanos) {
    advance(nowNanos);
    left[slot(current)] += perRequest;
    balance += perRequest;
  }

  /** Takes one token at {@code nowNanos} if there is a whole one; returns whether it did. */
  boolean trySpend(long nowNanos) {
    advance(nowNanos);
    if (balance < TOKEN) {
      return false;
    }
    long need = TOKEN;
    // Oldest first, so what is left is the newest and lasts longest.
    for (long b = current - BUCKETS + 1; need > 0; b++) {
      int i = slot(b);
      long take = Math.min(left[i], need);
      left[i] -= take;
      need -= take;
    }
    balance -= TOKEN;
    return true;
  }

  /** Whole tokens available at {@code nowNanos}. */
  long available(long nowNanos) {
    advance(nowNanos);
    return balance / TOKEN;
  }

  private void advance(long nowNanos) {
    long b = Math.floorDiv(nowNanos, bucketNanos);
    if (b <= current) {
      // Same bucket, or the local clock stepped back: keep counting in the current bucket.
      return;
    }
    long from = current == Long.MIN_VALUE || b - current > BUCKETS ? b - BUCKETS + 1 : current + 1;
    for (long x = from; x <= b; x++) {
      // Bucket x replaces the one a window older: those deposits expire; the floor's come in.
      int i = slot(x);
      balance += floorPerBucket - left[i];
      left[i] = floorPerBucket;
    }
    current = b;
  }

  private static int slot(long bucket) {
    return (int) Math.floorMod(bucket, (long) BUCKETS);
  }
}
