package dev.sim.kernel.result;

/** Latency percentiles in milliseconds; all {@code NaN} when nothing was measured. */
public record LatencySummary(
    double mean, double p50, double p90, double p99, double p999, double max) {

  /** The summary of no measurements. */
  public static final LatencySummary EMPTY =
      new LatencySummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
