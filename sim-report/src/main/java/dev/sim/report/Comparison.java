package dev.sim.report;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.ChartFile;
import dev.sim.report.chart.ChartRenderer;
import dev.sim.report.chart.ComparisonCharts;
import dev.sim.report.chart.TimeChart;
import dev.sim.report.html.ComparePage;
import dev.sim.report.io.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Compares two runs (e.g. {@code gc-spiral} and {@code gc-spiral-shedding} with the same seed):
 * overlays their yield, latency p99, successful throughput and shared gauges on the same axes, and
 * writes {@code compare.html} beside the charts ({@code compare-*.png}/{@code .svg}).
 */
public final class Comparison {
  /** The page's file name. */
  public static final String PAGE = "compare.html";

  private Comparison() {}

  /**
   * Writes the overlay charts and {@code compare.html} into {@code outDir}; returns the files
   * written.
   */
  public static List<Path> render(RunResult a, RunResult b, Path outDir) throws IOException {
    return render(a, b, null, outDir);
  }

  /**
   * Writes the overlay charts and {@code compare.html} into {@code outDir}, with where the two
   * runs' traces part when {@code divergence} is given ({@code sim diff}); returns the files
   * written.
   */
  public static List<Path> render(RunResult a, RunResult b, Divergence divergence, Path outDir)
      throws IOException {
    Files.createDirectories(outDir);
    ComparisonCharts.Overlays overlays = ComparisonCharts.overlays(a, b);
    List<ChartFile> written = writeCharts(overlays.charts(), outDir);
    Path page =
        RunFolder.writeAtomically(
            outDir.resolve(PAGE),
            ComparePage.html(a, b, divergence, written, overlays.leftOut(), outDir));
    List<Path> out = new ArrayList<>();
    for (ChartFile c : written) {
      out.add(c.png());
      out.add(c.svg());
    }
    out.add(page);
    return out;
  }

  /**
   * Writes the overlay charts into {@code outDir}, all with one value-axis width so their data
   * areas line up down the page; returns them in page order.
   */
  static List<ChartFile> writeCharts(RunResult a, RunResult b, Path outDir) throws IOException {
    return writeCharts(ComparisonCharts.forRuns(a, b), outDir);
  }

  /** Writes {@code charts}, all with one value-axis width; returns them in page order. */
  static List<ChartFile> writeCharts(List<TimeChart> charts, Path outDir) throws IOException {
    double axisWidth = Report.valueAxisWidth(charts);
    List<Callable<ChartFile>> jobs = new ArrayList<>();
    for (TimeChart c : charts) {
      jobs.add(() -> ChartRenderer.write(c, outDir, axisWidth));
    }
    return Parallel.run(jobs);
  }
}
