package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.ComparisonCharts;
import dev.sim.report.chart.Series;
import dev.sim.report.chart.TimeChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
  @TempDir Path dir;

  private final RunResult a = Fixtures.spiral(600, "gc-spiral", 42);
  private final RunResult b = Fixtures.spiral(600, "gc-spiral-shedding", 43);

  @Test
  void overlaysBothRunsLabelledByScenarioAndSeed() {
    List<TimeChart> charts = ComparisonCharts.forRuns(a, b);
    assertThat(charts)
        .extracting(TimeChart::id)
        .startsWith("compare-yield", "compare-latency-p99", "compare-throughput-ok")
        .contains("compare-queue", "compare-heap", "compare-gc");
    for (TimeChart c : charts) {
      if (c.id().equals("compare-attempts")) {
        // Each run's attempts and offered load: two lines a run (ComparisonOmissionTest).
        continue;
      }
      assertThat(c.series())
          .extracting(Series::label)
          .containsExactly("gc-spiral seed 42", "gc-spiral-shedding seed 43");
      assertThat(c.series())
          .extracting(Series::color)
          .containsExactly(ComparisonCharts.A, ComparisonCharts.B);
    }
    TimeChart y = charts.get(0);
    assertThat(y.series().get(0).y()[100])
        .isEqualTo(a.requests().orElseThrow().windows().get(100).yield());
    assertThat(y.title()).isEqualTo("gc-spiral seed 42 vs gc-spiral-shedding seed 43 — Yield");
  }

  @Test
  void runsWithTheSameNameAreToldApartByLetter() {
    assertThat(ComparisonCharts.labels(a, a))
        .containsExactly("A: gc-spiral seed 42", "B: gc-spiral seed 42");
  }

  @Test
  void writesChartsAndAPageThatLinksOnlyToThem() throws Exception {
    List<Path> files = Comparison.render(a, b, dir);
    assertThat(files.get(files.size() - 1)).isEqualTo(dir.resolve("compare.html"));
    for (Path p : files) {
      if (p.toString().endsWith(".png")) {
        PageFiles.assertPicture(p);
      } else if (p.toString().endsWith(".svg")) {
        PageFiles.parseSvg(p);
      }
    }
    String page = Files.readString(dir.resolve("compare.html"));
    PageFiles.assertLinksResolve(page, dir);
    assertThat(page)
        .contains("gc-spiral-shedding seed 43")
        .contains("latency p99")
        .doesNotContain("<script>");
  }
}
