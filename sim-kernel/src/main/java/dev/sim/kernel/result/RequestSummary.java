package dev.sim.kernel.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param latencyAllMs latency of every finished request (ok, failed, timed out, rejected), first
 *     try to final outcome, in milliseconds: a timed-out request counts at the moment its client
 *     gave up, a failed one when the client learned of the failure. Beside {@code latencyMs} it
 *     keeps a run that fails fast from looking fast.
 * @param goodputPerSecond successful requests per simulated second after the warm-up
 * @param groups each client group's own figures, by group name in name order (each with no groups
 *     of its own); empty for a summary of one group
 */
public record RequestSummary(
    RequestTotals totals,
    double yield,
    double harvest,
    LatencySummary latencyMs,
    List<WindowStats> windows,
    LatencySummary latencyAllMs,
    double goodputPerSecond,
    Map<String, RequestSummary> groups)
    implements FamilySummary {

  /** The family's name. */
  public static final String NAME = "requests";

  /** Copies the window list so the record stays immutable. */
  public RequestSummary {
    windows = List.copyOf(windows);
    latencyAllMs = latencyAllMs == null ? LatencySummary.EMPTY : latencyAllMs;
    groups = groups == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  /**
   * The figures of a run read without goodput, all-finished latency or groups (written by an
   * earlier version): those read as undefined and absent.
   */
  public RequestSummary(
      RequestTotals totals,
      double yield,
      double harvest,
      LatencySummary latencyMs,
      List<WindowStats> windows) {
    this(totals, yield, harvest, latencyMs, windows, LatencySummary.EMPTY, Double.NaN, Map.of());
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
