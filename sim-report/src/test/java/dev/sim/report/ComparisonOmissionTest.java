package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.ComparisonCharts;
import dev.sim.report.chart.TimeChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison overlays the charts that tell two runs apart and names those it leaves out. */
class ComparisonOmissionTest {
  @TempDir Path dir;

  /** {@code r} with a balancer's healthy-backends gauge at {@code value} in every window. */
  private static RunResult withHealthyBackends(RunResult r, double value) {
    double[] flat = new double[r.windowCount()];
    Arrays.fill(flat, value);
    List<GaugeSeriesData> gauges = new ArrayList<>(r.gauges());
    gauges.add(new GaugeSeriesData(1, "lb", "lb", "healthyBackends", flat, flat.clone()));
    List<MetricSpec> specs = new ArrayList<>(r.metricSpecs());
    specs.add(MetricSpec.gauge("healthyBackends", "Healthy backends", "backends").averaged());
    return r.toBuilder().gauges(gauges).metricSpecs(specs).build();
  }

  private final RunResult a = withHealthyBackends(Fixtures.spiral(300, "gc-spiral", 42), 2);
  private final RunResult b = withHealthyBackends(Fixtures.spiral(300, "gc-spiral", 43), 2);

  @Test
  void aFlatLineEqualInBothRunsIsLeftOutAndSaidSo() throws Exception {
    ComparisonCharts.Overlays o = ComparisonCharts.overlays(a, b);
    assertThat(o.charts())
        .extracting(TimeChart::id)
        .contains("compare-yield", "compare-attempts", "compare-queue")
        .doesNotContain("compare-healthy-backends");
    assertThat(o.leftOut()).containsExactly("Healthy backends (the same flat 2 in both runs)");

    Comparison.render(a, b, dir);
    assertThat(dir.resolve("compare-healthy-backends.png")).doesNotExist();
    assertThat(Files.readString(dir.resolve("compare.html")))
        .contains(
            "Left out, as both runs drew the same lines there: Healthy backends (the same flat 2"
                + " in both runs).");
  }

  @Test
  void aFlatLineThatDiffersBetweenTheRunsIsDrawn() {
    RunResult three = withHealthyBackends(Fixtures.spiral(300, "gc-spiral", 43), 3);
    ComparisonCharts.Overlays o = ComparisonCharts.overlays(a, three);
    assertThat(o.charts()).extracting(TimeChart::id).contains("compare-healthy-backends");
    assertThat(o.leftOut()).isEmpty();
  }

  @Test
  void twoIdenticalRunsLeaveEveryChartOut() {
    ComparisonCharts.Overlays o = ComparisonCharts.overlays(a, a);
    assertThat(o.charts()).isEmpty();
    assertThat(o.leftOut())
        .contains(
            "Yield (the same lines in both runs)",
            "Attempts against offered load (the same lines in both runs)",
            "Healthy backends (the same flat 2 in both runs)");
  }

  @Test
  void attemptsAreDrawnAgainstOfferedLoadForEachRun() {
    TimeChart c =
        ComparisonCharts.overlays(a, b).charts().stream()
            .filter(t -> t.id().equals("compare-attempts"))
            .findFirst()
            .orElseThrow();
    assertThat(c.series())
        .extracting(s -> s.key())
        .containsExactly("A", "A-offered", "B", "B-offered");
    double window = a.windowNanos() / 1e9;
    assertThat(c.series().get(0).y()[200])
        .isEqualTo(a.requests().orElseThrow().windows().get(200).attempts() / window);
    assertThat(c.series().get(3).y()[200])
        .isEqualTo(b.requests().orElseThrow().windows().get(200).offered() / window);
  }
}
