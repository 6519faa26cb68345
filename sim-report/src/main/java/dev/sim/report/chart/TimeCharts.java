package dev.sim.report.chart;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.report.chart.Series.Line;
import dev.sim.report.chart.TimeChart.Scale;
import dev.sim.report.text.Format;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Builds the data of every time chart of a run. A chart without data (no request ended, a gauge
 * nobody set, a counter that stayed zero) is left out rather than drawn empty.
 */
public final class TimeCharts {
  /** With more lines than this a gauge is drawn per group rather than per instance. */
  static final int MAX_NODE_LINES = 8;

  /** Latency is drawn on a log axis when its largest value exceeds the smallest by this factor. */
  static final double LOG_RATIO = 100;

  private TimeCharts() {}

  /** Every chart of {@code r} that has data, in report order. */
  public static List<TimeChart> forRun(RunResult r) {
    Axis t = new Axis(r);
    List<TimeChart> out = new ArrayList<>();
    add(out, yieldChart(r, t));
    add(out, harvestChart(r, t));
    add(out, latencyChart(r, t));
    add(out, throughputChart(r, t));
    out.addAll(gaugeCharts(r, t));
    out.addAll(counterCharts(r, t));
    return out;
  }

  /** The fault windows of {@code r} in seconds; a window open at the end runs to the run's end. */
  public static List<Band> bands(RunResult r) {
    double end = r.simulatedNanos() / 1e9;
    List<Band> out = new ArrayList<>(r.annotations().size());
    for (Annotation a : r.annotations()) {
      double start = a.startNanos() / 1e9;
      double stop = a.endNanos() < 0 ? end : a.endNanos() / 1e9;
      String label = a.label() == null || a.label().isBlank() ? a.kind() : a.label();
      out.add(new Band(a.kind(), label, start, Math.max(start, stop)));
    }
    return out;
  }

  /** At most this many crash marks are drawn on a chart. */
  static final int MAX_MARKS = 1_000;

  /**
   * Crashes of {@code r} that no crash fault window accounts for (a node's own crash, such as
   * running out of memory), as marks in seconds.
   */
  public static List<Mark> marks(RunResult r) {
    List<Mark> out = new ArrayList<>();
    for (NodeEvent e : r.nodeEvents()) {
      if (!e.kind().equals("crash") || out.size() >= MAX_MARKS) {
        continue;
      }
      boolean explained = false;
      for (Annotation a : r.annotations()) {
        if (a.kind().equals("crash") && Math.abs(a.startNanos() - e.timeNanos()) <= 1_000_000L) {
          explained = true;
          break;
        }
      }
      if (!explained) {
        String node =
            e.node() >= 0 && e.node() < r.nodes().size()
                ? r.nodes().get(e.node()).name()
                : "node " + e.node();
        out.add(new Mark("crash", e.timeNanos() / 1e9, node, e.reason()));
      }
    }
    return out;
  }

  /** The title line of a chart: {@code gc-spiral · seed 42 — Yield}. */
  public static String title(RunResult r, String what) {
    return r.scenario() + " · seed " + r.seed() + " — " + what;
  }

  // ---------------------------------------------------------------- request figures

  static TimeChart yieldChart(RunResult r, Axis t) {
    Series s = t.series("yield", "yield", Palette.figure("yield"), Line.BOLD, WindowStats::yield);
    return chart(
        r,
        t,
        "yield",
        "Yield",
        "Requests answered OK out of those offered, by the "
            + t.windowText()
            + " window they were offered in",
        "yield (answered OK)",
        Scale.FRACTION,
        List.of(s));
  }

  static TimeChart harvestChart(RunResult r, Axis t) {
    Series s =
        t.series("harvest", "harvest", Palette.figure("harvest"), Line.BOLD, WindowStats::harvest);
    return chart(
        r,
        t,
        "harvest",
        "Harvest",
        "Mean fraction of the data reflected in successful answers, per "
            + t.windowText()
            + " window",
        "harvest (data in answer)",
        Scale.FRACTION,
        List.of(s));
  }

