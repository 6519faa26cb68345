package dev.sim.kernel.result;

import java.util.ArrayList;
import java.util.List;

/**
 * The request/response family: what clients offered and how it ended, recorded through {@code
 * NodeMetrics.offer}, {@code attempt} and {@code finish}. A run has it when any request or try was
 * recorded. Totals, yield, harvest and latency leave out the warm-up; the windows cover the whole
 * run. Undefined figures (no request answered) are {@code NaN}.
 *
 * @param totals request totals after the warm-up
 * @param yield requests answered successfully / requests offered, after the warm-up
 * @param harvest mean fraction of data reflected by successful answers, after the warm-up
 * @param latencyMs latency of successful requests, first try to final answer, in milliseconds
 * @param windows per-window request figures, from time 0, one per window of the run
 */
public record RequestSummary(
    RequestTotals totals,
    double yield,
    double harvest,
    LatencySummary latencyMs,
    List<WindowStats> windows)
    implements FamilySummary {

  /** The family's name. */
  public static final String NAME = "requests";

  /** Copies the window list so the record stays immutable. */
  public RequestSummary {
    windows = List.copyOf(windows);
  }

  @Override
  public String family() {
    return NAME;
  }

  /**
   * The figures of a run that recorded no request, over {@code windows} windows of {@code
   * windowNanos}: zero counts and undefined fractions and latencies, what files that always hold
   * request columns ({@code summary.json}, {@code metrics.csv}) write for such a run.
   */
  public static RequestSummary none(int windows, long windowNanos) {
    List<WindowStats> w = new ArrayList<>(windows);
    for (int i = 0; i < windows; i++) {
      w.add(
          new WindowStats(
              i,
              i * windowNanos,
              0,
              0,
              0,
              0,
              0,
              0,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN));
    }
    return new RequestSummary(
        new RequestTotals(0, 0, 0, 0, 0, 0, 0), Double.NaN, Double.NaN, LatencySummary.EMPTY, w);
  }
}
