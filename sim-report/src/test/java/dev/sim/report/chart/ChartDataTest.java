package dev.sim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.report.Fixtures;
import dev.sim.report.KernelRun;
import dev.sim.report.io.MetricsCsv;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartDataTest {
  private final RunResult spiral = Fixtures.spiral();

  private static TimeChart chart(RunResult r, String id) {
    return TimeCharts.forRun(r).stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no chart " + id));
  }

  private static void assertSeriesEquals(
      Series s, List<WindowStats> ws, ToDoubleFunction<WindowStats> f) {
    assertThat(s.y()).hasSize(ws.size());
    for (int i = 0; i < ws.size(); i++) {
      double expected = f.applyAsDouble(ws.get(i));
      if (Double.isNaN(expected)) {
        assertThat(s.y()[i]).as("window %d is a gap", i).isNaN();
      } else {
        assertThat(s.y()[i]).as("window %d", i).isEqualTo(expected);
      }
    }
  }

  @Test
  void yieldHarvestAndLatencySeriesEqualTheWindowFigures() {
    List<WindowStats> ws = spiral.windows();
    assertSeriesEquals(chart(spiral, "yield").series("yield"), ws, WindowStats::yield);
    assertSeriesEquals(chart(spiral, "harvest").series("harvest"), ws, WindowStats::harvest);
    TimeChart latency = chart(spiral, "latency");
    assertSeriesEquals(latency.series("p50"), ws, WindowStats::latencyP50Ms);
    assertSeriesEquals(latency.series("p90"), ws, WindowStats::latencyP90Ms);
    assertSeriesEquals(latency.series("p99"), ws, WindowStats::latencyP99Ms);
    assertSeriesEquals(latency.series("max"), ws, WindowStats::latencyMaxMs);
  }

  @Test
  void pointsSitAtWindowCentresInSeconds() {
    Series s = chart(spiral, "yield").series("yield");
    for (int i = 0; i < spiral.windows().size(); i++) {
      assertThat(s.x()[i]).isCloseTo(i + 0.5, within(1e-9));
    }
  }

  @Test
  void throughputIsEachWindowsCountPerSecond() {
    RunResult r = KernelRun.run(7);
    double windowSeconds = r.windowNanos() / 1e9;
    TimeChart t = chart(r, "throughput");
    assertSeriesEquals(t.series("offered"), r.windows(), w -> w.offered() / windowSeconds);
    assertSeriesEquals(t.series("ok"), r.windows(), w -> w.ok() / windowSeconds);
    assertSeriesEquals(t.series("timedOut"), r.windows(), w -> w.timedOut() / windowSeconds);
  }

  @Test
  void attemptsAppearOnlyWhenTheyDifferFromOffered() {
    assertThat(chart(spiral, "throughput").series("attempts")).isNotNull();
    assertThat(chart(KernelRun.run(7), "throughput").series("attempts")).isNull();
  }

  @Test
  void windowsWithoutEndedRequestsAreGapsInTheJFreeChartDataset() {
    assertThat(spiral.windows().get(5).yield()).isNaN();
    XYSeriesCollection data = ChartRenderer.dataset(chart(spiral, "yield"));
    XYSeries s = data.getSeries(0);
    assertThat(s.getItemCount()).isEqualTo(spiral.windows().size());
    assertThat(s.getY(5).doubleValue()).isNaN();
    assertThat(s.getY(6).doubleValue()).isEqualTo(spiral.windows().get(6).yield());
  }

  @Test
  void latencyOfASpiralIsDrawnOnALogAxisAndZeroesBecomeGapsThere() {
    TimeChart latency = chart(spiral, "latency");
    assertThat(latency.scale()).isEqualTo(TimeChart.Scale.LOG);
    double[] y = latency.series("p50").y().clone();
    y[10] = 0;
    Series zeroed =
        new Series(
            "p50", "p50", latency.series("p50").x(), y, Palette.figure("p50"), Series.Line.SOLID);
    TimeChart withZero =
        new TimeChart(
            "latency",
            "t",
            "s",
            "ms",
            TimeChart.Scale.LOG,
            List.of(zeroed),
            List.of(),
            List.of(),
            0,
            600);
    assertThat(ChartRenderer.dataset(withZero).getSeries(0).getY(10).doubleValue()).isNaN();
  }

  @Test
  void faultWindowMarkersEqualTheAnnotationsInSeconds() {
    List<Annotation> as = spiral.annotations();
    List<Band> bands = chart(spiral, "yield").bands();
    assertThat(bands).hasSize(as.size());
    for (int i = 0; i < as.size(); i++) {
      Annotation a = as.get(i);
      Band b = bands.get(i);
      assertThat(b.kind()).isEqualTo(a.kind());
      assertThat(b.label()).isEqualTo(a.label());
      assertThat(b.startSeconds()).isEqualTo(a.startNanos() / 1e9);
      double end = a.endNanos() < 0 ? spiral.simulatedNanos() / 1e9 : a.endNanos() / 1e9;
      assertThat(b.endSeconds()).isEqualTo(end);
    }
    assertThat(bands.get(bands.size() - 1).endSeconds())
        .as("open fault runs to the end")
        .isEqualTo(600.0);
  }

  @Test
  void everyTimeChartCarriesTheSameFaultBandsAndTheWarmUp() {
    for (TimeChart c : TimeCharts.forRun(spiral)) {
      assertThat(c.bands()).as(c.id()).isEqualTo(TimeCharts.bands(spiral));
      assertThat(c.warmupSeconds()).as(c.id()).isEqualTo(30.0);
      JFreeChart jf = ChartRenderer.toJFreeChart(c);
      XYPlot plot = jf.getXYPlot();
      List<XYAnnotation> found =
          new ArrayList<>(
              ((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) plot.getRenderer())
                  .getAnnotations());
      assertThat(found)
          .as(c.id())
          .singleElement()
          .isInstanceOfSatisfying(
              FaultBands.class, f -> assertThat(f.bands()).isEqualTo(c.bands()));
      assertThat(plot.getDomainAxis().getUpperBound()).isEqualTo(600.0);
    }
  }

  @Test
  void titlesNameScenarioAndSeed() {
    assertThat(chart(spiral, "yield").title()).isEqualTo("gc-spiral · seed 42 — Yield");
  }

  @Test
  void oneSeriesHasOneColourOnEveryChart() {
    RunResult r = KernelRun.run(3);
    for (TimeChart c : TimeCharts.forRun(r)) {
      for (Series s : c.series()) {
        switch (s.key()) {
          case "ok" -> assertThat(s.color()).isEqualTo(Palette.BLUISH_GREEN);
          case "timedOut" -> assertThat(s.color()).isEqualTo(Palette.ORANGE);
          case "offered" -> assertThat(s.color()).isEqualTo(Palette.BLACK);
          default -> {}
        }
      }
    }
    Series q = chart(spiral, "queue").series("api-2");
    Series h = chart(spiral, "heap").series("api-2");
    assertThat(q.color()).isEqualTo(h.color());
  }

  @Test
  void gaugesArePerInstanceWithFewNodesAndEqualTheirMeans() {
    TimeChart q = chart(spiral, "queue");
    assertThat(q.series()).extracting(Series::key).containsExactly("api-1", "api-2", "api-3");
    GaugeSeriesData g =
        spiral.gauges().stream()
            .filter(x -> x.nodeName().equals("api-2") && x.name().equals("queue"))
            .findFirst()
            .orElseThrow();
    assertThat(q.series("api-2").y()).containsExactly(g.mean());
  }

  @Test
  void gaugesOfManyInstancesAreSummedPerGroupAndHeapIsAveraged() {
    int n = 12;
    int windows = 4;
    List<GaugeSeriesData> gauges = new ArrayList<>();
    List<NodeInfo> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new NodeInfo(i, "w-" + i, "w"));
      gauges.add(
          new GaugeSeriesData(
              i, "w-" + i, "w", "queue", new double[] {i, i, i, i}, new double[windows]));
      gauges.add(
          new GaugeSeriesData(
              i,
              "w-" + i,
              "w",
              "heapLiveMB",
              new double[] {100, 200, 300, i},
              new double[windows]));
    }
    RunResult base = Fixtures.spiral(windows, "many", 1);
    RunResult r =
        new RunResult(
            base.scenario(),
            base.seed(),
            base.simulatedNanos(),
            base.events(),
            base.stopReason(),
            base.stopDetail(),
            base.traceHash(),
            base.wallSeconds(),
            base.requests(),
            base.yield(),
            base.harvest(),
            base.latencyMs(),
            base.counters(),
            base.windowNanos(),
            0,
            base.windows(),
            List.of(),
            gauges,
            nodes,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            base.info());
    TimeChart q = chart(r, "queue");
    assertThat(q.series())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.key()).isEqualTo("w");
              assertThat(s.y()).containsExactly(66, 66, 66, 66);
            });
    TimeChart heap = chart(r, "heap");
    assertThat(heap.series().get(0).y()).containsExactly(100, 200, 300, 5.5);

    // A student reads these lines off metrics.csv: a count is the group's mean_sum column, a
    // level its mean_per_node column.
    String[] csv = MetricsCsv.toCsv(r).split("\n");
    List<String> header = List.of(csv[0].split(",", -1));
    for (int i = 0; i < windows; i++) {
      String[] row = csv[i + 1].split(",", -1);
      assertThat(Double.parseDouble(row[header.indexOf("w.queue.mean_sum")]))
          .isEqualTo(q.series().get(0).y()[i]);
      assertThat(Double.parseDouble(row[header.indexOf("w.heapLiveMB.mean_per_node")]))
          .isEqualTo(heap.series().get(0).y()[i]);
    }
  }

  @Test
  void countersBecomeRatesAndLostWritesARunningTotal() {
    TimeChart gc = chart(spiral, "gc");
    long[] pause =
        spiral.counterSeries().stream()
            .filter(c -> c.name().equals("gcPauseMs"))
            .findFirst()
            .orElseThrow()
            .perWindow();
    for (int i = 0; i < pause.length; i++) {
      assertThat(gc.series().get(0).y()[i]).isEqualTo((double) pause[i]);
    }
    TimeChart lost = chart(spiral, "lost-writes");
    double[] y = lost.series().get(0).y();
    assertThat(y[y.length - 1])
        .isEqualTo(
            (double)
                java.util.Arrays.stream(
                        spiral.counterSeries().stream()
                            .filter(c -> c.name().equals("lostWrites"))
                            .findFirst()
                            .orElseThrow()
                            .perWindow())
                    .sum());
  }

  @Test
  void chartsWithoutDataAreLeftOut() {
    RunResult base = Fixtures.spiral(10, "empty", 1);
    List<WindowStats> empty = new ArrayList<>();
    for (WindowStats w : base.windows()) {
      empty.add(
          new WindowStats(
              w.index(),
              w.startNanos(),
              0,
              0,
              0,
              0,
              0,
              0,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN));
    }
    RunResult r =
        new RunResult(
            "empty",
            1,
            base.simulatedNanos(),
            0,
            base.stopReason(),
            "",
            "0",
            0,
            base.requests(),
            Double.NaN,
            Double.NaN,
            base.latencyMs(),
            java.util.Map.of(),
            base.windowNanos(),
            0,
            empty,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            null);
    assertThat(TimeCharts.forRun(r)).isEmpty();
  }
}
