package dev.sim.kernel.result;

import java.util.List;
import java.util.Map;

/**
 * Everything a run produced: the model the report reads and {@code summary.json} serializes.
 *
 * <p>Summary figures (requests, yield, harvest, latency, counters) leave out the warm-up; the
 * per-window series cover the whole run. Times are simulated nanoseconds unless a name says
 * otherwise. Figures that are undefined (no request answered) are {@code NaN}.
 *
 * @param scenario scenario name
 * @param seed master seed
 * @param simulatedNanos simulated time reached when the run stopped
 * @param events events processed
 * @param stopReason which limit (or failure) ended the run
 * @param stopDetail a sentence about the stop, e.g. how to raise the limit that was hit
 * @param traceHash 16 hex digits: the digest of every processed event in order
 * @param wallSeconds wall-clock seconds the run took (never compared by tests)
 * @param requests request totals after the warm-up
 * @param yield requests answered successfully / requests offered, after the warm-up
 * @param harvest mean fraction of data reflected by successful answers, after the warm-up
 * @param latencyMs latency of successful requests, first try to final answer, in milliseconds
 * @param counters named counters summed over all nodes, after the warm-up, sorted by name
 * @param windowNanos width of one time-series window
 * @param warmupNanos warm-up left out of the summary figures
 * @param windows per-window request figures, from time 0
 * @param counterSeries per-group per-window counters
 * @param gauges per-node per-window gauges
 * @param nodes every node, indexed by id
 * @param annotations fault windows and other marked spans, for charts and the timeline
 * @param nodeEvents crashes, restarts, pauses and resumes as they happened
 * @param messages the message log when recording was on (small runs), else empty
 * @param failure the node failure that ended the run, or null
 * @param expectations checks evaluated on the summary (filled in by the scenario layer)
 * @param info how the run was described and started (filled in by the scenario layer and CLI)
 */
public record RunResult(
    String scenario,
    long seed,
    long simulatedNanos,
    long events,
    StopReason stopReason,
    String stopDetail,
    String traceHash,
    double wallSeconds,
    RequestTotals requests,
    double yield,
    double harvest,
    LatencySummary latencyMs,
    Map<String, Long> counters,
    long windowNanos,
    long warmupNanos,
    List<WindowStats> windows,
    List<CounterSeries> counterSeries,
    List<GaugeSeriesData> gauges,
    List<NodeInfo> nodes,
    List<Annotation> annotations,
    List<NodeEvent> nodeEvents,
    List<MessageRecord> messages,
    Failure failure,
    List<ExpectationResult> expectations,
    RunInfo info) {

  /** Returns a copy with the given expectation results. */
  public RunResult withExpectations(List<ExpectationResult> results) {
    return new RunResult(
        scenario,
        seed,
        simulatedNanos,
        events,
        stopReason,
        stopDetail,
        traceHash,
        wallSeconds,
        requests,
        yield,
        harvest,
        latencyMs,
        counters,
        windowNanos,
        warmupNanos,
        windows,
        counterSeries,
        gauges,
        nodes,
        annotations,
        nodeEvents,
        messages,
        failure,
        List.copyOf(results),
        info);
  }

  /** Returns a copy with the given run description. */
  public RunResult withInfo(RunInfo newInfo) {
    return new RunResult(
        scenario,
        seed,
        simulatedNanos,
        events,
        stopReason,
        stopDetail,
        traceHash,
        wallSeconds,
        requests,
        yield,
        harvest,
        latencyMs,
        counters,
        windowNanos,
        warmupNanos,
        windows,
        counterSeries,
        gauges,
        nodes,
        annotations,
        nodeEvents,
        messages,
        failure,
        expectations,
        newInfo);
  }

  /** Returns a copy with the given wall-clock duration. */
  public RunResult withWallSeconds(double seconds) {
    return new RunResult(
        scenario,
        seed,
        simulatedNanos,
        events,
        stopReason,
        stopDetail,
        traceHash,
        seconds,
        requests,
        yield,
        harvest,
        latencyMs,
        counters,
        windowNanos,
        warmupNanos,
        windows,
        counterSeries,
        gauges,
        nodes,
        annotations,
        nodeEvents,
        messages,
        failure,
        expectations,
        info);
  }

  /** Returns a copy with extra annotations appended (e.g. the fault schedule's windows). */
  public RunResult withAnnotations(List<Annotation> more) {
    List<Annotation> all = new java.util.ArrayList<>(annotations);
    all.addAll(more);
    return new RunResult(
        scenario,
        seed,
        simulatedNanos,
        events,
        stopReason,
        stopDetail,
        traceHash,
        wallSeconds,
        requests,
        yield,
        harvest,
        latencyMs,
        counters,
        windowNanos,
        warmupNanos,
        windows,
        counterSeries,
        gauges,
        nodes,
        List.copyOf(all),
        nodeEvents,
        messages,
        failure,
        expectations,
        info);
  }
}
