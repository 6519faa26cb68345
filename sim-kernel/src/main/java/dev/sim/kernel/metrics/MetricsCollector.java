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

  // The run's request figures, and each group's (the groups whose nodes offer requests), in the
  // order groups first offered: output sorts them by name.
  private final RequestCells all = new RequestCells();
  private final Map<String, RequestCells> byGroup = new LinkedHashMap<>();
  private int maxWindow;

  // Insertion-ordered so that nothing iterates a hash order (determinism rule 4).
  // Insertion-ordered; keyed "group\0name" and "node\0name". Node views cache the cells they use,
  // so
  // the hot path (a server counting or setting a gauge per request) builds no strings.
  private final Map<String, CounterCell> counters = new LinkedHashMap<>();
  private final Map<String, GaugeCell> gauges = new LinkedHashMap<>();
  // The same cells by node, for a crash (lookups only, never iterated for output).
  private final Map<Integer, List<GaugeCell>> gaugesByNode = new java.util.HashMap<>();
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

  // The window of the last window() call and its bounds (empty until the first call).
  private int cachedWindow;
  private long windowStart;
  private long windowEnd;

  private int window(long t) {
    if (t >= windowStart && t < windowEnd) {
      // Nearly every call falls in the window of the previous one: no division.
      return cachedWindow;
    }
    int w = (int) (t / windowNanos);
    cachedWindow = w;
    windowStart = w * windowNanos;
    windowEnd = windowStart + windowNanos;
    if (w > maxWindow) {
      maxWindow = w;
    }
    return w;
  }

  /** The cells of node {@code node}'s group, made on its first request. */
  RequestCells groupCells(int node) {
    return byGroup.computeIfAbsent(
        nodeGroups[node], g -> onlyRequestGroup(g) ? all : new RequestCells());
  }

  /**
   * Whether {@code group} is the one group of the run whose type declares requests: then its
   * figures are the run's, and it shares the run's cells instead of recording every request twice.
   */
  private boolean onlyRequestGroup(String group) {
    int requestGroups = 0;
    boolean isOne = false;
    for (Map.Entry<String, Declared> e : declared.entrySet()) {
      if (e.getValue().find(MetricSpec.Kind.LATENCY, null).isPresent()) {
        requestGroups++;
        isOne |= e.getKey().equals(group);
      }
    }
    return requestGroups == 1 && isOne;
  }

  long offer(RequestCells group) {
    anyRequest = true;
    long now = clock.getAsLong();
    int w = window(now);
    boolean counted = now >= warmupNanos;
    all.offer(w, counted);
    if (group != all) {
      group.offer(w, counted);
    }
    return now;
  }

  void attempt(RequestCells group) {
    anyRequest = true;
    long now = clock.getAsLong();
    int w = window(now);
    boolean counted = now >= warmupNanos;
    all.attempt(w, counted);
    if (group != all) {
      group.attempt(w, counted);
    }
  }

  void finish(RequestCells group, long stamp, Outcome outcome, double harvest) {
    long now = clock.getAsLong();
    window(now);
    int w = window(stamp);
    boolean counted = stamp >= warmupNanos;
    // From the offer to the final outcome: for a timeout that is when the client gave up, for a
    // failure when it learned of it, so every finished request has a latency.
    long latencyNanos = Math.max(0, now - stamp);
    all.finish(w, counted, outcome, harvest, latencyNanos);
    if (group != all) {
      group.finish(w, counted, outcome, harvest, latencyNanos);
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
      gaugesByNode.computeIfAbsent(node, n -> new ArrayList<>(2)).add(g);
    }
    return g;
  }

  /**
   * Node {@code node} crashed: each of its gauges reads 0 from now until the restarted node sets it
   * again. A crashed process holds no queue, leads nothing and has no heap; without this, its last
   * reading (a leader's "I lead") would stand on the chart for as long as it is down.
   */
  public void nodeCrashed(int node) {
    List<GaugeCell> cells = gaugesByNode.get(node);
    if (cells != null) {
      long now = clock.getAsLong();
      window(now);
      for (GaugeCell g : cells) {
        g.series.set(now, 0);
      }
    }
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
    return all.totals();
  }

  /** Yield after the warm-up: requests answered successfully over requests offered, NaN if none. */
  public double yieldFraction() {
    return all.yieldFraction();
  }

  /** Harvest after the warm-up: mean harvest of successful requests, NaN if none. */
  public double harvest() {
    return all.harvest();
  }

  /** Latency percentiles of successful requests after the warm-up. */
  public LatencySummary latency() {
    return summary(all.latency);
  }

  /**
   * The request/response figures of a run that ended at {@code endNanos}, if any request or try was
   * recorded (in the warm-up too); empty for a run that has no requests at all. Each group that
   * offered requests has its own figures in {@link RequestSummary#groups}, by name.
   */
  public Optional<RequestSummary> requestSummary(long endNanos) {
    if (!anyRequest) {
      return Optional.empty();
    }
    Map<String, RequestSummary> groups = new TreeMap<>();
    byGroup.forEach((g, c) -> groups.put(g, c.summary(endNanos, Map.of())));
    return Optional.of(all.summary(endNanos, groups));
  }

  /**
   * The request figures of the requests offered in windows {@code [fromWindow, toWindow)}, of group
   * {@code group} or of every group when it is null: what an expectation over a time range reads.
   * Latency percentiles come from the windows' histograms merged (two significant digits); goodput
   * is successful requests per second of the range. Empty when the group offered no request.
   */
  public Optional<RangeFigures> range(String group, int fromWindow, int toWindow) {
    RequestCells c = group == null ? all : byGroup.get(group);
    if (c == null || !anyRequest) {
      return Optional.empty();
    }
    return Optional.of(c.range(fromWindow, toWindow));
  }

  /**
   * Request figures over a range of windows.
   *
   * @param totals counts of the requests offered in the range ({@code unfinished}: not ended)
   * @param yield ok over offered, NaN when none was offered
   * @param harvest mean harvest of the successful ones, NaN when none
   * @param goodputPerSecond successful requests per second of the range
   * @param latencyMs latency of the successful ones
   * @param latencyAllMs latency of every finished one (ok, failed, timed out, rejected)
   */
  public record RangeFigures(
      RequestTotals totals,
      double yield,
      double harvest,
      double goodputPerSecond,
      LatencySummary latencyMs,
      LatencySummary latencyAllMs) {}

  private static LatencySummary summary(Histogram h) {
    if (h == null || h.getTotalCount() == 0) {
      return LatencySummary.EMPTY;
    }
    return new LatencySummary(
        h.getMean() / NANOS_PER_MS,
        h.getValueAtPercentile(50) / NANOS_PER_MS,
        h.getValueAtPercentile(90) / NANOS_PER_MS,
        h.getValueAtPercentile(99) / NANOS_PER_MS,
        h.getValueAtPercentile(99.9) / NANOS_PER_MS,
        h.getMaxValue() / NANOS_PER_MS);
  }

  /** One scope's request figures (the run's, or one group's): per window and after the warm-up. */
  final class RequestCells {
    private long[] offered = new long[64];
    private long[] ok = new long[64];
    private long[] failed = new long[64];
    private long[] timedOut = new long[64];
    private long[] rejected = new long[64];
    private long[] attempts = new long[64];
    private double[] harvestSum = new double[64];
    private Histogram[] windowLatency = new Histogram[64];
    private Histogram[] windowLatencyAll = new Histogram[64];

    private long totalOffered;
    private long totalOk;
    private long totalFailed;
    private long totalTimedOut;
    private long totalRejected;
    private long totalAttempts;
    private double totalHarvest;
    private final Histogram latency = new Histogram(3);
    private final Histogram latencyAll = new Histogram(3);

    private void grow(int w) {
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
        windowLatencyAll = Arrays.copyOf(windowLatencyAll, n);
      }
    }

    void offer(int w, boolean counted) {
      grow(w);
      offered[w]++;
      if (counted) {
        totalOffered++;
      }
    }

    void attempt(int w, boolean counted) {
      grow(w);
      attempts[w]++;
      if (counted) {
        totalAttempts++;
      }
    }

    void finish(int w, boolean counted, Outcome outcome, double harvest, long latencyNanos) {
      grow(w);
      switch (outcome) {
        case OK -> {
          double h = harvest < 0 ? 0 : Math.min(1, harvest);
          ok[w]++;
          harvestSum[w] += h;
          windowLatency[w] = record(windowLatency[w], latencyNanos);
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
      windowLatencyAll[w] = record(windowLatencyAll[w], latencyNanos);
      if (counted) {
        latencyAll.recordValue(latencyNanos);
      }
    }

    private Histogram record(Histogram h, long v) {
      if (h == null) {
        h = new Histogram(2);
      }
      h.recordValue(v);
      return h;
    }

    RequestTotals totals() {
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

    double yieldFraction() {
      // The contract's definition (Fox & Brewer): answered successfully over offered. A request
      // still open when the run stops was offered and not answered, so it counts against the yield.
      return totalOffered == 0 ? Double.NaN : (double) totalOk / totalOffered;
    }

    double harvest() {
      return totalOk == 0 ? Double.NaN : totalHarvest / totalOk;
    }

    RequestSummary summary(long endNanos, Map<String, RequestSummary> groups) {
      double measured = Math.max(0, endNanos - warmupNanos) / 1e9;
      double goodput = measured <= 0 ? Double.NaN : totalOk / measured;
      return new RequestSummary(
          totals(),
          yieldFraction(),
          harvest(),
          MetricsCollector.summary(latency),
          windows(endNanos),
          MetricsCollector.summary(latencyAll),
          goodput,
          groups);
    }

    List<WindowStats> windows(long endNanos) {
      int n = windowCount(endNanos);
      grow(n - 1);
      List<WindowStats> out = new ArrayList<>(n);
      for (int w = 0; w < n; w++) {
        Histogram h = windowLatency[w];
        boolean any = h != null && h.getTotalCount() > 0;
        Histogram a = windowLatencyAll[w];
        boolean anyAll = a != null && a.getTotalCount() > 0;
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
                any ? h.getMaxValue() / NANOS_PER_MS : Double.NaN,
                anyAll ? a.getValueAtPercentile(50) / NANOS_PER_MS : Double.NaN,
                anyAll ? a.getValueAtPercentile(90) / NANOS_PER_MS : Double.NaN,
                anyAll ? a.getValueAtPercentile(99) / NANOS_PER_MS : Double.NaN,
                anyAll ? a.getMaxValue() / NANOS_PER_MS : Double.NaN));
      }
      return out;
    }

    RangeFigures range(int from, int to) {
      grow(Math.max(0, to - 1));
      long o = 0;
      long k = 0;
      long f = 0;
      long t = 0;
      long r = 0;
      long at = 0;
      double hs = 0;
      Histogram lat = new Histogram(2);
      Histogram latAll = new Histogram(2);
      for (int w = Math.max(0, from); w < to; w++) {
        o += offered[w];
        k += ok[w];
        f += failed[w];
        t += timedOut[w];
        r += rejected[w];
        at += attempts[w];
        hs += harvestSum[w];
        if (windowLatency[w] != null) {
          lat.add(windowLatency[w]);
        }
        if (windowLatencyAll[w] != null) {
          latAll.add(windowLatencyAll[w]);
        }
      }
      double seconds = Math.max(0, to - from) * (windowNanos / 1e9);
      return new RangeFigures(
          new RequestTotals(o, k, f, t, r, at, Math.max(0, o - k - f - t - r)),
          o == 0 ? Double.NaN : (double) k / o,
          k == 0 ? Double.NaN : hs / k,
          seconds <= 0 ? Double.NaN : k / seconds,
          MetricsCollector.summary(lat),
          MetricsCollector.summary(latAll));
    }
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
    return all.windows(endNanos);
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
    // A node records a handful of names, each from a string constant, so a short array searched
    // by identity first finds them without hashing and holds no map per node. (A JFR profile had
    // the hash maps here at 20% of a million-client run's samples; replacing them changed the
    // run's time by nothing measurable, so that was sampling skid onto the first cold load.)
    // Made on first use: most nodes of a very wide group never count or gauge anything.
    private NamedCells<CounterCell> counterCells;
    private NamedCells<GaugeCell> gaugeCells;
    private RequestCells requestCells;

    View(int node) {
      this.node = node;
    }

    private RequestCells requests() {
      if (requestCells == null) {
        requireDeclared(node, MetricSpec.Kind.LATENCY, null);
        requestCells = groupCells(node);
      }
      return requestCells;
    }

    @Override
    public long offer() {
      return MetricsCollector.this.offer(requests());
    }

    @Override
    public void attempt() {
      MetricsCollector.this.attempt(requests());
    }

    @Override
    public void finish(long offerStamp, Outcome outcome, double harvest) {
      MetricsCollector.this.finish(requests(), offerStamp, outcome, harvest);
    }

    @Override
    public void count(String name, long delta) {
      if (counterCells == null) {
        counterCells = new NamedCells<>();
      }
      CounterCell c = counterCells.find(name);
      if (c == null) {
        requireDeclared(node, MetricSpec.Kind.COUNTER, name);
        c = counterCells.add(name, counterCell(node, name));
      }
      MetricsCollector.this.count(c, delta);
    }

    @Override
    public void gauge(String name, double value) {
      if (gaugeCells == null) {
        gaugeCells = new NamedCells<>();
      }
      GaugeCell g = gaugeCells.find(name);
      if (g == null) {
        requireDeclared(node, MetricSpec.Kind.GAUGE, name);
        g = gaugeCells.add(name, gaugeCell(node, name));
      }
      MetricsCollector.this.gauge(g, value);
    }
  }

  /** One node's cells of one kind by name, in a short array searched by identity first. */
  private static final class NamedCells<C> {
    private String[] names = new String[0];
    private Object[] cells = new Object[0];

    /**
     * The cell of {@code name}, or null; an equal name takes the slot, to hit at once next time.
     */
    @SuppressWarnings("unchecked")
    C find(String name) {
      String[] n = names;
      for (int i = 0; i < n.length; i++) {
        if (n[i] == name) {
          return (C) cells[i];
        }
      }
      for (int i = 0; i < n.length; i++) {
        if (n[i].equals(name)) {
          n[i] = name;
          return (C) cells[i];
        }
      }
      return null;
    }

    /** Remembers {@code cell} as {@code name}'s; returns it. */
    C add(String name, C cell) {
      int i = names.length;
      names = Arrays.copyOf(names, i + 1);
      cells = Arrays.copyOf(cells, i + 1);
      names[i] = name;
      cells[i] = cell;
      return cell;
    }
  }
}
