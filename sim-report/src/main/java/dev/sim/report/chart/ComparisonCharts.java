package dev.sim.report.chart;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.report.chart.Series.Line;
import dev.sim.report.chart.TimeChart.Scale;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Overlays two runs on the same axes: yield, latency p99 and successful throughput (when either ran
 * requests), then every metric both runs recorded whose spec asks to be compared (gauges by
 * default; counters that say so, such as GC pause time), in chart order. Run A is always blue, run
 * B always orange.
 */
public final class ComparisonCharts {
  /** Colour of the first run. */
  public static final Color A = Palette.BLUE;

  /** Colour of the second run. */
  public static final Color B = Palette.ORANGE;

  private ComparisonCharts() {}

  /** The legend labels of two runs: scenario and seed, told apart by a letter when equal. */
  public static String[] labels(RunResult a, RunResult b) {
    String la = a.scenario() + " seed " + a.seed();
    String lb = b.scenario() + " seed " + b.seed();
    if (la.equals(lb)) {
      return new String[] {"A: " + la, "B: " + lb};
    }
    return new String[] {la, lb};
  }

  /** Every overlay chart that has data in at least one of the runs, in page order. */
  public static List<TimeChart> forRuns(RunResult a, RunResult b) {
    String[] label = labels(a, b);
    String prefix = label[0] + " vs " + label[1] + " — ";
    TimeCharts.Axis ta = new TimeCharts.Axis(a);
    TimeCharts.Axis tb = new TimeCharts.Axis(b);
    List<Band> bands =
        new ArrayList<>(new LinkedHashSet<>(concat(TimeCharts.bands(a), TimeCharts.bands(b))));
    double warmup = Math.max(a.warmupNanos(), b.warmupNanos()) / 1e9;
    double end = Math.max(a.simulatedNanos(), b.simulatedNanos()) / 1e9;
    List<TimeChart> out = new ArrayList<>();

    Builder c = new Builder(prefix, bands, warmup, end);
    c.add(
        "compare-yield",
        "Yield",
        "Requests answered OK out of those offered, per window",
        "yield (answered OK)",
        Scale.FRACTION,
        ta.series("A", label[0], A, Line.BOLD, WindowStats::yield),
        tb.series("B", label[1], B, Line.BOLD, WindowStats::yield),
        out);

    Series pa = ta.series("A", label[0], A, Line.SOLID, WindowStats::latencyP99Ms);
    Series pb = tb.series("B", label[1], B, Line.SOLID, WindowStats::latencyP99Ms);
    boolean log = spansDecades(pa, pb);
    c.add(
        "compare-latency-p99",
        "Latency p99",
        "99th percentile latency of successful requests, per window" + (log ? " (log scale)" : ""),
        "latency p99 (ms)",
        log ? Scale.LOG : Scale.LINEAR,
        pa,
        pb,
        out);

    c.add(
        "compare-throughput-ok",
        "Successful throughput",
        "Requests answered OK per second (by offer window)",
        "ok per second",
        Scale.LINEAR,
        ta.rate("A", label[0], A, Line.SOLID, okCounts(a)),
        tb.rate("B", label[1], B, Line.SOLID, okCounts(b)),
        out);

    for (MetricSpec m : compared(a, b)) {
      MetricSpec.Chart spec = m.chart();
      String id = "compare-" + spec.id();
      if (m.kind() == MetricSpec.Kind.GAUGE) {
        boolean mean = spec.aggregate() == MetricSpec.Aggregate.MEAN;
        c.add(
            id,
            spec.title(),
            (mean ? "Mean over all nodes" : "Sum over all nodes")
                + ", time-weighted mean per window",
            spec.yLabel(),
            Scale.LINEAR,
            ta.perWindow("A", label[0], A, Line.SOLID, gaugeTotal(a, m.name(), ta.windows, mean)),
            tb.perWindow("B", label[1], B, Line.SOLID, gaugeTotal(b, m.name(), tb.windows, mean)),
            out);
      } else {
        c.add(
            id,
            spec.title(),
            spec.title() + ", summed over all nodes",
            spec.yLabel(),
            Scale.LINEAR,
            ta.rate("A", label[0], A, Line.SOLID, counterTotal(a, m.name(), ta.windows)),
            tb.rate("B", label[1], B, Line.SOLID, counterTotal(b, m.name(), tb.windows)),
            out);
      }
    }
    return out;
  }

