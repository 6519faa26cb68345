package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportSelectionTest {
  private final RunResult spiral = withUndeclared(Fixtures.spiral(20, "gc-spiral", 42));

  /** The spiral with a gauge and a counter no spec declares. */
  private static RunResult withUndeclared(RunResult r) {
    List<GaugeSeriesData> gauges = new ArrayList<>(r.gauges());
    gauges.add(new GaugeSeriesData(2, "api-1", "api", "temp", new double[20], new double[20]));
    List<CounterSeries> counters = new ArrayList<>(r.counterSeries());
    counters.add(new CounterSeries("lb", "forgotten", 0, new long[20]));
    return r.toBuilder().gauges(gauges).counterSeries(counters).build();
  }

  @Test
  void anEmptySelectionMeansEveryChart() {
    assertThat(Report.selected(spiral, "latency", Set.of())).isTrue();
  }

  @Test
  void chartsAreSelectedByChartNameOrByMetricName() {
    assertThat(Report.selected(spiral, "heap", Set.of("heap"))).isTrue();
    assertThat(Report.selected(spiral, "heap", Set.of("heapLiveMB"))).isTrue();
    assertThat(Report.selected(spiral, "gc", Set.of("gcPauseMs"))).isTrue();
    assertThat(Report.selected(spiral, "gc-collections", Set.of("gcFull"))).isTrue();
    assertThat(Report.selected(spiral, "gauge-temp", Set.of("temp"))).isTrue();
    assertThat(Report.selected(spiral, "latency", Set.of("yield", "heap"))).isFalse();
  }

  @Test
  void groupNamesSelectEveryGaugeOrEveryCounterChart() {
    assertThat(Report.selected(spiral, "queue", Set.of("gauges"))).isTrue();
    assertThat(Report.selected(spiral, "gauge-temp", Set.of("gauges"))).isTrue();
    assertThat(Report.selected(spiral, "counter-forgotten", Set.of("counters"))).isTrue();
    assertThat(Report.selected(spiral, "oom", Set.of("counters"))).isTrue();
    assertThat(Report.selected(spiral, "queue", Set.of("counters"))).isFalse();
    assertThat(Report.selected(spiral, "yield", Set.of("counters"))).isFalse();
    assertThat(Report.selected(spiral, "spacetime", Set.of("gauges"))).isFalse();
  }
}
