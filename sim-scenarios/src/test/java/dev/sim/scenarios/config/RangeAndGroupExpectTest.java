package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.MetricsCollector.RangeFigures;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.runtime.Expectations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Expectations over a time range ({@code yield[120s..] >= 0.99}), of one client group ({@code
 * group.east.yield}), on goodput and on the latency of every finished request: reading them, and
 * their values.
 */
class RangeAndGroupExpectTest {
  private static final String TWO_GROUPS =
      """
      name: tiny
      duration: 2m
      warmup: 10s
      window: 5s
      nodes:
        east: {type: client, target: api, load: {rate: 100/s}, timeout: 1s}
        west: {type: client, target: api, load: {rate: 100/s}, timeout: 1s}
        api: {type: server}
      """;

  private static ScenarioSpec load(String... checks) {
    return ScenarioLoaderTest.load(
        TWO_GROUPS + "expect: ['" + String.join("', '", checks) + "']\n");
  }

  private static String error(String... checks) {
    return ScenarioLoaderTest.error(
        TWO_GROUPS + "expect: ['" + String.join("', '", checks) + "']\n");
  }

  @Test
  void shouldReadARangeAlignedToTheReportWindows() {
    ScenarioSpec s =
        load("yield[60s..] >= 0.99", "yield[30s..40s] < 0.1", "latencyAll.p99[..40s] < 2s");
    ExpectSpec open = s.expect().get(0);
    assertThat(open.metric()).isEqualTo("yield");
    assertThat(open.fromNanos()).isEqualTo(60_000_000_000L);
    assertThat(open.toNanos()).isEqualTo(ExpectSpec.END);
    assertThat(open.ranged()).isTrue();
    ExpectSpec closed = s.expect().get(1);
    assertThat(closed.fromNanos()).isEqualTo(30_000_000_000L);
    assertThat(closed.toNanos()).isEqualTo(40_000_000_000L);
    ExpectSpec start = s.expect().get(2);
    assertThat(start.metric()).isEqualTo("latencyAll.p99");
    assertThat(start.fromNanos()).isEqualTo(ExpectSpec.AFTER_WARMUP);
    assertThat(start.value()).isEqualTo(2000.0);
  }

  @Test
  void shouldReadAGroupAndAGroupOverARange() {
    ScenarioSpec s = load("group.east.yield >= 0.99", "group.west.goodput[60s..] >= 90/s");
    assertThat(s.expect().get(0).group()).isEqualTo("east");
    assertThat(s.expect().get(0).metric()).isEqualTo("yield");
    assertThat(s.expect().get(0).ranged()).isFalse();
    ExpectSpec w = s.expect().get(1);
    assertThat(w.group()).isEqualTo("west");
    assertThat(w.metric()).isEqualTo("goodput");
    assertThat(w.value()).isEqualTo(90.0);
    assertThat(w.fromNanos()).isEqualTo(60_000_000_000L);
  }

  @Test
  void shouldRefuseBadRangesAndUnknownGroupsNamingTheLine() {
    assertThat(error("yield[40s..30s] < 0.1"))
        .contains("test.yaml:")
        .contains("yield[40s..30s]: the range starts at 40s, not before its end 30s");
    assertThat(error("yield[5 parsecs..] < 0.1")).contains("unknown unit 'parsecs'");
    assertThat(error("yield[100s..3m] < 0.1")).contains("3m is after the end of the run");
    assertThat(error("yield[32s..] < 0.1"))
        .contains("32s is not on a window boundary (the report's windows are 5s wide")
        .contains("use 30s or 35s");
    assertThat(error("group.eats.yield >= 0.99"))
        .contains("unknown client group 'eats' — did you mean 'east'?");
    assertThat(error("group.api.yield >= 0.99"))
        .contains("the groups that offer requests are east, west");
    assertThat(error("goodput >= 400")).contains("expected a rate like 800/s");
    assertThat(error("consistency.ops[10s..] > 0")).contains("has no figure per time range");
  }

