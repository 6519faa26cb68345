package dev.sim.kernel.metrics;

import java.util.Arrays;

/**
 * One node's gauge (queue depth, in-flight, live heap, ...) kept per time window as its
 * time-weighted mean and its maximum. The value holds from each {@link #set} until the next.
 */
public final class GaugeSeries {
  private final long windowNanos;
  private double[] weighted = new double[16];
  private double[] max = new double[16];
  private boolean[] seen = new boolean[16];
  private double last;
  private long lastTime;
  private boolean started;

  GaugeSeries(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  /** Records that the gauge reads {@code value} from simulated time {@code now} on. */
  void set(long now, double value) {
    advance(now);
    int w = (int) (now / windowNanos);
    grow(w);
    if (!seen[w] || value > max[w]) {
      max[w] = value;
    }
    seen[w] = true;
    last = value;
    started = true;
  }

  /** Carries the current value forward to {@code now}. */
  void advance(long now) {
    if (!started) {
      lastTime = now;
      return;
    }
    long t = lastTime;
    while (t < now) {
      int w = (int) (t / windowNanos);
      long end = Math.min(now, (w + 1L) * windowNanos);
      grow(w);
      weighted[w] += last * (end - t);
      if (!seen[w] || last > max[w]) {
        max[w] = last;
      }
      seen[w] = true;
      t = end;
    }
    lastTime = now;
  }

  /**
   * Time-weighted means for windows [0, windows), the last one possibly partial of length {@code
   * endNanos}.
   */
  double[] means(int windows, long endNanos) {
    double[] out = new double[windows];
    for (int w = 0; w < windows && w < weighted.length; w++) {
      long start = w * windowNanos;
      long len = Math.min(windowNanos, endNanos - start);
      out[w] = len > 0 ? weighted[w] / len : last;
    }
    return out;
  }

  /** Maxima for windows [0, windows). */
  double[] maxima(int windows) {
    double[] out = new double[windows];
    for (int w = 0; w < windows && w < max.length; w++) {
      out[w] = max[w];
    }
    return out;
  }

  private void grow(int w) {
    if (w >= weighted.length) {
      int n = Math.max(w + 1, weighted.length * 2);
      weighted = Arrays.copyOf(weighted, n);
      max = Arrays.copyOf(max, n);
      seen = Arrays.copyOf(seen, n);
    }
  }
}