  private record Builder(String prefix, List<Band> bands, double warmup, double end) {
    void add(
        String id,
        String what,
        String subtitle,
        String yLabel,
        Scale scale,
        Series a,
        Series b,
        List<TimeChart> out) {
      boolean any = a.hasData() || b.hasData();
      if (scale == Scale.LINEAR) {
        any = a.hasNonZero() || b.hasNonZero();
      }
      if (any) {
        out.add(
            new TimeChart(
                id,
                prefix + what,
                subtitle,
                yLabel,
                scale,
                List.of(a, b),
                bands,
                List.of(),
                warmup,
                end));
      }
    }
  }

  private static boolean spansDecades(Series a, Series b) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Series s : List.of(a, b)) {
      for (double v : s.y()) {
        if (v > 0) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return max > 0 && max / min > TimeCharts.LOG_RATIO;
  }

  private static long[] okCounts(RunResult r) {
    return r.requestsOrNone().windows().stream().mapToLong(WindowStats::ok).toArray();
  }

  /**
   * The metrics both runs recorded whose chart is compared, each once, gauges then counters, in
   * chart order; a chart shared by several metrics is compared through its first. Run A's specs
   * title the charts.
   */
  private static List<MetricSpec> compared(RunResult a, RunResult b) {
    List<MetricSpec> out = new ArrayList<>();
    for (MetricSpec.Kind kind : List.of(MetricSpec.Kind.GAUGE, MetricSpec.Kind.COUNTER)) {
      List<MetricSpec> both = new ArrayList<>();
      Set<String> charts = new LinkedHashSet<>();
      for (String name : recorded(a, kind)) {
        if (recorded(b, kind).contains(name)) {
          MetricSpec m =
              kind == MetricSpec.Kind.GAUGE
                  ? TimeCharts.gaugeSpec(a, name)
                  : TimeCharts.counterSpec(a, name);
          if (m.chart().compared()) {
            both.add(m);
          }
        }
      }
      both.sort(
          Comparator.comparingInt((MetricSpec m) -> m.chart().order())
              .thenComparing(MetricSpec::name));
      for (MetricSpec m : both) {
        if (charts.add(m.chart().id())) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private static Set<String> recorded(RunResult r, MetricSpec.Kind kind) {
    Set<String> s = new LinkedHashSet<>();
    if (kind == MetricSpec.Kind.GAUGE) {
      r.gauges().forEach(g -> s.add(g.name()));
    } else {
      r.counterSeries().forEach(c -> s.add(c.name()));
    }
    return s;
  }

  private static double[] gaugeTotal(RunResult r, String name, int windows, boolean mean) {
    double[] sum = new double[windows];
    int[] n = new int[windows];
    for (GaugeSeriesData g : r.gauges()) {
      if (!g.name().equals(name)) {
        continue;
      }
      for (int i = 0; i < windows && i < g.mean().length; i++) {
        if (!Double.isNaN(g.mean()[i])) {
          sum[i] += g.mean()[i];
          n[i]++;
        }
      }
    }
    double[] y = new double[windows];
    for (int i = 0; i < windows; i++) {
      y[i] = n[i] == 0 ? Double.NaN : mean ? sum[i] / n[i] : sum[i];
    }
    return y;
  }

  private static long[] counterTotal(RunResult r, String name, int windows) {
    long[] y = new long[windows];
    for (CounterSeries c : r.counterSeries()) {
      if (c.name().equals(name)) {
        for (int i = 0; i < windows && i < c.perWindow().length; i++) {
          y[i] += c.perWindow()[i];
        }
      }
    }
    return y;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
