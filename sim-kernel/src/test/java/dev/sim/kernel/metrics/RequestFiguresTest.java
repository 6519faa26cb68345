package dev.sim.kernel.metrics;

import static dev.sim.kernel.testing.SimTime.ms;
import static dev.sim.kernel.testing.SimTime.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.WindowStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Goodput, the latency of every finished request, each client group's figures and the figures of a
 * range of windows: what keeps a run that fails fast from looking fast.
 */
class RequestFiguresTest {
  private long now;
  private MetricsCollector metrics;
  private NodeMetrics east;
  private NodeMetrics west;

  @BeforeEach
  void setUp() {
    now = 0;
    // 1 s windows, no warm-up.
    metrics = new MetricsCollector(s(1), 0, () -> now);
    metrics.setNodes(new String[] {"east", "west", "api"}, new String[] {"east", "west", "api"});
    east = metrics.forNode(0);
    west = metrics.forNode(1);
  }

  private void request(NodeMetrics who, long at, long took, Outcome outcome) {
    now = at;
    long stamp = who.offer();
    who.attempt();
    now = at + took;
    who.finish(stamp, outcome, 1.0);
  }

  @Test
  void shouldCountATimeoutAtItsTimeoutInTheLatencyOfAllFinishedRequests() {
    // One quick success and nine timeouts at 500ms: the success latency alone says 10ms.
    request(east, ms(100), ms(10), Outcome.OK);
    for (int i = 0; i < 9; i++) {
      request(east, ms(200 + i), ms(500), Outcome.TIMED_OUT);
    }
    RequestSummary q = metrics.requestSummary(s(2)).orElseThrow();
    assertThat(q.latencyMs().max()).isCloseTo(10, within(0.1));
    assertThat(q.latencyAllMs().p50()).isCloseTo(500, within(1.0));
    assertThat(q.latencyAllMs().p99()).isCloseTo(500, within(1.0));
    WindowStats w0 = q.windows().get(0);
    assertThat(w0.latencyP99Ms()).isCloseTo(10, within(0.1));
    assertThat(w0.allP99Ms()).isCloseTo(500, within(5.0));
    // A failure counts when it was learned of; a window without finished requests is undefined.
    assertThat(q.windows().get(1).allP50Ms()).isNaN();
  }

  @Test
  void shouldReportGoodputAsSuccessfulRequestsPerSecondAfterTheWarmUp() {
    metrics = new MetricsCollector(s(1), s(1), () -> now);
    metrics.setNodes(new String[] {"east"}, new String[] {"east"});
    east = metrics.forNode(0);
    request(east, ms(500), ms(5), Outcome.OK); // in the warm-up: not counted
    for (int i = 0; i < 30; i++) {
      request(east, s(1) + ms(i * 50), ms(5), i % 3 == 0 ? Outcome.FAILED : Outcome.OK);
    }
    RequestSummary q = metrics.requestSummary(s(4)).orElseThrow();
    // 20 successes over the 3 s after the warm-up.
    assertThat(q.goodputPerSecond()).isCloseTo(20 / 3.0, within(1e-9));
  }

  @Test
  void shouldKeepEachClientGroupsFiguresByName() {
    for (int i = 0; i < 10; i++) {
      request(west, ms(i * 10), ms(20), Outcome.OK);
      request(east, ms(i * 10), ms(300), i < 2 ? Outcome.OK : Outcome.REJECTED);
    }
    RequestSummary q = metrics.requestSummary(s(1)).orElseThrow();
    assertThat(q.groups()).containsOnlyKeys("east", "west");
    assertThat(q.groups().keySet()).containsExactly("east", "west");
    assertThat(q.groups().get("east").yield()).isEqualTo(0.2);
    assertThat(q.groups().get("west").yield()).isEqualTo(1.0);
    assertThat(q.yield()).isEqualTo(0.6);
    assertThat(q.groups().get("west").latencyAllMs().p99()).isCloseTo(20, within(0.1));
    assertThat(q.groups().get("east").totals().rejected()).isEqualTo(8);
    assertThat(q.groups().get("east").groups()).isEmpty();
    assertThat(q.groups().get("east").windows()).hasSize(1);
  }

  @Test
  void shouldAddUpARangeOfWindowsAndMergeTheirLatencies() {
    // Seconds 0-2 healthy (5ms), 3-4 broken (timeouts at 1s), 5 healthy again.
    for (int sec = 0; sec < 6; sec++) {
      boolean broken = sec == 3 || sec == 4;
      for (int i = 0; i < 10; i++) {
        request(
            east,
            s(sec) + ms(i * 10),
            broken ? s(1) : ms(5),
            broken ? Outcome.TIMED_OUT : Outcome.OK);
      }
    }
    MetricsCollector.RangeFigures bad = metrics.range(null, 3, 5).orElseThrow();
    assertThat(bad.totals().offered()).isEqualTo(20);
    assertThat(bad.yield()).isEqualTo(0.0);
    assertThat(bad.goodputPerSecond()).isEqualTo(0.0);
    assertThat(bad.latencyMs().p99()).isNaN();
    assertThat(bad.latencyAllMs().p50()).isCloseTo(1000, within(10.0));
    MetricsCollector.RangeFigures after = metrics.range("east", 5, 6).orElseThrow();
    assertThat(after.yield()).isEqualTo(1.0);
    assertThat(after.goodputPerSecond()).isEqualTo(10.0);
    MetricsCollector.RangeFigures all = metrics.range(null, 0, 6).orElseThrow();
    assertThat(all.yield()).isCloseTo(40 / 60.0, within(1e-9));
    assertThat(all.latencyAllMs().max()).isCloseTo(1000, within(10.0));
    assertThat(metrics.range("nobody", 0, 6)).isEmpty();
  }
}
