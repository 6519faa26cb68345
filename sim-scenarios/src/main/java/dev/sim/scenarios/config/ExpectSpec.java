package dev.sim.scenarios.config;

/**
 * One expectation, {@code METRIC OP VALUE}: e.g. {@code yield >= 0.99}, {@code latency.p99 < 200ms}
 * (durations compared in milliseconds), {@code counter.oom == 0}; over a time range, {@code
 * yield[120s..] >= 0.99}; of one client group, {@code group.east.yield >= 0.99}.
 *
 * @param text as written
 * @param metric {@code yield}, {@code harvest}, {@code goodput} (per second), {@code
 *     latency.p50|p90|p99|p999|max|mean} (successful requests), {@code latencyAll.*} (every
 *     finished request), {@code requests.offered|ok|failed|timedOut|rejected|attempts}, {@code
 *     consistency.valid|ops| lostWrites|staleReads|siblingsMax|siblingsMean|divergentKeys|okShare|
 *     failShare|infoShare} (valid is 1 for true, 0 for false), or {@code counter.NAME} for a
 *     counter a node type of the scenario declares; without the group prefix and range
 * @param op one of {@code < <= > >= == !=}
 * @param value the threshold in the metric's unit (milliseconds for latency, per second for goodput
 *     and a counter's rate)
 * @param location where it was written
 * @param group the client group the figure is of, or null for every group together
 * @param fromNanos where the range starts, on a window boundary; {@link #WHOLE_RUN} for the whole
 *     run after the warm-up (no range), {@link #AFTER_WARMUP} for an open start ({@code [..40s]})
 * @param toNanos where the range ends, on a window boundary; {@link #END} for the run's end
 * @param rate for a counter: compared per second (the value was written {@code 5/s}), not as a
 *     total
 */
public record ExpectSpec(
    String text,
    String metric,
    String op,
    double value,
    SourceLocation location,
    String group,
    long fromNanos,
    long toNanos,
    boolean rate) {

  /** {@code fromNanos} of a check without a range: the summary figures, after the warm-up. */
  public static final long WHOLE_RUN = -2;

  /** {@code fromNanos} of an open start: the first window boundary at or after the warm-up. */
  public static final long AFTER_WARMUP = -1;

  /** {@code toNanos} of an open end: the run's end. */
  public static final long END = -1;

  /** A check on the whole run's figures of every group, as before ranges and groups. */
  public ExpectSpec(String text, String metric, String op, double value, SourceLocation location) {
    this(text, metric, op, value, location, null, WHOLE_RUN, END, false);
  }

  /** Whether the check is over a time range rather than the summary figures. */
  public boolean ranged() {
    return fromNanos != WHOLE_RUN;
  }
}
