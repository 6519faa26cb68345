package dev.sim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.NodeInfo;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A chart of nothing but zeros says nothing and is left out, unless the scenario's report.charts
 * names it: then zero is the answer it asked for (a Paxos duel's "value chosen", say).
 */
class ZeroChartsTest {
  private static final long S = 1_000_000_000L;

  private static RunResult run(List<String> charts) {
    return RunResult.builder("zeros", 1)
        .simulatedNanos(4 * S)
        .stop(StopReason.TIME_LIMIT, "reached the simulated duration")
        .windows(S, 0)
        .counters(Map.of("chosen", 0L))
        .counterSeries(List.of(new CounterSeries("acceptor", "chosen", 0, new long[4])))
        .gauges(
            List.of(
                new GaugeSeriesData(
                    1, "learner", "learner", "learned", new double[4], new double[4])))
        .nodes(
            List.of(new NodeInfo(0, "acceptor", "acceptor"), new NodeInfo(1, "learner", "learner")))
        .metricSpecs(
            List.of(
                MetricSpec.counter("chosen", "Value chosen (0/1)", "values").runningTotal(),
                MetricSpec.gauge("learned", "Value learned (0/1)", "learned").averaged()))
        .info(new RunInfo("zeros", "", "", "", charts, ""))
        .build();
  }

  private static List<String> ids(RunResult r) {
    return TimeCharts.forRun(r).stream().map(TimeChart::id).toList();
  }

  @Test
  void shouldLeaveOutAllZeroChartsNobodyAskedFor() {
    assertThat(ids(run(List.of()))).doesNotContain("chosen", "learned");
  }

  @Test
  void shouldDrawAllZeroChartsThatReportChartsNames() {
    RunResult r = run(List.of("chosen", "learned"));
    assertThat(ids(r)).contains("chosen", "learned");
    for (TimeChart c : TimeCharts.forRun(r)) {
      assertThat(c.series()).as(c.id()).isNotEmpty();
      assertThat(c.series().get(0).hasNonZero()).isFalse();
    }
  }
}
