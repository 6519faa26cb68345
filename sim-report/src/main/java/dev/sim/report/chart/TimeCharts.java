package dev.sim.report.chart;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.report.chart.Series.Line;
import dev.sim.report.chart.TimeChart.Scale;
import dev.sim.report.text.Format;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Builds the data of every time chart of a run: the request/response family's charts when the run
 * has its summary, the consistency family's ({@link ConsistencyCharts}) when it has that one, then
 * a chart per declared gauge chart and per declared counter chart, each titled, labelled and
 * ordered as its {@link MetricSpec} says. Names no metric itself. A chart without data (no request
 * ended, a gauge nobody set, a counter that stayed zero) is left out rather than drawn empty.
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
    if (r.requests().isPresent()) {
      add(out, yieldChart(r, t));
      add(out, harvestChart(r, t));
      add(out, latencyChart(r, t));
      add(out, latencyAllChart(r, t));
      add(out, throughputChart(r, t));
    }
    out.addAll(ConsistencyCharts.forRun(r, t));
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

  // ---------------------------------------------------------------- the request/response family

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
    boolean log = log(s);
    return chart(
        r,
        t,
        "latency",
        "Latency of successful requests",
        "Successful requests only, first try to final answer, per "
            + t.windowText()
            + " window: a failed or timed-out request is not in it (see latency-all)"
            + (log ? " (log scale)" : ""),
        "latency of successful requests (ms)",
        log ? Scale.LOG : Scale.LINEAR,
        s);
  }

  /**
   * The latency of every finished request: beside the successful requests' latency, it keeps a run
   * whose requests fail fast or time out from looking fast.
   */
  static TimeChart latencyAllChart(RunResult r, Axis t) {
    List<Series> s =
        List.of(
            t.series("max", "max", Palette.figure("max"), Line.THIN, WindowStats::allMaxMs),
            t.series("p99", "p99", Palette.figure("p99"), Line.SOLID, WindowStats::allP99Ms),
            t.series("p90", "p90", Palette.figure("p90"), Line.SOLID, WindowStats::allP90Ms),
            t.series(
                "p50", "p50 (median)", Palette.figure("p50"), Line.BOLD, WindowStats::allP50Ms));
    boolean log = log(s);
    return chart(
        r,
        t,
        "latency-all",
        "Latency of all finished requests",
        "Every request that ended (ok, failed, timed out at its timeout, rejected), offer to"
            + " outcome, per "
            + t.windowText()
            + " window"
            + (log ? " (log scale)" : ""),
        "latency of all finished requests (ms)",
        log ? Scale.LOG : Scale.LINEAR,
        s);
  }

  private static boolean log(List<Series> s) {
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
    return max > 0 && max / min > LOG_RATIO;
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
    s.add(t.rate("ok", "ok (goodput)", Line.BOLD, WindowStats::ok));
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

  // ---------------------------------------------------------------- gauges and counters

  /**
   * The spec that draws gauge {@code name} of {@code r}: the one its node type declared, or, for a
   * gauge nobody declared (a hand-built simulation), one titled with the bare name on chart {@code
   * gauge-NAME}.
   */
  public static MetricSpec gaugeSpec(RunResult r, String name) {
    return r.metricSpec(MetricSpec.Kind.GAUGE, name)
        .orElseGet(
            () -> MetricSpec.gauge(safeName(name), name, name).chart("gauge-" + chartSlug(name)));
  }

  /**
   * The spec that draws counter {@code name} of {@code r}: the one its node type declared, or, for
   * a counter nobody declared, one titled with the bare name on chart {@code counter-NAME}.
   */
  public static MetricSpec counterSpec(RunResult r, String name) {
    return r.metricSpec(MetricSpec.Kind.COUNTER, name)
        .orElseGet(
            () ->
                MetricSpec.counter(safeName(name), name, name)
                    .chart("counter-" + chartSlug(name))
                    .describe("Counter " + name + ", per second"));
  }

  /** The id of every gauge chart {@code r} can draw. */
  public static Set<String> gaugeChartIds(RunResult r) {
    Set<String> out = new LinkedHashSet<>();
    r.gauges().forEach(g -> out.add(gaugeSpec(r, g.name()).chart().id()));
    return out;
  }

  /** The id of every counter chart {@code r} can draw. */
  public static Set<String> counterChartIds(RunResult r) {
    Set<String> out = new LinkedHashSet<>();
    r.counterSeries().forEach(c -> out.add(counterSpec(r, c.name()).chart().id()));
    return out;
  }

  /** The chart that draws metric {@code name} of {@code r} (a gauge first), if it has one. */
  public static Optional<String> chartOfMetric(RunResult r, String name) {
    for (GaugeSeriesData g : r.gauges()) {
      if (g.name().equals(name)) {
        return Optional.of(gaugeSpec(r, name).chart().id());
      }
    }
    for (CounterSeries c : r.counterSeries()) {
      if (c.name().equals(name)) {
        return Optional.of(counterSpec(r, name).chart().id());
      }
    }
    return Optional.empty();
  }

  /** A metric as recorded (under {@code name}) and the spec that draws it. */
  private record Drawn(String name, MetricSpec spec) {}

  /** Charts by their declared order, then by the first metric's name. */
  private static final Comparator<Drawn> BY_ORDER =
      Comparator.comparingInt((Drawn d) -> d.spec().chart().order()).thenComparing(Drawn::name);

  /** Line styles of the metrics sharing a chart, in order, when groups are told apart by colour. */
  private static final Line[] SHARED_LINES = {Line.DASHED, Line.SOLID, Line.THIN, Line.BOLD};

  /** Colours of the metrics sharing a chart, in order, when only one group is drawn. */
  private static final Color[] SHARED_COLOURS = {
    Palette.SKY_BLUE, Palette.VERMILLION, Palette.BLUISH_GREEN, Palette.ORANGE, Palette.BLUE
  };

  static List<TimeChart> gaugeCharts(RunResult r, Axis t) {
    // Chart id -> its metrics, charts in declared order.
    Map<String, List<Drawn>> charts = charts(gaugeSpecs(r));
    Map<String, Integer> nodeColour = nodeColours(r);
    Map<String, Integer> groupColour = groupColours(r);
    List<TimeChart> out = new ArrayList<>();
    for (List<Drawn> specs : charts.values()) {
      MetricSpec.Chart c = specs.get(0).spec().chart();
      boolean mean = c.aggregate() == MetricSpec.Aggregate.MEAN;
      List<GaugeSeriesData> data = new ArrayList<>();
      for (Drawn m : specs) {
        for (GaugeSeriesData g : r.gauges()) {
          if (g.name().equals(m.name())) {
            data.add(g);
          }
        }
      }
      boolean shared = specs.size() > 1;
      List<Series> series = new ArrayList<>();
      String how;
      if (data.size() <= MAX_NODE_LINES) {
        for (GaugeSeriesData g : data) {
          int k = indexOf(specs, g.name());
          String label = label(g.nodeName(), specs.get(k).spec());
          series.add(
              t.perWindow(
                  shared ? g.nodeName() + "." + g.name() : g.nodeName(),
                  label,
                  Palette.cycle(nodeColour.getOrDefault(g.nodeName(), 0)),
                  shared ? SHARED_LINES[k % SHARED_LINES.length] : Line.SOLID,
                  g.mean()));
        }
        how = "one line per node";
      } else {
        for (Drawn m : specs) {
          int k = indexOf(specs, m.name());
          Map<String, List<GaugeSeriesData>> groups = new LinkedHashMap<>();
          for (GaugeSeriesData g : data) {
            if (g.name().equals(m.name())) {
              groups.computeIfAbsent(g.group(), x -> new ArrayList<>()).add(g);
            }
          }
          for (Map.Entry<String, List<GaugeSeriesData>> ge : groups.entrySet()) {
            double[] y = aggregate(ge.getValue(), t.windows, mean);
            int n = ge.getValue().size();
            series.add(
                t.perWindow(
                    shared ? ge.getKey() + "." + m.name() : ge.getKey(),
                    label(ge.getKey(), m.spec()) + " (" + n + ")",
                    Palette.cycle(groupColour.getOrDefault(ge.getKey(), 0)),
                    shared ? SHARED_LINES[k % SHARED_LINES.length] : Line.SOLID,
                    y));
          }
        }
        how = mean ? "mean per node of each group" : "summed over each group's nodes";
      }
      if (!anyNonZero(series) && !asked(r, c.id())) {
        continue;
      }
      out.add(
          chart(
              r,
              t,
              c.id(),
              c.title(),
              c.description() + ", time-weighted mean per " + t.windowText() + " window, " + how,
              c.yLabel(),
              Scale.LINEAR,
              series));
    }
    return out;
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

  static List<TimeChart> counterCharts(RunResult r, Axis t) {
    Map<String, List<Drawn>> charts = charts(counterSpecs(r));
    Map<String, Integer> groupColour = groupColours(r);
    List<TimeChart> out = new ArrayList<>();
    for (List<Drawn> specs : charts.values()) {
      MetricSpec.Chart c = specs.get(0).spec().chart();
      boolean shared = specs.size() > 1;
      List<CounterSeries> data = new ArrayList<>();
      for (Drawn m : specs) {
        for (CounterSeries cs : r.counterSeries()) {
          if (cs.name().equals(m.name())) {
            data.add(cs);
          }
        }
      }
      boolean oneGroup = data.stream().map(CounterSeries::group).distinct().count() == 1;
      List<Series> series = new ArrayList<>();
      for (CounterSeries cs : data) {
        int k = indexOf(specs, cs.name());
        MetricSpec m = specs.get(k).spec();
        Line line = shared && !oneGroup ? SHARED_LINES[k % SHARED_LINES.length] : Line.SOLID;
        Color colour = Palette.cycle(groupColour.getOrDefault(cs.group(), 0));
        if (shared && oneGroup) {
          // One group: the chart's metrics are told apart by colour, not by dashes.
          colour = SHARED_COLOURS[k % SHARED_COLOURS.length];
        }
        String key = cs.group() + "." + cs.name();
        String label = label(cs.group(), m);
        Series s =
            c.runningTotal()
                ? t.perWindow(key, label, colour, line, runningTotal(cs.perWindow(), t.windows))
                : t.rate(key, label, colour, line, cs.perWindow());
        if (s.hasNonZero() || asked(r, c.id())) {
          series.add(s);
        }
      }
      if (series.isEmpty()) {
        continue;
      }
      String sub =
          c.runningTotal()
              ? c.description()
              : c.description() + " (per " + t.windowText() + " window)";
      out.add(chart(r, t, c.id(), c.title(), sub, c.yLabel(), Scale.LINEAR, series));
    }
    return out;
  }

  /** The gauges {@code r} recorded with their specs, each name once. */
  private static List<Drawn> gaugeSpecs(RunResult r) {
    Map<String, Drawn> out = new LinkedHashMap<>();
    r.gauges().forEach(g -> out.computeIfAbsent(g.name(), n -> new Drawn(n, gaugeSpec(r, n))));
    return new ArrayList<>(out.values());
  }

  /** The counters {@code r} recorded with their specs, each name once. */
  private static List<Drawn> counterSpecs(RunResult r) {
    Map<String, Drawn> out = new LinkedHashMap<>();
    r.counterSeries()
        .forEach(c -> out.computeIfAbsent(c.name(), n -> new Drawn(n, counterSpec(r, n))));
    return new ArrayList<>(out.values());
  }

  /**
   * {@code drawn} grouped by chart id: charts in the order of their first metric, metrics of one
   * chart in order; a chart takes its texts from its first metric.
   */
  private static Map<String, List<Drawn>> charts(List<Drawn> drawn) {
    List<Drawn> sorted = new ArrayList<>(drawn);
    sorted.sort(BY_ORDER);
    Map<String, List<Drawn>> out = new LinkedHashMap<>();
    for (Drawn m : sorted) {
      out.computeIfAbsent(m.spec().chart().id(), k -> new ArrayList<>()).add(m);
    }
    return out;
  }

  private static int indexOf(List<Drawn> specs, String name) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).name().equals(name)) {
        return i;
      }
    }
    return 0;
  }

  /** A line's legend: its node or group, and the metric's legend word on a shared chart. */
  private static String label(String who, MetricSpec m) {
    String legend = m.chart().legend();
    return legend.isEmpty() ? who : who + " " + legend;
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

  /** A metric name as a spec name: one recorded under any other text is drawn all the same. */
  private static String safeName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_]", "_");
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "m" + s : s;
  }

  /** A chart-id-safe form of a metric name: lower case, other characters as {@code -}. */
  private static String chartSlug(String name) {
    String s =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "x" : s;
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

  /**
   * Whether the scenario's {@code report.charts} names chart {@code id}: then a chart of nothing
   * but zeros is drawn too, since zero is what it was asked to show (a value never chosen, say).
   */
  private static boolean asked(RunResult r, String id) {
    return r.info() != null && r.info().charts().contains(id);
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

  /** The time axis of a run: window centres and lengths in seconds. */
  static final class Axis {
    final int windows;
    final double[] x;
    final double[] length;
    final double windowSeconds;
    final List<WindowStats> stats;

    Axis(RunResult r) {
      // A run without requests draws none of their charts; its windows read as empty.
      RequestSummary q = r.requestsOrNone();
      stats = q.windows();
      windows = r.windowCount();
      windowSeconds = r.windowNanos() / 1e9;
      x = new double[windows];
      length = new double[windows];
      for (int i = 0; i < windows; i++) {
        long start = i * r.windowNanos();
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
        y[i] = i < stats.size() ? f.applyAsDouble(stats.get(i)) : Double.NaN;
      }
      return new Series(key, label, x, y, c, line);
    }

    /** A request count per window as a rate per second, colour fixed by the figure's name. */
    Series rate(String key, String label, Line line, ToDoubleFunction<WindowStats> f) {
      double[] y = new double[windows];
      for (int i = 0; i < windows; i++) {
        y[i] = i < stats.size() ? f.applyAsDouble(stats.get(i)) / length[i] : Double.NaN;
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
