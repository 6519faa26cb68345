package dev.sim.kernel.metrics;

import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.WindowStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Collects one run's metrics, per window and in total. Owned by the simulation; nodes reach it
 * through their {@link NodeMetrics} view. Latency goes into HdrHistograms: three significant digits
 * for the run total, two per window to keep a long run's windows small.
 *
 * <p>A group whose metrics were {@link #declare declared} may record only those: the first counter
 * or gauge it did not declare, or a request when it declared no latency metric, throws from the
 * recording call, so the node's handler fails the run naming the node, the metric and the
 * declaration. The check runs once per node and name (the views cache their cells), never on the
 * hot path. Groups nobody declared (kernel tests, hand-built simulations) record anything.
 */
public final class MetricsCollector {
  private static final double NANOS_PER_MS = 1e6;

  private final long windowNanos;
  private final long warmupNanos;
  private final LongSupplier clock;

  private long[] offered = new long[64];
  private long[] ok = new long[64];
  private long[] failed = new long[64];
  private long[] timedOut = new long[64];
  private long[] rejected = new long[64];
  private long[] attempts = new long[64];
  private double[] harvestSum = new double[64];
  private Histogram[] windowLatency = new Histogram[64];
  private int maxWindow;

  private long totalOffered;
  private long totalOk;
  private long totalFailed;
  private long totalTimedOut;
  private long totalRejected;
  private long totalAttempts;
  private double totalHarvest;
  private final Histogram latency = new Histogram(3);

  // Insertion-ordered so that nothing iterates a hash order (determinism rule 4).
  // Insertion-ordered; keyed "group\0name" and "node\0name". Node views cache the cells they use,
  // so
  // the hot path (a server counting or setting a gauge per request) builds no strings.
  private final Map<String, CounterCell> counters = new LinkedHashMap<>();
  private final Map<String, GaugeCell> gauges = new LinkedHashMap<>();
  private String[] nodeNames = new String[0];
  private String[] nodeGroups = new String[0];
  private boolean anyRequest;

  // Lookups only, never iterated for output: specs come out of the ordered list below.
  private final Map<String, Declared> declared = new LinkedHashMap<>();
  private final List<MetricSpec> specs = new ArrayList<>();

  /** What one group declared, and who declared it, for the message when it strays. */
  private record Declared(String by, List<MetricSpec> specs) {
    Optional<MetricSpec> find(MetricSpec.Kind kind, String name) {
      for (MetricSpec s : specs) {
        if (s.kind() == kind && (name == null || s.name().equals(name))) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }

    String names(MetricSpec.Kind kind) {
      List<String> out = new ArrayList<>();
      for (MetricSpec s : specs) {
        if (s.kind() == kind) {
          out.add(s.name());
        }
      }
      return out.isEmpty() ? "none" : String.join(", ", out);
    }
  }

  /**
   * Creates a collector with the given window width and warm-up, reading simulated time from {@code
   * clock}.
   */
  public MetricsCollector(long windowNanos, long warmupNanos, LongSupplier clock) {
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("window must be positive: " + windowNanos);
    }
    this.windowNanos = windowNanos;
    this.warmupNanos = warmupNanos;
    this.clock = clock;
  }

  /** Width of one window in simulated nanoseconds. */
  public long windowNanos() {
    return windowNanos;
  }

  /** Warm-up left out of the totals. */
  public long warmupNanos() {
    return warmupNanos;
  }

  /** Tells the collector the names and groups of the run's nodes, indexed by id. */
  public void setNodes(String[] names, String[] groups) {
    nodeNames = names.clone();
    nodeGroups = groups.clone();
  }

  /**
   * Declares the metrics the nodes of {@code group} may record: {@code declaredBy} says who in a
   * message (e.g. {@code node type 'server'}). The run result lists every declared spec, each name
   * and kind once (the first declaration wins), in the order declared.
   */
  public void declare(String group, String declaredBy, List<MetricSpec> metrics) {
    declared.put(group, new Declared(declaredBy, List.copyOf(metrics)));
    Set<String> have = new LinkedHashSet<>();
    for (MetricSpec s : specs) {
      have.add(s.kind() + "\u0000" + s.name());
    }
    for (MetricSpec s : metrics) {
      if (have.add(s.kind() + "\u0000" + s.name())) {
        specs.add(s);
      }
    }
  }

  /** Every declared metric spec, each kind and name once, in declaration order. */
  public List<MetricSpec> metricSpecs() {
    return List.copyOf(specs);
  }

  /** Throws if node {@code node}'s group declared its metrics and not this one. */
  private void requireDeclared(int node, MetricSpec.Kind kind, String name) {
    Declared d = declared.get(nodeGroups[node]);
    if (d == null || d.find(kind, name).isPresent()) {
      return;
    }
    String what =
        switch (kind) {
          case COUNTER -> "counter '" + name + "'";
          case GAUGE -> "gauge '" + name + "'";
          case LATENCY -> "a request (offer, attempt or finish)";
        };
    String declaredNames =
        kind == MetricSpec.Kind.LATENCY
            ? "no latency metric"
            : (kind == MetricSpec.Kind.COUNTER ? "counters " : "gauges ") + d.names(kind);
    throw new IllegalStateException(
        "node "
            + nodeNames[node]
            + " recorded "
            + what
            + ", which "
            + d.by()
            + " does not declare (it declares "
            + declaredNames
            + "); declare every metric a node records in its type's metrics()");
  }

  /** Returns the metrics view of one node. */
  public NodeMetrics forNode(int node) {
    return new View(node);
  }

  private int window(long t) {
    int w = (int) (t / windowNanos);
    if (w >= offered.length) {
      int n = Math.max(w + 1, offered.length * 2);
      offered = Arrays.copyOf(offered, n);
      ok = Arrays.copyOf(ok, n);
      failed = Arrays.copyOf(failed, n);
      timedOut = Arrays.copyOf(timedOut, n);
      rejected = Arrays.copyOf(rejected, n);
      attempts = Arrays.copyOf(attempts, n);
      harvestSum = Arrays.copyOf(harvestSum, n);
      windowLatency = Arrays.copyOf(windowLatency, n);
    }
    if (w > maxWindow) {
      maxWindow = w;
    }
    return w;
  }

  long offer() {
    anyRequest = true;
    long now = clock.getAsLong();
    // window() may replace the arrays, so it must run before the array is read (JLS 15.13.1).
    int w = window(now);
    offered[w]++;
    if (now >= warmupNanos) {
      totalOffered++;
    }
    return now;
  }

  void attempt() {
    anyRequest = true;
    long now = clock.getAsLong();
    int w = window(now);
    attempts[w]++;
    if (now >= warmupNanos) {
      totalAttempts++;
    }
  }

  void finish(long stamp, Outcome outcome, double harvest) {
    long now = clock.getAsLong();
    window(now);
    int w = window(stamp);
    boolean counted = stamp >= warmupNanos;
    switch (outcome) {
      case OK -> {
        double h = harvest < 0 ? 0 : Math.min(1, harvest);
        ok[w]++;
        harvestSum[w] += h;
        long latencyNanos = Math.max(0, now - stamp);
        Histogram hw = windowLatency[w];
        if (hw == null) {
          hw = new Histogram(2);
          windowLatency[w] = hw;
        }
        hw.recordValue(latencyNanos);
        if (counted) {
          totalOk++;
          totalHarvest += h;
          latency.recordValue(latencyNanos);
        }
      }
      case FAILED -> {
        failed[w]++;
        if (counted) {
          totalFailed++;
        }
      }
      case TIMED_OUT -> {
        timedOut[w]++;
        if (counted) {
          totalTimedOut++;
        }
      }
      case REJECTED -> {
        rejected[w]++;
        if (counted) {
          totalRejected++;
        }
      }
    }
  }

  CounterCell counterCell(int node, String name) {
    String key = nodeGroups[node] + "\u0000" + name;
    CounterCell c = counters.get(key);
    if (c == null) {
      c = new CounterCell(nodeGroups[node], name);
      counters.put(key, c);
    }
    return c;
  }

  GaugeCell gaugeCell(int node, String name) {
    String key = node + "\u0000" + name;
    GaugeCell g = gauges.get(key);
    if (g == null) {
      g = new GaugeCell(node, name, new GaugeSeries(windowNanos));
      gauges.put(key, g);
    }
    return g;
  }

  void count(CounterCell c, long delta) {
    long now = clock.getAsLong();
    int w = window(now);
    if (w >= c.perWindow.length) {
      c.perWindow = Arrays.copyOf(c.perWindow, Math.max(w + 1, c.perWindow.length * 2));
    }
    c.perWindow[w] += delta;
    if (now >= warmupNanos) {
      c.total += delta;
    }
  }

  void gauge(GaugeCell g, double value) {
    long now = clock.getAsLong();
    window(now);
    g.base = value;
    g.series.set(now, value + g.added);
  }

  /**
   * Node {@code node}'s gauge {@code name}, which it must have declared, for the kernel to add to
   * with {@link #addToGauge}: the requests held in a paused node's inbox are counted into its queue
   * gauge this way, since the node itself cannot run to say so.
   *
   * @throws IllegalStateException if the node's type declared no such gauge
   */
  public GaugeCell declaredGauge(int node, String name) {
    requireDeclared(node, MetricSpec.Kind.GAUGE, name);
    return gaugeCell(node, name);
  }

  /**
   * Adds {@code delta} to what the kernel adds to gauge {@code g}: from now on it reads the value
   * its node last set plus the kernel's running sum.
   */
  public void addToGauge(GaugeCell g, long delta) {
    if (delta == 0) {
      return;
    }
    long now = clock.getAsLong();
    window(now);
    g.added += delta;
    g.series.set(now, g.base + g.added);
  }

  /** One group's named counter. */
  static final class CounterCell {
    final String group;
    final String name;
    long[] perWindow = new long[64];
    long total;

    CounterCell(String group, String name) {
      this.group = group;
      this.name = name;
    }
  }

  /**
   * One node's named gauge: the value its node last set ({@code base}) plus what the kernel adds
   * ({@code added}, see {@link #addToGauge}). Opaque outside this package.
   */
  public static final class GaugeCell {
    private final int node;
    private final String name;
    private final GaugeSeries series;
    private double base;
    private long added;

    GaugeCell(int node, String name, GaugeSeries series) {
      this.node = node;
      this.name = name;
      this.series = series;
    }

    int node() {
      return node;
    }

    String name() {
      return name;
    }

    GaugeSeries series() {
      return series;
    }
  }

  /** Request totals after the warm-up. */
  public RequestTotals totals() {
    long ended = totalOk + totalFailed + totalTimedOut + totalRejected;
    return new RequestTotals(
        totalOffered,
        totalOk,
        totalFailed,
        totalTimedOut,
        totalRejected,
        totalAttempts,
        Math.max(0, totalOffered - ended));
  }

  /** Yield after the warm-up: requests answered successfully over requests offered, NaN if none. */
  public double yieldFraction() {
    // The contract's definition (Fox & Brewer): answered successfully over offered. A request still
    // open when the run stops was offered and not answered, so it counts against the yield.
    return totalOffered == 0 ? Double.NaN : (double) totalOk / totalOffered;
  }

  /** Harvest after the warm-up: mean harvest of successful requests, NaN if none. */
  public double harvest() {
    return totalOk == 0 ? Double.NaN : totalHarvest / totalOk;
  }

  /** Latency percentiles of successful requests after the warm-up. */
  public LatencySummary latency() {
    if (latency.getTotalCount() == 0) {
      return LatencySummary.EMPTY;
    }
    return new LatencySummary(
        latency.getMean() / NANOS_PER_MS,
        latency.getValueAtPercentile(50) / NANOS_PER_MS,
        latency.getValueAtPercentile(90) / NANOS_PER_MS,
        latency.getValueAtPercentile(99) / NANOS_PER_MS,
        latency.getValueAtPercentile(99.9) / NANOS_PER_MS,
        latency.getMaxValue() / NANOS_PER_MS);
  }

  /**
   * The request/response figures of a run that ended at {@code endNanos}, if any request or try was
   * recorded (in the warm-up too); empty for a run that has no requests at all.
   */
  public Optional<RequestSummary> requestSummary(long endNanos) {
    if (!anyRequest) {
      return Optional.empty();
    }
    return Optional.of(
        new RequestSummary(totals(), yieldFraction(), harvest(), latency(), windows(endNanos)));
  }

  /** Counters summed over groups, after the warm-up, sorted by name. */
  public Map<String, Long> counterTotals() {
    Map<String, Long> out = new TreeMap<>();
    counters.values().forEach(c -> out.merge(c.name, c.total, Long::sum));
    return out;
  }

  /** Number of windows that cover [0, endNanos). */
  public int windowCount(long endNanos) {
    return (int) Math.max(1, (endNanos + windowNanos - 1) / windowNanos);
  }

  /** Per-window request figures for a run that ended at {@code endNanos}. */
  public List<WindowStats> windows(long endNanos) {
    int n = windowCount(endNanos);
    window((n - 1) * windowNanos);
    List<WindowStats> out = new ArrayList<>(n);
    for (int w = 0; w < n; w++) {
      Histogram h = windowLatency[w];
      boolean any = h != null && h.getTotalCount() > 0;
      out.add(
          new WindowStats(
              w,
              w * windowNanos,
              offered[w],
              ok[w],
              failed[w],
              timedOut[w],
              rejected[w],
              attempts[w],
              offered[w] == 0 ? Double.NaN : (double) ok[w] / offered[w],
              ok[w] == 0 ? Double.NaN : harvestSum[w] / ok[w],
              any ? h.getValueAtPercentile(50) / NANOS_PER_MS : Double.NaN,
              any ? h.getValueAtPercentile(90) / NANOS_PER_MS : Double.NaN,
              any ? h.getValueAtPercentile(99) / NANOS_PER_MS : Double.NaN,
              any ? h.getMaxValue() / NANOS_PER_MS : Double.NaN));
    }
    return out;
  }

  /** Per-group counter series, sorted by group then name. */
  public List<CounterSeries> counterSeries(long endNanos) {
    int n = windowCount(endNanos);
    TreeMap<String, CounterSeries> sorted = new TreeMap<>();
    counters.forEach(
        (k, c) ->
            sorted.put(
                k, new CounterSeries(c.group, c.name, c.total, Arrays.copyOf(c.perWindow, n))));
    return List.copyOf(sorted.values());
  }

  /** Per-node gauge series, in node id then name order, carried forward to {@code endNanos}. */
  public List<GaugeSeriesData> gaugeSeries(long endNanos) {
    int n = windowCount(endNanos);
    List<GaugeSeriesData> out = new ArrayList<>();
    gauges
        .values()
        .forEach(
            cell -> {
              int node = cell.node();
              GaugeSeries g = cell.series();
              g.advance(endNanos);
              out.add(
                  new GaugeSeriesData(
                      node,
                      nodeNames[node],
                      nodeGroups[node],
                      cell.name(),
                      g.means(n, endNanos),
                      g.maxima(n)));
            });
    out.sort(
        (a, b) ->
            a.node() != b.node()
                ? Integer.compare(a.node(), b.node())
                : a.name().compareTo(b.name()));
    return out;
  }

  private final class View implements NodeMetrics {
    private final int node;
    // Lookups only, never iterated, so hash order cannot reach the run. Made on first use: most
    // nodes of a very wide group (a million clients) never count or gauge anything.
    private java.util.HashMap<String, CounterCell> counterCells;
    private java.util.HashMap<String, GaugeCell> gaugeCells;
    private boolean requestsChecked;

    View(int node) {
      this.node = node;
    }

    private void checkRequests() {
      if (!requestsChecked) {
        requireDeclared(node, MetricSpec.Kind.LATENCY, null);
        requestsChecked = true;
      }
    }

    @Override
    public long offer() {
      checkRequests();
      return MetricsCollector.this.offer();
    }

    @Override
    public void attempt() {
      checkRequests();
      MetricsCollector.this.attempt();
    }

    @Override
    public void finish(long offerStamp, Outcome outcome, double harvest) {
      checkRequests();
      MetricsCollector.this.finish(offerStamp, outcome, harvest);
    }

    @Override
    public void count(String name, long delta) {
      if (counterCells == null) {
        counterCells = new java.util.HashMap<>(4);
      }
      CounterCell c = counterCells.get(name);
      if (c == null) {
        requireDeclared(node, MetricSpec.Kind.COUNTER, name);
        c = counterCell(node, name);
        counterCells.put(name, c);
      }
      MetricsCollector.this.count(c, delta);
    }

    @Override
    public void gauge(String name, double value) {
      if (gaugeCells == null) {
        gaugeCells = new java.util.HashMap<>(4);
      }
      GaugeCell g = gaugeCells.get(name);
      if (g == null) {
        requireDeclared(node, MetricSpec.Kind.GAUGE, name);
        g = gaugeCell(node, name);
        gaugeCells.put(name, g);
      }
      MetricsCollector.this.gauge(g, value);
    }
  }
}
