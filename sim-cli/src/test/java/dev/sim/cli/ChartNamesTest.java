package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.report.Report;
import dev.sim.scenarios.config.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The loader (which may not depend on the report) and the report agree on chart names. */
class ChartNamesTest {
  @Test
  void shouldAcceptExactlyTheChartsTheReportDraws() {
    assertThat(ScenarioLoader.CHARTS).containsExactlyInAnyOrderElementsOf(Report.CHART_NAMES);
  }
}
