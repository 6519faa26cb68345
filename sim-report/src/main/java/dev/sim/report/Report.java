package dev.sim.report;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.ChartFile;
import dev.sim.report.chart.ChartRenderer;
import dev.sim.report.chart.SpaceTimeDiagram;
import dev.sim.report.chart.TimeChart;
import dev.sim.report.chart.TimeCharts;
import dev.sim.report.html.ReportPage;
import dev.sim.report.io.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Renders one run: every chart as PNG and SVG, then {@code report.html} linking them. Reads nothing
 * but the {@link RunResult}, so a report can be rendered again from a saved run folder ({@link
 * RunFolder#read}). Charts are drawn on up to {@link Parallel#MAX_THREADS} threads of its own (each
 * chart is independent and files are written the same either way); render one run into one folder
 * at a time.
 */
public final class Report {
  /** The page's file name. */
  public static final String PAGE = "report.html";

  /**
   * Chart names a scenario's {@code report.charts} list may use. Besides these, a gauge or counter
   * name selects its chart ({@code heapLiveMB}, {@code gcPauseMs}, {@code shed}, ...).
   */
  public static final List<String> CHART_NAMES =
      List.of(
          "yield",
          "harvest",
          "latency",
          "throughput",
          "queue",
          "inflight",
          "heap",
          "healthy-backends",
          "gc",
          "gc-collections",
          "oom",
          "shed",
          "retries",
          "retry-budget",
          "throttled",
          "hedges",
          "ejections",
          "no-backend",
          "lost-writes",
          "spacetime",
          "gauges",
          "counters");

  private Report() {}

  /**
   * Renders the charts the run's scenario asked for ({@code RunInfo.charts}; every chart that has
   * data when it asked for none), and the page, into {@code dir}; returns the files written.
   */
  public static List<Path> render(RunResult r, Path dir) throws IOException {
    List<String> wanted = r.info() == null ? List.of() : r.info().charts();
    return render(r, dir, new java.util.LinkedHashSet<>(wanted));
  }

  /**
   * Renders the charts named in {@code charts} (all of them when empty; names as in {@link
   * #CHART_NAMES}, or a gauge or counter name) and the page into {@code dir}; returns the files
   * written, page last.
   */
  public static List<Path> render(RunResult r, Path dir, Set<String> charts) throws IOException {
    Files.createDirectories(dir);
    List<ChartFile> written = writeCharts(r, dir, charts);
    Path page = RunFolder.writeAtomically(dir.resolve(PAGE), ReportPage.html(r, written, dir));
    List<Path> out = new ArrayList<>();
    for (ChartFile c : written) {
      out.add(c.png());
      out.add(c.svg());
    }
    out.add(page);
    return out;
  }

  /**
   * Writes the charts named in {@code charts} (all when empty) into {@code dir}, every time chart
   * with one value-axis width so their data areas line up down the page; returns them in page
   * order.
   */
  static List<ChartFile> writeCharts(RunResult r, Path dir, Set<String> charts) throws IOException {
    List<TimeChart> shown = new ArrayList<>();
    for (TimeChart c : TimeCharts.forRun(r)) {
      if (selected(c.id(), charts)) {
        shown.add(c);
      }
    }
    double axisWidth = valueAxisWidth(shown);
    List<Callable<ChartFile>> jobs = new ArrayList<>();
    for (TimeChart c : shown) {
      jobs.add(() -> ChartRenderer.write(c, dir, axisWidth));
    }
    SpaceTimeDiagram st = SpaceTimeDiagram.of(r);
    if (st != null && selected("spacetime", charts)) {
      jobs.add(() -> st.write(dir));
    }
    return Parallel.run(jobs);
  }

  /**
   * The value-axis width every chart of {@code charts} is drawn with: the widest any of them needs
   * alone, measured on the report's threads (measuring draws each chart once).
   */
  static double valueAxisWidth(List<TimeChart> charts) throws IOException {
    List<Callable<Double>> jobs = new ArrayList<>();
    for (TimeChart c : charts) {
      jobs.add(() -> ChartRenderer.valueAxisWidth(c));
    }
    return ChartRenderer.valueAxisWidth(
        Parallel.run(jobs).stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Whether chart {@code id} is among {@code names} (or names is empty, meaning all). */
  static boolean selected(String id, Set<String> names) {
    if (names == null || names.isEmpty()) {
      return true;
    }
    for (String n : names) {
      String name = n.trim();
      if (name.equals(id)
          || TimeCharts.gaugeChartId(name).equals(id)
          || TimeCharts.counterChartId(name).equals(id)
          || name.toLowerCase(Locale.ROOT).equals("gauges") && isGaugeChart(id)
          || name.toLowerCase(Locale.ROOT).equals("counters") && isCounterChart(id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGaugeChart(String id) {
    return id.equals("queue")
        || id.equals("inflight")
        || id.equals("heap")
        || id.equals("healthy-backends")
        || id.startsWith("gauge-");
  }

  private static boolean isCounterChart(String id) {
    return !isGaugeChart(id)
        && !id.equals("spacetime")
        && !List.of("yield", "harvest", "latency", "throughput").contains(id);
  }
}
