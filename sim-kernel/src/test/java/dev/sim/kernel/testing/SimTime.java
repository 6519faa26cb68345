package dev.sim.kernel.testing;

/** Readable simulated durations for tests: {@code ms(5)} instead of {@code 5_000_000}. */
public final class SimTime {
  private SimTime() {}

  /** Microseconds in nanoseconds. */
  public static long us(long n) {
    return n * 1_000L;
  }

  /** Milliseconds in nanoseconds. */
  public static long ms(long n) {
    return n * 1_000_000L;
  }

  /** Seconds in nanoseconds. */
  public static long s(long n) {
    return n * 1_000_000_000L;
  }
}