  static TimeChart latencyChart(RunResult r, Axis t) {
    List<Series> s =
        List.of(
            t.series("max", "max", Palette.figure("max"), Line.THIN, WindowStats::latencyMaxMs),
            t.series("p99", "p99", Palette.figure("p99"), Line.SOLID, WindowStats::latencyP99Ms),
            t.series("p90", "p90", Palette.figure("p90"), Line.SOLID, WindowStats::latencyP90Ms),
            t.series(
                "p50",
                "p50 (median)",
                Palette.figure("p50"),
                Line.BOLD,
                WindowStats::latencyP50Ms));
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Series x : s) {
      for (double v : x.y()) {
        if (v > 0) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    boolean log = max > 0 && max / min > LOG_RATIO;
    return chart(
        r,
        t,
        "latency",
        "Latency",
        "Successful requests, first try to final answer, per "
            + t.windowText()
            + " window"
            + (log ? " (log scale)" : ""),
        "latency (ms)",
        log ? Scale.LOG : Scale.LINEAR,
        s);
  }

  static TimeChart throughputChart(RunResult r, Axis t) {
    List<Series> s = new ArrayList<>();
    s.add(t.rate("offered", "offered", Line.DASHED, WindowStats::offered));
    Series attempts =
        t.rate("attempts", "attempts (tries sent)", Line.SOLID, WindowStats::attempts);
    Series offered = s.get(0);
    if (!java.util.Arrays.equals(attempts.y(), offered.y())) {
      // Identical to offered when nothing was retried: drawn, it would only hide that line.
      s.add(attempts);
    }
    s.add(t.rate("ok", "ok", Line.BOLD, WindowStats::ok));
    for (String k : new String[] {"failed", "timedOut", "rejected"}) {
      Series x =
          t.rate(
              k,
              k.equals("timedOut") ? "timed out" : k,
              Line.SOLID,
              w ->
                  switch (k) {
                    case "failed" -> w.failed();
                    case "timedOut" -> w.timedOut();
                    default -> w.rejected();
                  });
      if (x.hasNonZero()) {
        s.add(x);
      }
    }
    return chart(
        r,
        t,
        "throughput",
        "Throughput",
        "Requests per second by outcome (by offer window); attempts above offered are retries",
        "requests per second",
        Scale.LINEAR,
        s);
  }

  // ---------------------------------------------------------------- gauges

  /** A gauge or counter the report knows by name. */
  private record Known(String id, String title, String yLabel, String what, boolean mean) {}

  private static final Map<String, Known> KNOWN_GAUGES =
      Map.of(
          "queue",
              new Known(
                  "queue", "Queue depth", "requests waiting", "Requests waiting in queue", false),
          "inflight",
              new Known(
                  "inflight", "In flight", "requests in progress", "Requests being served", false),
          "heapLiveMB",
              new Known("heap", "Live heap", "live heap (MB)", "Live heap after GC", true),
          "healthyBackends",
              new Known(
                  "healthy-backends",
                  "Healthy backends",
                  "backends in rotation",
                  "Backends the load balancer considers healthy",
                  true));

  private static final List<String> GAUGE_ORDER =
      List.of("queue", "inflight", "heapLiveMB", "healthyBackends");

  /** The chart id of gauge {@code name}: {@code queue}, {@code heap}, or {@code gauge-NAME}. */
  public static String gaugeChartId(String name) {
    Known k = KNOWN_GAUGES.get(name);
    return k != null ? k.id() : "gauge-" + slug(name);
  }

  /** The title of gauge {@code name}'s chart: {@code Queue depth}, or the name itself. */
  static String gaugeTitle(String name) {
    Known k = KNOWN_GAUGES.get(name);
    return k != null ? k.title() : name;
  }

  /** The value-axis label of gauge {@code name}'s chart. */
  static String gaugeYLabel(String name) {
    Known k = KNOWN_GAUGES.get(name);
    return k != null ? k.yLabel() : name;
  }

  /** Whether gauge {@code name} is averaged over instances rather than summed. */
  static boolean gaugeIsLevel(String name) {
    Known k = KNOWN_GAUGES.get(name);
    return k != null ? k.mean() : isLevel(name);
  }

  static List<TimeChart> gaugeCharts(RunResult r, Axis t) {
    Map<String, List<GaugeSeriesData>> byName =
        new TreeMap<>(
            (a, b) -> {
              int ia = GAUGE_ORDER.indexOf(a);
              int ib = GAUGE_ORDER.indexOf(b);
              if (ia >= 0 || ib >= 0) {
                return Integer.compare(ia < 0 ? 99 : ia, ib < 0 ? 99 : ib);
              }
              return a.compareTo(b);
            });
    for (GaugeSeriesData g : r.gauges()) {
      byName.computeIfAbsent(g.name(), k -> new ArrayList<>()).add(g);
    }
    Map<String, Integer> nodeColour = nodeColours(r);
    Map<String, Integer> groupColour = groupColours(r);
    List<TimeChart> out = new ArrayList<>();
    for (Map.Entry<String, List<GaugeSeriesData>> e : byName.entrySet()) {
      String name = e.getKey();
      List<GaugeSeriesData> data = e.getValue();
      Known k =
          KNOWN_GAUGES.getOrDefault(
              name, new Known(gaugeChartId(name), name, name, name, isLevel(name)));
      List<Series> series = new ArrayList<>();
      String how;
      if (data.size() <= MAX_NODE_LINES) {
        for (GaugeSeriesData g : data) {
          series.add(
              t.perWindow(
                  g.nodeName(),
                  g.nodeName(),
                  Palette.cycle(nodeColour.getOrDefault(g.nodeName(), 0)),
                  Line.SOLID,
                  g.mean()));
        }
        how = "one line per node";
      } else {
        Map<String, List<GaugeSeriesData>> groups = new LinkedHashMap<>();
        for (GaugeSeriesData g : data) {
          groups.computeIfAbsent(g.group(), x -> new ArrayList<>()).add(g);
        }
        for (Map.Entry<String, List<GaugeSeriesData>> ge : groups.entrySet()) {
          double[] y = aggregate(ge.getValue(), t.windows, k.mean());
          int n = ge.getValue().size();
          series.add(
              t.perWindow(
                  ge.getKey(),
                  ge.getKey() + " (" + n + ")",
                  Palette.cycle(groupColour.getOrDefault(ge.getKey(), 0)),
                  Line.SOLID,
                  y));
        }
        how = k.mean() ? "mean per node of each group" : "summed over each group's nodes";
      }
      if (!anyNonZero(series)) {
        continue;
      }
      out.add(
          chart(
              r,
              t,
              k.id(),
              k.title(),
              k.what() + ", time-weighted mean per " + t.windowText() + " window, " + how,
              k.yLabel(),
              Scale.LINEAR,
              series));
    }
    return out;
  }

  /**
   * Gauges that read as a level of one process (a heap size, a percentage) are averaged, not
   * summed.
   */
  private static boolean isLevel(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("heap")
        || n.endsWith("mb")
        || n.endsWith("gb")
        || n.contains("pct")
        || n.contains("percent")
        || n.contains("util")
        || n.contains("ratio");
  }

  private static double[] aggregate(List<GaugeSeriesData> members, int windows, boolean mean) {
    double[] y = new double[windows];
    for (int i = 0; i < windows; i++) {
      double sum = 0;
      int n = 0;
      for (GaugeSeriesData g : members) {
        if (i < g.mean().length && !Double.isNaN(g.mean()[i])) {
          sum += g.mean()[i];
          n++;
        }
      }
      y[i] = n == 0 ? Double.NaN : mean ? sum / n : sum;
    }
    return y;
  }

  // ---------------------------------------------------------------- counters

  /** Known counters; for these {@code mean} means "drawn as a running total". */
  private static final Map<String, Known> KNOWN_COUNTERS =
      Map.ofEntries(
          Map.entry(
              "gcPauseMs",
              new Known(
                  "gc",
                  "GC pause time",
                  "ms paused per second",
                  "Stop-the-world GC pause time, summed over each group's nodes",
                  false)),
          Map.entry(
              "oom",
              new Known(
                  "oom",
                  "Out-of-memory crashes",
                  "crashes (running total)",
                  "Processes that ran out of heap and crashed, running total",
                  true)),
          Map.entry(
              "shed",
              new Known(
                  "shed",
                  "Load shed",
                  "requests shed per second",
                  "Requests refused early by load shedding",
                  false)),
          Map.entry(
              "retries",
              new Known(
                  "retries", "Retries", "retries per second", "Retries sent by clients", false)),
          Map.entry(
              "budgetExhausted",
              new Known(
                  "retry-budget",
                  "Retry budget exhausted",
                  "retries refused per second",
                  "Retries the retry budget refused to send",
                  false)),
          Map.entry(
              "throttled",
              new Known(
                  "throttled",
                  "Client throttling",
                  "requests refused per second",
                  "Requests clients refused locally (throttling)",
                  false)),
          Map.entry(
              "hedges",
              new Known(
                  "hedges",
                  "Hedged requests",
                  "hedges per second",
                  "Second copies sent because the first was slow",
                  false)),
          Map.entry(
              "ejections",
              new Known(
                  "ejections",
                  "Backend ejections",
                  "ejections (running total)",
                  "Backends taken out of rotation by health checks",
                  true)),
          Map.entry(
              "noBackend",
              new Known(
                  "no-backend",
                  "No healthy backend",
                  "requests per second",
                  "Requests the load balancer could send nowhere",
                  false)),
          Map.entry(
              "lostWrites",
              new Known(
                  "lost-writes",
                  "Lost writes",
                  "lost writes (running total)",
                  "Acknowledged writes that were later lost, running total",
                  true)));

  private static final List<String> COUNTER_ORDER =
      List.of(
          "gcPauseMs",
          "gcYoung",
          "gcFull",
          "oom",
          "shed",
          "retries",
          "budgetExhausted",
          "throttled",
          "hedges",
          "ejections",
          "noBackend",
          "lostWrites");

  /** The chart id of counter {@code name}. */
  public static String counterChartId(String name) {
    if (name.equals("gcFull") || name.equals("gcYoung")) {
      return "gc-collections";
    }
    Known k = KNOWN_COUNTERS.get(name);
    return k != null ? k.id() : "counter-" + slug(name);
  }

  static List<TimeChart> counterCharts(RunResult r, Axis t) {
    Map<String, List<CounterSeries>> byChart = new LinkedHashMap<>();
    List<CounterSeries> sorted = new ArrayList<>(r.counterSeries());
    sorted.sort(
        (a, b) -> {
          int ia = COUNTER_ORDER.indexOf(a.name());
          int ib = COUNTER_ORDER.indexOf(b.name());
          int c = Integer.compare(ia < 0 ? 99 : ia, ib < 0 ? 99 : ib);
          return c != 0 ? c : a.name().compareTo(b.name());
        });
    for (CounterSeries c : sorted) {
      byChart.computeIfAbsent(counterChartId(c.name()), k -> new ArrayList<>()).add(c);
    }
    Map<String, Integer> groupColour = groupColours(r);
    List<TimeChart> out = new ArrayList<>();
    for (Map.Entry<String, List<CounterSeries>> e : byChart.entrySet()) {
      String id = e.getKey();
      List<CounterSeries> data = e.getValue();
      List<Series> series = new ArrayList<>();
      boolean collections = id.equals("gc-collections");
      String name = data.get(0).name();
      Known k =
          collections
              ? new Known(
                  id,
                  "GC collections",
                  "collections per second",
                  "Garbage collections started, per second",
                  false)
              : KNOWN_COUNTERS.getOrDefault(
                  name,
                  new Known(
                      id, name, name + " per second", "Counter " + name + ", per second", false));
      boolean cumulative = !collections && k.mean();
      boolean oneGroup = data.stream().map(CounterSeries::group).distinct().count() == 1;
      for (CounterSeries c : data) {
        String key = c.group() + "." + c.name();
        String label =
            collections ? c.group() + (c.name().equals("gcFull") ? " full" : " young") : c.group();
        boolean young = c.name().equals("gcYoung");
        Line line = collections && young && !oneGroup ? Line.DASHED : Line.SOLID;
        Color colour = Palette.cycle(groupColour.getOrDefault(c.group(), 0));
        if (collections && oneGroup) {
          // One group: young and full collections are told apart by colour, not by dashes.
          colour = young ? Palette.SKY_BLUE : Palette.VERMILLION;
        }
        Series s =
            cumulative
                ? t.perWindow(key, label, colour, line, runningTotal(c.perWindow(), t.windows))
                : t.rate(key, label, colour, line, c.perWindow());
        if (s.hasNonZero()) {
          series.add(s);
        }
      }
      if (series.isEmpty()) {
        continue;
      }
      String sub = cumulative ? k.what() : k.what() + " (per " + t.windowText() + " window)";
      out.add(chart(r, t, id, k.title(), sub, k.yLabel(), Scale.LINEAR, series));
    }
    return out;
  }

  private static double[] runningTotal(long[] perWindow, int windows) {
    double[] y = new double[windows];
    long sum = 0;
    for (int i = 0; i < windows; i++) {
      sum += i < perWindow.length ? perWindow[i] : 0;
      y[i] = sum;
    }
    return y;
  }

  // ---------------------------------------------------------------- helpers

  /** Colour indices of nodes with gauges, by node id, so one node has one colour on every chart. */
  private static Map<String, Integer> nodeColours(RunResult r) {
    Set<String> names = new LinkedHashSet<>();
    r.gauges().stream()
        .sorted((a, b) -> Integer.compare(a.node(), b.node()))
        .forEach(g -> names.add(g.nodeName()));
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, out.size());
    }
    return out;
  }

  /** Colour indices of groups, in the order their first node appears. */
  private static Map<String, Integer> groupColours(RunResult r) {
    Set<String> groups = new LinkedHashSet<>();
    Set<String> measured = new LinkedHashSet<>();
    r.gauges().forEach(g -> measured.add(g.group()));
    r.counterSeries().forEach(c -> measured.add(c.group()));
    for (NodeInfo n : r.nodes()) {
      if (measured.contains(n.group())) {
        groups.add(n.group());
      }
    }
    groups.addAll(measured);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String g : groups) {
      out.put(g, out.size());
    }
    return out;
  }

  private static boolean anyNonZero(List<Series> series) {
    for (Series s : series) {
      if (s.hasNonZero()) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<TimeChart> out, TimeChart c) {
    for (Series s : c.series()) {
      // Linear charts of nothing but zeros say nothing; fractions and latencies are data when
      // defined.
      if (s.hasData() && (c.scale() != Scale.LINEAR || s.hasNonZero())) {
        out.add(c);
        return;
      }
    }
  }

  private static TimeChart chart(
      RunResult r,
      Axis t,
      String id,
      String what,
      String subtitle,
      String yLabel,
      Scale scale,
      List<Series> series) {
    return new TimeChart(
        id,
        title(r, what),
        subtitle,
        yLabel,
        scale,
        List.copyOf(series),
        bands(r),
        marks(r),
        r.warmupNanos() / 1e9,
        r.simulatedNanos() / 1e9);
  }

  /** A file-name-safe form of a metric name. */
  static String slug(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_-]+", "-");
    return s.isEmpty() ? "x" : s;
  }

  /** The time axis of a run: window centres and lengths in seconds. */
  static final class Axis {
    final int windows;
    final double[] x;
    final double[] length;
    final double windowSeconds;
    final List<WindowStats> stats;

    Axis(RunResult r) {
      stats = r.windows();
      windows = stats.size();
      windowSeconds = r.windowNanos() / 1e9;
      x = new double[windows];
      length = new double[windows];
      for (int i = 0; i < windows; i++) {
        long start = stats.get(i).startNanos();
        long len = Math.min(r.windowNanos(), r.simulatedNanos() - start);
        if (len <= 0) {
          len = r.windowNanos();
        }
        length[i] = len / 1e9;
        x[i] = (start + len / 2.0) / 1e9;
      }
    }

    String windowText() {
      return Format.seconds(windowSeconds);
    }

    Series series(String key, String label, Color c, Line line, ToDoubleFunction<WindowStats> f) {
      double[] y = new double[windows];
      for (int i = 0; i < windows; i++) {
        y[i] = f.applyAsDouble(stats.get(i));
      }
      return new Series(key, label, x, y, c, line);
    }

    /** A request count per window as a rate per second, colour fixed by the figure's name. */
    Series rate(String key, String label, Line line, ToDoubleFunction<WindowStats> f) {
      double[] y = new double[windows];
      for (int i = 0; i < windows; i++) {
        y[i] = f.applyAsDouble(stats.get(i)) / length[i];
      }
      return new Series(key, label, x, y, Palette.figure(key), line);
    }

    Series rate(String key, String label, Color c, Line line, long[] perWindow) {
      double[] y = new double[windows];
      for (int i = 0; i < windows; i++) {
        y[i] = (i < perWindow.length ? perWindow[i] : 0) / length[i];
      }
      return new Series(key, label, x, y, c, line);
    }

    Series perWindow(String key, String label, Color c, Line line, double[] values) {
      double[] y = new double[windows];
      for (int i = 0; i < windows; i++) {
        y[i] = i < values.length ? values[i] : Double.NaN;
      }
      return new Series(key, label, x, y, c, line);
    }
  }
}
