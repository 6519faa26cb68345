package dev.sim.check.html;

/** Tick marks for a time axis: a 1-2-5 step giving about ten ticks. */
final class TimeTicks {
  private TimeTicks() {}

  /** The step in nanoseconds for an axis spanning {@code spanNanos}. */
  static long step(long spanNanos) {
    if (spanNanos <= 0) {
      return 1;
    }
    double raw = spanNanos / 10.0;
    long pow = 1;
    while (pow * 10 <= raw) {
      pow *= 10;
    }
    for (long m : new long[] {1, 2, 5, 10}) {
      if (pow * m >= raw) {
        return pow * m;
      }
    }
    return pow * 10;
  }
}
