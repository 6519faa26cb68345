package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.ChartFile;
import dev.sim.report.chart.ChartRenderer;
import dev.sim.report.chart.ComparisonCharts;
import dev.sim.report.chart.TimeCharts;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time charts of one page share their data area's left and right edges, so a fault band or an
 * instant sits at the same x on every chart down the page. Their value axes alone would differ in
 * width ({@code 100%} beside {@code 14,000} beside {@code 1,000} on a log axis), which is why the
 * first check is that the fixture's charts do need different widths.
 */
class PlotEdgesTest {
  @TempDir Path dir;

  private final RunResult spiral = Fixtures.spiral();

  @Test
  void theFixturesChartsNeedValueAxesOfDifferentWidths() {
    double[] widths =
        TimeCharts.forRun(spiral).stream().mapToDouble(ChartRenderer::valueAxisWidth).toArray();
    assertThat(widths).hasSizeGreaterThanOrEqualTo(8);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double w : widths) {
      min = Math.min(min, w);
      max = Math.max(max, w);
    }
    assertThat(max - min).as("spread of the natural value-axis widths").isGreaterThan(5);
  }

  @Test
  void everyTimeChartOfAReportHasTheSameDataAreaEdges() throws Exception {
    List<ChartFile> charts =
        Report.writeCharts(spiral, dir, Set.of()).stream()
            .filter(c -> !c.id().equals("spacetime"))
            .toList();
    assertThat(charts).hasSizeGreaterThanOrEqualTo(8);
    assertSameEdges(charts);
  }

  @Test
  void aSelectionOfChartsIsAlignedAmongItself() throws Exception {
    // Yield needs a narrow axis, GC pause time a wide one.
    List<ChartFile> charts =
        Report.writeCharts(spiral, dir, new LinkedHashSet<>(List.of("yield", "gc")));
    assertThat(charts).extracting(ChartFile::id).containsExactly("yield", "gc");
    assertSameEdges(charts);
  }

  @Test
  void everyOverlayChartOfAComparisonHasTheSameDataAreaEdges() throws Exception {
    RunResult other = Fixtures.spiral(400, "gc-spiral-shedding", 7);
    List<ChartFile> charts = Comparison.writeCharts(spiral, other, dir);
    assertThat(charts).hasSize(ComparisonCharts.forRuns(spiral, other).size());
    assertThat(charts).hasSizeGreaterThanOrEqualTo(5);
    assertSameEdges(charts);
  }

  private static void assertSameEdges(List<ChartFile> charts) {
    ChartFile first = charts.get(0);
    assertThat(first.plotRight() - first.plotLeft()).isGreaterThan(ChartRenderer.WIDTH / 2.0);
    for (ChartFile c : charts) {
      assertThat(c.plotLeft()).as("left edge of %s", c.id()).isEqualTo(first.plotLeft());
      assertThat(c.plotRight()).as("right edge of %s", c.id()).isEqualTo(first.plotRight());
    }
  }
}
