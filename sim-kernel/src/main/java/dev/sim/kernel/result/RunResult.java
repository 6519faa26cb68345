package dev.sim.kernel.result;

import dev.sim.kernel.history.HistoryData;
import dev.sim.kernel.metrics.MetricSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run produced: the model the report reads and {@code summary.json} serializes. A
 * small core every run has — how it ran and ended, and the generic series: counters, gauges, nodes,
 * marked spans, node events, messages, the metric specs of its node types — plus one {@link
 * FamilySummary} per family of figures the run recorded ({@link RequestSummary} for requests).
 * Build one with {@link #builder}; change one with {@link #toBuilder}.
 *
 * <p>Counter totals leave out the warm-up; the per-window series cover the whole run. Times are
 * simulated nanoseconds unless a name says otherwise.
 *
 * @param scenario scenario name
 * @param seed master seed
 * @param simulatedNanos simulated time reached when the run stopped
 * @param events events processed
 * @param traceHash 16 hex digits: the digest of every processed event in order
 * @param stopReason which limit (or failure) ended the run
 * @param stopDetail a sentence about the stop, e.g. how to raise the limit that was hit
 * @param failure the node failure that ended the run, or null
 * @param wallSeconds wall-clock seconds the run took (never compared by tests)
 * @param windowNanos width of one time-series window
 * @param warmupNanos warm-up left out of the summary figures
 * @param counters named counters summed over all nodes, after the warm-up, sorted by name
 * @param counterSeries per-group per-window counters
 * @param gauges per-node per-window gauges
 * @param nodes every node, indexed by id
 * @param annotations fault windows and other marked spans, for charts and the timeline
 * @param nodeEvents crashes, restarts, pauses and resumes as they happened
 * @param messages the message log when recording was on (small runs), else empty
 * @param metricSpecs what the run's node types declare they emit, each name once: how the report
 *     titles and draws their charts (empty for a run of undeclared nodes)
 * @param expectations checks evaluated on the summary (filled in by the scenario layer)
 * @param info how the run was described and started (filled in by the scenario layer and CLI)
 * @param families the summaries of the families of figures the run recorded, each family once
 * @param history the operations clients recorded on data, and what stores reported beside them
 *     (empty for a run without stateful node types); written to {@code history.jsonl}, not to
 *     {@code result.json}
 */
public record RunResult(
    String scenario,
    long seed,
    long simulatedNanos,
    long events,
    String traceHash,
    StopReason stopReason,
    String stopDetail,
    Failure failure,
    double wallSeconds,
    long windowNanos,
    long warmupNanos,
    Map<String, Long> counters,
    List<CounterSeries> counterSeries,
    List<GaugeSeriesData> gauges,
    List<NodeInfo> nodes,
    List<Annotation> annotations,
    List<NodeEvent> nodeEvents,
    List<MessageRecord> messages,
    List<MetricSpec> metricSpecs,
    List<ExpectationResult> expectations,
    RunInfo info,
    List<FamilySummary> families,
    HistoryData history) {

  /** Copies every collection so the record stays immutable; absent ones read as empty. */
  public RunResult {
    counters =
        counters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    counterSeries = copy(counterSeries);
    gauges = copy(gauges);
    nodes = copy(nodes);
    annotations = copy(annotations);
    nodeEvents = copy(nodeEvents);
    messages = copy(messages);
    metricSpecs = copy(metricSpecs);
    expectations = copy(expectations);
    families = copy(families);
    history = history == null ? HistoryData.EMPTY : history;
    for (int i = 0; i < families.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (families.get(i).family().equals(families.get(j).family())) {
          throw new IllegalArgumentException(
              "two '" + families.get(i).family() + "' summaries in one run");
        }
      }
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** A builder for the run of {@code scenario} with master seed {@code seed}. */
  public static Builder builder(String scenario, long seed) {
    return new Builder(scenario, seed);
  }

  /** A builder holding everything of this run, to change some of it. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The summary of family {@code type}, if the run recorded that family's figures. */
  public <F extends FamilySummary> Optional<F> family(Class<F> type) {
    for (FamilySummary f : families) {
      if (type.isInstance(f)) {
        return Optional.of(type.cast(f));
      }
    }
    return Optional.empty();
  }

  /** The request/response figures, if the run recorded any request. */
  public Optional<RequestSummary> requests() {
    return family(RequestSummary.class);
  }

  /** What the checkers found in the operation history, if the run recorded any operation. */
  public Optional<ConsistencySummary> consistency() {
    return family(ConsistencySummary.class);
  }

  /**
   * The request/response figures, or those of no request over this run's windows when it recorded
   * none: for outputs that always hold request columns.
   */
  public RequestSummary requestsOrNone() {
    return requests().orElseGet(() -> RequestSummary.none(windowCount(), windowNanos));
  }

  /** Number of time-series windows covering the run: at least one. */
  public int windowCount() {
    if (windowNanos <= 0) {
      return 1;
    }
    return (int) Math.max(1, (simulatedNanos + windowNanos - 1) / windowNanos);
  }

  /** The spec of metric {@code name} of kind {@code kind}, if the run's types declared it. */
  public Optional<MetricSpec> metricSpec(MetricSpec.Kind kind, String name) {
    for (MetricSpec s : metricSpecs) {
      if (s.kind() == kind && s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Returns a copy with the given expectation results. */
  public RunResult withExpectations(List<ExpectationResult> results) {
    return toBuilder().expectations(results).build();
  }

  /** Returns a copy with the given run description. */
  public RunResult withInfo(RunInfo newInfo) {
    return toBuilder().info(newInfo).build();
  }

  /** Returns a copy with the given wall-clock duration. */
  public RunResult withWallSeconds(double seconds) {
    return toBuilder().wallSeconds(seconds).build();
  }

  /** Returns a copy with extra annotations appended (e.g. the fault schedule's windows). */
  public RunResult withAnnotations(List<Annotation> more) {
    List<Annotation> all = new ArrayList<>(annotations);
    all.addAll(more);
    return toBuilder().annotations(all).build();
  }

  /**
   * Assembles a {@link RunResult}. Every field starts empty (no events, no series, stop reason
   * {@link StopReason#TIME_LIMIT}, 1 s windows, {@link RunInfo#NONE}), so a caller sets only what
   * it knows; a new figure is one field here and one component of the record.
   */
  public static final class Builder {
    private final String scenario;
    private final long seed;
    private long simulatedNanos;
    private long events;
    private String traceHash = "";
    private StopReason stopReason = StopReason.TIME_LIMIT;
    private String stopDetail = "";
    private Failure failure;
    private double wallSeconds;
    private long windowNanos = 1_000_000_000L;
    private long warmupNanos;
    private Map<String, Long> counters = Map.of();
    private List<CounterSeries> counterSeries = List.of();
    private List<GaugeSeriesData> gauges = List.of();
    private List<NodeInfo> nodes = List.of();
    private List<Annotation> annotations = List.of();
    private List<NodeEvent> nodeEvents = List.of();
    private List<MessageRecord> messages = List.of();
    private List<MetricSpec> metricSpecs = List.of();
    private List<ExpectationResult> expectations = List.of();
    private RunInfo info = RunInfo.NONE;
    private HistoryData history = HistoryData.EMPTY;
    private final Map<String, FamilySummary> families = new LinkedHashMap<>();

    private Builder(String scenario, long seed) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
      this.seed = seed;
    }

    private Builder(RunResult r) {
      this(r.scenario, r.seed);
      simulatedNanos = r.simulatedNanos;
      events = r.events;
      traceHash = r.traceHash;
      stopReason = r.stopReason;
      stopDetail = r.stopDetail;
      failure = r.failure;
      wallSeconds = r.wallSeconds;
      windowNanos = r.windowNanos;
      warmupNanos = r.warmupNanos;
      counters = r.counters;
      counterSeries = r.counterSeries;
      gauges = r.gauges;
      nodes = r.nodes;
      annotations = r.annotations;
      nodeEvents = r.nodeEvents;
      messages = r.messages;
      metricSpecs = r.metricSpecs;
      expectations = r.expectations;
      info = r.info;
      history = r.history;
      r.families.forEach(this::family);
    }

    /** Simulated time reached when the run stopped. */
    public Builder simulatedNanos(long v) {
      simulatedNanos = v;
      return this;
    }

    /** Events processed. */
    public Builder events(long v) {
      events = v;
      return this;
    }

    /** The trace hash: 16 hex digits. */
    public Builder traceHash(String v) {
      traceHash = v;
      return this;
    }

    /** Why the run ended, and a sentence about it. */
    public Builder stop(StopReason reason, String detail) {
      stopReason = Objects.requireNonNull(reason, "stop reason");
      stopDetail = detail;
      return this;
    }

    /** The node failure that ended the run, or null. */
    public Builder failure(Failure v) {
      failure = v;
      return this;
    }

    /** Wall-clock seconds the run took. */
    public Builder wallSeconds(double v) {
      wallSeconds = v;
      return this;
    }

    /** The width of one time-series window and the warm-up left out of summary figures. */
    public Builder windows(long windowNanos, long warmupNanos) {
      this.windowNanos = windowNanos;
      this.warmupNanos = warmupNanos;
      return this;
    }

    /** Counter totals over all nodes, after the warm-up. */
    public Builder counters(Map<String, Long> v) {
      counters = v;
      return this;
    }

    /** Per-group per-window counters. */
    public Builder counterSeries(List<CounterSeries> v) {
      counterSeries = v;
      return this;
    }

    /** Per-node per-window gauges. */
    public Builder gauges(List<GaugeSeriesData> v) {
      gauges = v;
      return this;
    }

    /** Every node, indexed by id. */
    public Builder nodes(List<NodeInfo> v) {
      nodes = v;
      return this;
    }

    /** Fault windows and other marked spans. */
    public Builder annotations(List<Annotation> v) {
      annotations = v;
      return this;
    }

    /** Crashes, restarts, pauses and resumes. */
    public Builder nodeEvents(List<NodeEvent> v) {
      nodeEvents = v;
      return this;
    }

    /** The message log. */
    public Builder messages(List<MessageRecord> v) {
      messages = v;
      return this;
    }

    /** What the run's node types declare they emit. */
    public Builder metricSpecs(List<MetricSpec> v) {
      metricSpecs = v;
      return this;
    }

    /** Evaluated expectations. */
    public Builder expectations(List<ExpectationResult> v) {
      expectations = v;
      return this;
    }

    /** How the run was described and started. */
    public Builder info(RunInfo v) {
      info = v;
      return this;
    }

    /** Adds (or replaces) the summary of {@code summary}'s family. */
    public Builder family(FamilySummary summary) {
      families.put(summary.family(), summary);
      return this;
    }

    /** Removes the summary of family {@code name}, if any. */
    public Builder withoutFamily(String name) {
      families.remove(name);
      return this;
    }

    /** The run result. */
    /** The recorded operation history. */
    public Builder history(HistoryData v) {
      history = v == null ? HistoryData.EMPTY : v;
      return this;
    }

    public RunResult build() {
      return new RunResult(
          scenario,
          seed,
          simulatedNanos,
          events,
          traceHash,
          stopReason,
          stopDetail,
          failure,
          wallSeconds,
          windowNanos,
          warmupNanos,
          counters,
          counterSeries,
          gauges,
          nodes,
          annotations,
          nodeEvents,
          messages,
          metricSpecs,
          expectations,
          info,
          new ArrayList<>(families.values()),
          history);
    }
  }
}
