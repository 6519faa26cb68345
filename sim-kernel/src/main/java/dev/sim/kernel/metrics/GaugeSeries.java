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
  // The window holding lastTime and where it ends: kept so that a set or an advance inside the
  // current window (nearly all of them) costs no division.
  private int window;
  private long windowEnd;

  GaugeSeries(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  /** Records that the gauge reads {@code value} from simulated time {@code now} on. */
  void set(long now, double value) {
    if (!started) {
      started = true;
      lastTime = now;
      window = (int) (now / windowNanos);
      windowEnd = (window + 1L) * windowNanos;
      grow(window);
    } else {
      advance(now);
    }
    if (!seen[window] || value > max[window]) {
      max[window] = value;
    }
    seen[window] = true;
    last = value;
  }

  /** Carries the current value forward to {@code now}. */
  void advance(long now) {
    if (!started) {
      lastTime = now;
      return;
    }
    long t = lastTime;
    if (now <= t) {
      return;
    }
    while (now >= windowEnd) {
      // Close the current window with the value held to its end, then enter the next one.
      if (windowEnd > t) {
        integrate(window, windowEnd - t);
      }
      t = windowEnd;
      window++;
      windowEnd += windowNanos;
      grow(window);
    }
    if (now > t) {
      integrate(window, now - t);
    }
    lastTime = now;
  }

  private void integrate(int w, long nanos) {
    weighted[w] += last * nanos;
    if (!seen[w] || last > max[w]) {
      max[w] = last;
    }
    seen[w] = true;
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