  private static LatencySummary lat(double p99) {
    return new LatencySummary(p99 / 2, p99 / 2, p99, p99, p99, p99);
  }

  private static RequestSummary figures(double yield, double goodput, double p99, double allP99) {
    return new RequestSummary(
        new RequestTotals(100, (long) (yield * 100), 0, 100 - (long) (yield * 100), 0, 100, 0),
        yield,
        1.0,
        lat(p99),
        List.of(),
        lat(allP99),
        goodput,
        Map.of());
  }

  @Test
  void shouldEvaluateGroupsRangesAndCounterRates() {
    RequestSummary east = figures(0.2, 20, 30, 1000);
    RequestSummary west = figures(1.0, 100, 40, 40);
    RequestSummary all =
        new RequestSummary(
            new RequestTotals(200, 120, 0, 80, 0, 200, 0),
            0.6,
            1.0,
            lat(35),
            List.of(),
            lat(1000),
            120,
            Map.of("east", east, "west", west));
    long[] perWindow = new long[24];
    perWindow[12] = 50; // 60s..65s
    perWindow[13] = 50;
    RunResult r =
        RunResult.builder("tiny", 1)
            .simulatedNanos(120_000_000_000L)
            .windows(5_000_000_000L, 10_000_000_000L)
            .counters(Map.of("retries", 100L))
            .counterSeries(List.of(new CounterSeries("east", "retries", 100, perWindow)))
            .family(all)
            .build();
    List<Object[]> asked = new ArrayList<>();
    Expectations.Ranges ranges =
        (g, from, to) -> {
          asked.add(new Object[] {g, from, to});
          boolean broken = from < 12;
          return Optional.of(
              new RangeFigures(
                  new RequestTotals(10, broken ? 1 : 10, 0, broken ? 9 : 0, 0, 10, 0),
                  broken ? 0.1 : 1.0,
                  1.0,
                  Double.NaN,
                  lat(broken ? 30 : 20),
                  lat(broken ? 1000 : 20)));
        };
    ScenarioSpec s =
        load(
            "group.east.yield >= 0.99",
            "group.west.latencyAll.p99 < 100ms",
            "latencyAll.p99 < 100ms",
            "goodput >= 100/s",
            "yield[60s..] >= 0.99",
            "group.east.yield[10s..60s] < 0.5",
            "counter.retries[60s..70s] == 100",
            "counter.retries[60s..70s] >= 10/s",
            "goodput[60s..] >= 0.1/s");
    List<ExpectationResult> out = Expectations.evaluate(s.expect(), r, ranges);
    assertThat(out)
        .extracting(ExpectationResult::ok)
        .containsExactly(false, true, false, true, true, true, true, true, true);
    assertThat(out.get(0).actual()).isEqualTo(0.2);
    assertThat(out.get(2).actual()).isEqualTo(1000.0);
    assertThat(out.get(6).actual()).isEqualTo(100.0);
    assertThat(out.get(7).actual()).isEqualTo(10.0);
    // 10 successes over the 60 s from 60s to the run's end.
    assertThat(out.get(8).actual()).isEqualTo(10 / 60.0);
    // Ranges are windows: [60s..] is windows 12 to 24 of 5 s, [10s..60s] of east 2 to 12.
    assertThat(asked.get(0)).containsExactly(null, 12, 24);
    assertThat(asked.get(1)).containsExactly("east", 2, 12);
  }

  @Test
  void shouldFailARangeCheckWithoutRangeFiguresRatherThanPassIt() {
    ScenarioSpec s = load("yield[60s..] < 0.99");
    RunResult r =
        RunResult.builder("tiny", 1)
            .simulatedNanos(120_000_000_000L)
            .windows(5_000_000_000L, 0)
            .family(figures(0.5, 50, 10, 10))
            .build();
    ExpectationResult e = Expectations.evaluate(s.expect(), r).get(0);
    assertThat(e.ok()).isFalse();
    assertThat(e.actual()).isNaN();
  }
}
