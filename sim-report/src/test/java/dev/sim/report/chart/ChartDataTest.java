package dev.sim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RequestSummary;
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

  private static List<WindowStats> windows(RunResult r) {
    return r.requests().orElseThrow().windows();
  }

  @Test
  void yieldHarvestAndLatencySeriesEqualTheWindowFigures() {
    List<WindowStats> ws = windows(spiral);
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
    for (int i = 0; i < windows(spiral).size(); i++) {
      assertThat(s.x()[i]).isCloseTo(i + 0.5, within(1e-9));
    }
  }

  @Test
  void throughputIsEachWindowsCountPerSecond() {
    RunResult r = KernelRun.run(7);
    double windowSeconds = r.windowNanos() / 1e9;
    TimeChart t = chart(r, "throughput");
    assertSeriesEquals(t.series("offered"), windows(r), w -> w.offered() / windowSeconds);
    assertSeriesEquals(t.series("ok"), windows(r), w -> w.ok() / windowSeconds);
    assertSeriesEquals(t.series("timedOut"), windows(r), w -> w.timedOut() / windowSeconds);
  }

  @Test
  void attemptsAppearOnlyWhenTheyDifferFromOffered() {
    assertThat(chart(spiral, "throughput").series("attempts")).isNotNull();
    assertThat(chart(KernelRun.run(7), "throughput").series("attempts")).isNull();
  }

  @Test
  void windowsWithoutEndedRequestsAreGapsInTheJFreeChartDataset() {
    assertThat(windows(spiral).get(5).yield()).isNaN();
    XYSeriesCollection data = ChartRenderer.dataset(chart(spiral, "yield"));
    XYSeries s = data.getSeries(0);
    assertThat(s.getItemCount()).isEqualTo(windows(spiral).size());
    assertThat(s.getY(5).doubleValue()).isNaN();
    assertThat(s.getY(6).doubleValue()).isEqualTo(windows(spiral).get(6).yield());
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
        base.toBuilder()
            .windows(base.windowNanos(), 0)
            .counterSeries(List.of())
            .gauges(gauges)
            .nodes(nodes)
            .annotations(List.of())
            .nodeEvents(List.of())
            .messages(List.of())
            .expectations(List.of())
            .build();
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
  void countersBecomeRatesAndOomARunningTotal() {
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
    TimeChart lost = chart(spiral, "oom");
    double[] y = lost.series().get(0).y();
    assertThat(y[y.length - 1])
        .isEqualTo(
            (double)
                java.util.Arrays.stream(
                        spiral.counterSeries().stream()
                            .filter(c -> c.name().equals("oom"))
                            .findFirst()
                            .orElseThrow()
                            .perWindow())
                    .sum());
  }

  @Test
  void chartsWithoutDataAreLeftOut() {
    RunResult base = Fixtures.spiral(10, "empty", 1);
    List<WindowStats> empty = new ArrayList<>();
    for (WindowStats w : windows(base)) {
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
    RequestSummary q = base.requests().orElseThrow();
    RunResult r =
        RunResult.builder("empty", 1)
            .simulatedNanos(base.simulatedNanos())
            .windows(base.windowNanos(), 0)
            .metricSpecs(base.metricSpecs())
            .family(new RequestSummary(q.totals(), Double.NaN, Double.NaN, q.latencyMs(), empty))
            .info(null)
            .build();
    assertThat(TimeCharts.forRun(r)).isEmpty();
  }

  @Test
  void aDeclaredMetricIsTitledAndLabelledAsItsSpecSays() {
    RunResult base = Fixtures.spiral(4, "gossip", 7);
    RunResult r =
        base.toBuilder()
            .withoutFamily(RequestSummary.NAME)
            .gauges(
                List.of(
                    new GaugeSeriesData(
                        0, "peers-1", "peers", "hops", new double[] {0, 1, 2, 2}, new double[4])))
            .counterSeries(
                List.of(
                    new dev.sim.kernel.result.CounterSeries(
                        "peers", "infected", 4, new long[] {1, 2, 1, 0})))
            .metricSpecs(
                List.of(
                    MetricSpec.gauge("hops", "Hops from the origin", "hops"),
                    MetricSpec.counter("infected", "Newly informed nodes", "nodes")
                        .describe("Nodes that heard the rumor for the first time")))
            .build();
    // No request summary: no request charts, whatever the windows hold.
    assertThat(TimeCharts.forRun(r)).extracting(TimeChart::id).containsExactly("hops", "infected");
    TimeChart hops = chart(r, "hops");
    assertThat(hops.title()).isEqualTo("gossip · seed 7 — Hops from the origin");
    assertThat(hops.yLabel()).isEqualTo("hops");
    assertThat(hops.subtitle())
        .isEqualTo("Hops from the origin, time-weighted mean per 1s window, one line per node");
    TimeChart infected = chart(r, "infected");
    assertThat(infected.yLabel()).isEqualTo("nodes per second");
    assertThat(infected.subtitle())
        .isEqualTo("Nodes that heard the rumor for the first time (per 1s window)");
  }

  @Test
  void anUndeclaredMetricIsStillDrawnUnderItsName() {
    RunResult r = KernelRun.run(5).toBuilder().metricSpecs(List.of()).build();
    TimeChart queue = chart(r, "gauge-queue");
    assertThat(queue.title()).endsWith(" — queue");
    assertThat(queue.yLabel()).isEqualTo("queue");
    TimeChart served = chart(r, "counter-served");
    assertThat(served.yLabel()).isEqualTo("served per second");
    assertThat(served.subtitle()).startsWith("Counter served, per second");
  }

  @Test
  void metricsSharingAChartAreToldApartByTheirLegendAndColour() {
    TimeChart gc = chart(spiral, "gc-collections");
    assertThat(gc.title()).endsWith(" — GC collections");
    assertThat(gc.series()).extracting(Series::label).containsExactly("api young", "api full");
    // One group: colours tell the metrics apart, the lines are all solid.
    assertThat(gc.series())
        .extracting(Series::color)
        .containsExactly(Palette.SKY_BLUE, Palette.VERMILLION);
    assertThat(gc.series()).extracting(Series::line).containsOnly(Series.Line.SOLID);
  }

  @Test
  void chartsFollowTheirDeclaredOrderGaugesBeforeCounters() {
    assertThat(TimeCharts.forRun(spiral))
        .extracting(TimeChart::id)
        .containsExactly(
            "yield",
            "harvest",
            "latency",
            "throughput",
            "queue",
            "inflight",
            "heap",
            "gc",
            "gc-collections",
            "oom",
            "retries");
  }
}
