package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportSelectionTest {
  @Test
  void anEmptySelectionMeansEveryChart() {
    assertThat(Report.selected("latency", Set.of())).isTrue();
  }

  @Test
  void chartsAreSelectedByChartNameOrByMetricName() {
    assertThat(Report.selected("heap", Set.of("heap"))).isTrue();
    assertThat(Report.selected("heap", Set.of("heapLiveMB"))).isTrue();
    assertThat(Report.selected("gc", Set.of("gcPauseMs"))).isTrue();
    assertThat(Report.selected("gauge-temp", Set.of("temp"))).isTrue();
    assertThat(Report.selected("latency", Set.of("yield", "heap"))).isFalse();
  }

  @Test
  void groupNamesSelectEveryGaugeOrEveryCounterChart() {
    assertThat(Report.selected("queue", Set.of("gauges"))).isTrue();
    assertThat(Report.selected("counter-forgotten", Set.of("counters"))).isTrue();
    assertThat(Report.selected("oom", Set.of("counters"))).isTrue();
    assertThat(Report.selected("yield", Set.of("counters"))).isFalse();
  }
}
