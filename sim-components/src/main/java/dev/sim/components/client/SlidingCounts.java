package dev.sim.components.client;

/**
 * Counts of a few kinds of event over a sliding window of local time, kept in a ring of buckets:
 * the window slides a bucket at a time, so a sum covers between {@code window − window/buckets} and
 * {@code window} of history. Used by the client's adaptive throttling.
 */
final class SlidingCounts {
  private final long bucketNanos;
  private final int buckets;
  private final long[][] counts;
  private final long[] sums;
  private long current = Long.MIN_VALUE;

  SlidingCounts(int kinds, long windowNanos, int buckets) {
    if (windowNanos <= 0 || buckets <= 0) {
      throw new IllegalArgumentException("window and buckets must be positive");
    }
    this.buckets = buckets;
    this.bucketNanos = Math.max(1, windowNanos / buckets);
    this.counts = new long[kinds][buckets];
    this.sums = new long[kinds];
  }

  private void advance(long nowNanos) {
    long b = Math.floorDiv(nowNanos, bucketNanos);
    if (b <= current) {
      // Same bucket, or the local clock stepped back: keep counting in the current bucket.
      return;
    }
    if (current == Long.MIN_VALUE || b - current >= buckets) {
      for (int k = 0; k < counts.length; k++) {
        java.util.Arrays.fill(counts[k], 0);
        sums[k] = 0;
      }
    } else {
      for (long x = current + 1; x <= b; x++) {
        int i = (int) Math.floorMod(x, (long) buckets);
        for (int k = 0; k < counts.length; k++) {
          sums[k] -= counts[k][i];
          counts[k][i] = 0;
        }
      }
    }
    current = b;
  }

  /** Adds {@code delta} to kind {@code kind} at local time {@code nowNanos}. */
  void add(int kind, long nowNanos, long delta) {
    advance(nowNanos);
    counts[kind][(int) Math.floorMod(current, (long) buckets)] += delta;
    sums[kind] += delta;
  }

  /** The count of kind {@code kind} over the window ending at {@code nowNanos}. */
  long sum(int kind, long nowNanos) {
    advance(nowNanos);
    return sums[kind];
  }
}
