package dev.sim.report.chart;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.report.chart.Series.Line;
import dev.sim.report.chart.TimeChart.Scale;
import dev.sim.report.text.Format;
import dev.sim.report.text.RunDifference;
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

  /**
   * The legend labels of two runs: what differs between them in a few words (see {@link
   * RunDifference#labels}); scenario and seed, told apart by a letter when equal, for runs that
   * recorded no settings.
   */
  public static String[] labels(RunResult a, RunResult b) {
    return RunDifference.of(a, b).labels();
  }

  /**
   * The overlay charts of two runs and the charts left out.
   *
   * @param charts the charts in page order
   * @param leftOut one phrase per chart left out because both runs drew the same lines, e.g.
   *     "Healthy backends (the same flat 2 in both runs)"
   */
  public record Overlays(List<TimeChart> charts, List<String> leftOut) {}

  /** Every overlay chart that has data in at least one of the runs, in page order. */
  public static List<TimeChart> forRuns(RunResult a, RunResult b) {
    return overlays(a, b).charts();
  }

  /**
   * Every overlay chart that tells the runs apart, in page order: those with data in at least one
   * run whose two runs' lines differ. A chart whose lines are the same in both runs (a flat
   * "healthy backends = 2" where no health check runs) has nothing to compare, and is listed in
   * {@link Overlays#leftOut} instead.
   */
  public static Overlays overlays(RunResult a, RunResult b) {
    RunDifference diff = RunDifference.of(a, b);
    String[] label = diff.labels();
    String prefix = diff.recorded() ? diff.caption() + " — " : label[0] + " vs " + label[1] + " — ";
    TimeCharts.Axis ta = new TimeCharts.Axis(a);
    TimeCharts.Axis tb = new TimeCharts.Axis(b);
    List<Band> bands =
        new ArrayList<>(new LinkedHashSet<>(concat(TimeCharts.bands(a), TimeCharts.bands(b))));
    double warmup = Math.max(a.warmupNanos(), b.warmupNanos()) / 1e9;
    double end = Math.max(a.simulatedNanos(), b.simulatedNanos()) / 1e9;
    List<TimeChart> out = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();

    Builder c = new Builder(prefix, bands, warmup, end, leftOut);
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
        "Latency p99 of successful requests",
        "99th percentile latency of successful requests only, per window"
            + (log ? " (log scale)" : ""),
        "p99 of successful requests (ms)",
        log ? Scale.LOG : Scale.LINEAR,
        pa,
        pb,
        out);

    // Beside it, every finished request's: a run whose requests time out is not faster.
    Series qa = ta.series("A", label[0], A, Line.SOLID, WindowStats::allP99Ms);
    Series qb = tb.series("B", label[1], B, Line.SOLID, WindowStats::allP99Ms);
    boolean logAll = spansDecades(qa, qb);
    c.add(
        "compare-latency-all-p99",
        "Latency p99 of all finished requests",
        "99th percentile latency of every request that ended (a timeout at its timeout), per"
            + " window"
            + (logAll ? " (log scale)" : ""),
        "p99 of all finished requests (ms)",
        logAll ? Scale.LOG : Scale.LINEAR,
        qa,
        qb,
        out);

    c.add(
        "compare-throughput-ok",
        "Goodput",
        "Requests answered OK per second (by offer window)",
        "goodput: ok per second",
        Scale.LINEAR,
        ta.rate("A", label[0], A, Line.SOLID, okCounts(a)),
        tb.rate("B", label[1], B, Line.SOLID, okCounts(b)),
        out);

    // Tries against offered load: the gap between each run's pair is its retry amplification.
    c.add(
        "compare-attempts",
        "Attempts against offered load",
        "Tries sent (solid) and requests offered (dashed) per second",
        "per second",
        Scale.LINEAR,
        List.of(
            ta.rate("A", label[0] + " attempts", A, Line.SOLID, counts(a, WindowStats::attempts)),
            ta.rate(
                "A-offered",
                label[0] + " offered",
                A,
                Line.DASHED,
                counts(a, WindowStats::offered)),
            tb.rate("B", label[1] + " attempts", B, Line.SOLID, counts(b, WindowStats::attempts)),
            tb.rate(
                "B-offered",
                label[1] + " offered",
                B,
                Line.DASHED,
                counts(b, WindowStats::offered))),
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
    return new Overlays(List.copyOf(out), List.copyOf(leftOut));
  }

  private record Builder(
      String prefix, List<Band> bands, double warmup, double end, List<String> leftOut) {
    void add(
        String id,
        String what,
        String subtitle,
        String yLabel,
        Scale scale,
        Series a,
        Series b,
        List<TimeChart> out) {
      add(id, what, subtitle, yLabel, scale, List.of(a, b), out);
    }

    /** {@code series} alternate between the runs: A's lines, then B's, in the same order. */
    void add(
        String id,
        String what,
        String subtitle,
        String yLabel,
        Scale scale,
        List<Series> series,
        List<TimeChart> out) {
      boolean any = series.stream().anyMatch(Series::hasData);
      if (scale == Scale.LINEAR) {
        any = series.stream().anyMatch(Series::hasNonZero);
      }
      if (!any) {
        return;
      }
      int half = series.size() / 2;
      boolean same = true;
      for (int i = 0; i < half; i++) {
        same &= sameLine(series.get(i), series.get(half + i));
      }
      if (same) {
        double flat = flatValue(series.get(0));
        leftOut.add(
            what
                + (series.size() == 2 && !Double.isNaN(flat)
                    ? " (the same flat " + Format.number(flat) + " in both runs)"
                    : " (the same lines in both runs)"));
        return;
      }
      out.add(
          new TimeChart(
              id, prefix + what, subtitle, yLabel, scale, series, bands, List.of(), warmup, end));
    }
  }

  /** Whether two runs' series draw the same line: the same values at the same times. */
  static boolean sameLine(Series a, Series b) {
    if (a.x().length != b.x().length) {
      return false;
    }
    for (int i = 0; i < a.x().length; i++) {
      if (a.x()[i] != b.x()[i] || !close(a.y()[i], b.y()[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean close(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  /** The one value a series holds in every window where it is defined, or NaN if it varies. */
  private static double flatValue(Series s) {
    double v = Double.NaN;
    for (double y : s.y()) {
      if (Double.isNaN(y)) {
        continue;
      }
      if (Double.isNaN(v)) {
        v = y;
      } else if (!close(v, y)) {
        return Double.NaN;
      }
    }
    return v;
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
    return counts(r, WindowStats::ok);
  }

  private static long[] counts(RunResult r, java.util.function.ToLongFunction<WindowStats> f) {
    return r.requestsOrNone().windows().stream().mapToLong(f).toArray();
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
