package dev.sim.kernel.run;

/**
 * When a run stops. The run ends cleanly at the first limit reached and says which.
 *
 * @param simulatedNanos events at or after this simulated time are not processed
 * @param maxEvents the most events to process
 * @param wallNanos the most wall-clock time to spend, measured by the injected {@link WallClock}
 */
public record RunLimits(long simulatedNanos, long maxEvents, long wallNanos) {
  /** No event or wall limit; stops at {@code simulatedNanos}. */
  public static RunLimits simulated(long simulatedNanos) {
    return new RunLimits(simulatedNanos, Long.MAX_VALUE, Long.MAX_VALUE);
  }
}
