package dev.sim.report;

import dev.sim.kernel.metrics.ChartNames;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.ChartFile;
import dev.sim.report.chart.ChartRenderer;
import dev.sim.report.chart.SpaceTimeDiagram;
import dev.sim.report.chart.TimeChart;
import dev.sim.report.chart.TimeCharts;
import dev.sim.report.html.ReportPage;
import dev.sim.report.io.RenderedFiles;
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
   * Renders the charts named in {@code charts} (all of them when empty; chart ids as {@link
   * dev.sim.kernel.metrics.ChartNames#available} lists them for the run's metric specs, {@code
   * gauges} or {@code counters} for all of a kind, or a metric's name for its chart) and the page
   * into {@code dir}, in the set's iteration order (pass an ordered set: report.charts is a list);
   * returns the files written, page last.
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
    RenderedFiles.replace(dir, out);
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
      if (selected(r, c.id(), charts)) {
        shown.add(c);
      }
    }
    // report.charts lists charts in the order the page shows them; a stable sort keeps the
    // report's own order among charts one entry selects together (gauges, counters).
    List<String> order = new ArrayList<>(charts);
    shown.sort(java.util.Comparator.comparingInt(c -> rank(r, c.id(), order)));
    double axisWidth = valueAxisWidth(shown);
    List<Callable<ChartFile>> jobs = new ArrayList<>();
    for (TimeChart c : shown) {
      jobs.add(() -> ChartRenderer.write(c, dir, axisWidth));
    }
    SpaceTimeDiagram st = SpaceTimeDiagram.of(r);
    if (st != null && selected(r, ChartNames.SPACETIME, charts)) {
      jobs.add(() -> st.write(dir));
    }
    return Parallel.run(jobs);
  }

  /** The position of the first entry of {@code order} that selects chart {@code id}; 0 if none. */
  private static int rank(RunResult r, String id, List<String> order) {
    for (int i = 0; i < order.size(); i++) {
      if (selected(r, id, Set.of(order.get(i)))) {
        return i;
      }
    }
    return 0;
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

  /**
   * Whether chart {@code id} of run {@code r} is among {@code names} (or names is empty, meaning
   * all): by its id, by {@code gauges} or {@code counters} for every chart of that kind, or by the
   * name of a metric it draws (a gauge's name selects the chart its spec puts it on).
   */
  static boolean selected(RunResult r, String id, Set<String> names) {
    if (names == null || names.isEmpty()) {
      return true;
    }
    for (String n : names) {
      String name = n.trim();
      if (name.equals(id)
          || TimeCharts.chartOfMetric(r, name).filter(id::equals).isPresent()
          || name.toLowerCase(Locale.ROOT).equals(ChartNames.GAUGES)
              && TimeCharts.gaugeChartIds(r).contains(id)
          || name.toLowerCase(Locale.ROOT).equals(ChartNames.COUNTERS)
              && TimeCharts.counterChartIds(r).contains(id)) {
        return true;
      }
    }
    return false;
  }
}
