package dev.sim.kernel.metrics;

import static dev.sim.kernel.testing.SimTime.ms;
import static dev.sim.kernel.testing.SimTime.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.WindowStats;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {
  private long now;
  private MetricsCollector metrics;
  private NodeMetrics client;

  @BeforeEach
  void setUp() {
    now = 0;
    // 1 s windows, 2 s warm-up.
    metrics = new MetricsCollector(s(1), s(2), () -> now);
    metrics.setNodes(
        new String[] {"client", "api-1", "api-2", "db"},
        new String[] {"client", "api", "api", "db"});
    client = metrics.forNode(0);
  }

  private long offerAt(long t) {
    now = t;
    return client.offer();
  }

  private void finishAt(long t, long stamp, Outcome outcome, double harvest) {
    now = t;
    client.finish(stamp, outcome, harvest);
  }

  private void attemptAt(long t) {
    now = t;
    client.attempt();
  }

  @Test
  void shouldCountOffersAttemptsAndOutcomesPerWindowAndInTotal() {
    long warm = offerAt(ms(500));
    attemptAt(ms(500));
    finishAt(ms(600), warm, Outcome.OK, 1.0);

    long a = offerAt(ms(2100));
    attemptAt(ms(2100));
    attemptAt(ms(3050));
    finishAt(ms(3100), a, Outcome.OK, 1.0);
    long b = offerAt(ms(2200));
    attemptAt(ms(2200));
    finishAt(ms(2300), b, Outcome.FAILED, 0);
    long c = offerAt(ms(2400));
    attemptAt(ms(2400));
    finishAt(ms(2900), c, Outcome.TIMED_OUT, 0);
    long d = offerAt(ms(3500));
    finishAt(ms(3500), d, Outcome.REJECTED, 0);
    offerAt(ms(3600)); // still open at the end

    RequestTotals totals = metrics.totals();
    assertThat(totals).isEqualTo(new RequestTotals(5, 1, 1, 1, 1, 4, 1));
    assertThat(totals.ended()).isEqualTo(4);

    List<WindowStats> w = metrics.windows(s(4));
    assertThat(w).hasSize(4);
    assertThat(w).extracting(WindowStats::index).containsExactly(0, 1, 2, 3);
    assertThat(w).extracting(WindowStats::startNanos).containsExactly(0L, s(1), s(2), s(3));
    // The warm-up window is charted even though the totals leave it out.
    assertThat(w.get(0).offered()).isEqualTo(1);
    assertThat(w.get(0).ok()).isEqualTo(1);
    assertThat(w.get(1).offered()).isZero();
    assertThat(w.get(1).yield()).isNaN();
    // Outcomes belong to the window of the offer; attempts to the window they were sent in.
    WindowStats w2 = w.get(2);
    assertThat(w2.offered()).isEqualTo(3);
    assertThat(w2.ok()).isEqualTo(1);
    assertThat(w2.failed()).isEqualTo(1);
    assertThat(w2.timedOut()).isEqualTo(1);
    assertThat(w2.attempts()).isEqualTo(3);
    assertThat(w2.yield()).isCloseTo(1.0 / 3, within(1e-12));
    WindowStats w3 = w.get(3);
    assertThat(w3.offered()).isEqualTo(2);
    assertThat(w3.rejected()).isEqualTo(1);
    assertThat(w3.attempts()).isEqualTo(1);
    assertThat(w3.yield()).isEqualTo(0.0);
  }

  @Test
  void shouldDefineYieldAsAnsweredOverOfferedRequestsAfterTheWarmup() {
    // Warm-up failures do not count against the yield.
    finishAt(ms(100), offerAt(ms(100)), Outcome.FAILED, 0);
    for (int i = 0; i < 9; i++) {
      finishAt(s(3), offerAt(s(2) + i), Outcome.OK, 1.0);
    }
    finishAt(s(3), offerAt(s(2) + 100), Outcome.TIMED_OUT, 0);
    // A request still open when the run ends is unfinished: offered, not answered.
    offerAt(s(3));
    assertThat(metrics.yieldFraction()).isCloseTo(9.0 / 11, within(1e-12));
    assertThat(metrics.totals().unfinished()).isEqualTo(1);
    assertThat(metrics.totals().offered()).isEqualTo(11);
  }

  @Test
  void shouldBeUndefinedWhenNothingEnded() {
    assertThat(metrics.yieldFraction()).isNaN();
    assertThat(metrics.harvest()).isNaN();
    assertThat(metrics.latency()).isEqualTo(LatencySummary.EMPTY);
  }

  @Test
  void shouldDefineHarvestAsTheMeanFractionOverAnsweredRequestsOnly() {
    finishAt(s(3), offerAt(s(2)), Outcome.OK, 1.0);
    finishAt(s(3), offerAt(s(2)), Outcome.OK, 0.5);
    finishAt(s(3), offerAt(s(2)), Outcome.OK, 0.0);
    // Failed requests carry no harvest; out-of-range harvests are clamped into [0, 1].
    finishAt(s(3), offerAt(s(2)), Outcome.FAILED, 1.0);
    finishAt(s(3), offerAt(s(2)), Outcome.OK, 7.0);
    finishAt(s(3), offerAt(s(2)), Outcome.OK, -3.0);
    assertThat(metrics.harvest()).isCloseTo((1.0 + 0.5 + 0 + 1 + 0) / 5, within(1e-12));
    assertThat(metrics.windows(s(4)).get(2).harvest()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void shouldReportLatencyPercentilesInMilliseconds() {
    // Latencies of 1, 2, ..., 1000 ms, offered after the warm-up.
    for (int i = 1; i <= 1000; i++) {
      long stamp = offerAt(s(3));
      finishAt(s(3) + ms(i), stamp, Outcome.OK, 1.0);
    }
    // One slow request in the warm-up does not reach the summary.
    finishAt(s(1), offerAt(0), Outcome.OK, 1.0);
    LatencySummary l = metrics.latency();
    // HdrHistogram with three significant digits: within 0.1%.
    assertThat(l.mean()).isCloseTo(500.5, withPercentage(0.1));
    assertThat(l.p50()).isCloseTo(500, withPercentage(0.1));
    assertThat(l.p90()).isCloseTo(900, withPercentage(0.1));
    assertThat(l.p99()).isCloseTo(990, withPercentage(0.1));
    assertThat(l.p999()).isCloseTo(999, withPercentage(0.1));
    assertThat(l.max()).isCloseTo(1000, withPercentage(0.1));
    WindowStats w = metrics.windows(s(5)).get(3);
    // Windows keep two significant digits: within 1%.
    assertThat(w.latencyP50Ms()).isCloseTo(500, withPercentage(1));
    assertThat(w.latencyP99Ms()).isCloseTo(990, withPercentage(1));
    assertThat(w.latencyMaxMs()).isCloseTo(1000, withPercentage(1));
    assertThat(metrics.windows(s(5)).get(0).latencyP50Ms()).isCloseTo(1000, withPercentage(1));
    assertThat(metrics.windows(s(5)).get(1).latencyP50Ms()).isNaN();
  }

  @Test
  void shouldSumCountersPerGroupAndByNameLeavingOutTheWarmup() {
    NodeMetrics api1 = metrics.forNode(1);
    NodeMetrics api2 = metrics.forNode(2);
    NodeMetrics db = metrics.forNode(3);
    now = ms(500);
    api1.count("errors", 5);
    db.count("lostWrites", 1);
    now = s(2);
    api1.count("errors", 1);
    now = ms(2500);
    api2.count("errors", 2);
    db.count("errors", 10);

    assertThat(metrics.counterTotals())
        .containsExactly(java.util.Map.entry("errors", 13L), java.util.Map.entry("lostWrites", 0L));
    List<CounterSeries> series = metrics.counterSeries(s(3));
    assertThat(series)
        .extracting(CounterSeries::group, CounterSeries::name, CounterSeries::total)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api", "errors", 3L),
            org.assertj.core.groups.Tuple.tuple("db", "errors", 10L),
            org.assertj.core.groups.Tuple.tuple("db", "lostWrites", 0L));
    assertThat(series.get(0).perWindow()).containsExactly(5, 0, 3);
    assertThat(series.get(2).perWindow()).containsExactly(1, 0, 0);
  }

  @Test
  void shouldKeepTimeWeightedMeansAndMaximaOfGaugesPerWindow() {
    NodeMetrics api1 = metrics.forNode(1);
    NodeMetrics db = metrics.forNode(3);
    now = 0;
    api1.gauge("queue", 0);
    now = ms(500);
    api1.gauge("queue", 10);
    now = ms(750);
    api1.gauge("queue", 2);
    now = ms(1500);
    api1.gauge("queue", 4);
    now = ms(2250);
    db.gauge("heap", 100);

    List<GaugeSeriesData> gauges = metrics.gaugeSeries(ms(3500));
    assertThat(gauges)
        .extracting(GaugeSeriesData::nodeName, GaugeSeriesData::group, GaugeSeriesData::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api-1", "api", "queue"),
            org.assertj.core.groups.Tuple.tuple("db", "db", "heap"));
    GaugeSeriesData queue = gauges.get(0);
    // Window 0: 0 for 0.5 s, 10 for 0.25 s, 2 for 0.25 s → 3.0; window 1: 2 then 4 → 3.0;
    // window 2: 4 throughout; window 3 (half a window, to 3.5 s): 4.
    assertThat(queue.mean()).containsExactly(new double[] {3.0, 3.0, 4.0, 4.0}, within(1e-9));
    assertThat(queue.max()).containsExactly(10.0, 4.0, 4.0, 4.0);
    GaugeSeriesData heap = gauges.get(1);
    // Unset before 2.25 s, it reads 0 there.
    assertThat(heap.mean()).containsExactly(new double[] {0, 0, 75.0, 100.0}, within(1e-9));
    assertThat(heap.max()).containsExactly(0.0, 0.0, 100.0, 100.0);
  }

  @Test
  void shouldKeepCountingPastTheInitialSixtyFourWindows() {
    // Regression: offer() and attempt() indexed arrays that growing replaced (a 10-minute run with
    // 1 s windows failed at its 65th second).
    for (int i = 0; i < 200; i++) {
      long stamp = offerAt(s(i) + ms(10));
      attemptAt(s(i) + ms(10));
      finishAt(s(i) + ms(20), stamp, Outcome.OK, 1.0);
      now = s(i) + ms(30);
      metrics.forNode(1).count("c", 1);
      metrics.forNode(1).gauge("g", i);
    }
    List<WindowStats> w = metrics.windows(s(200));
    assertThat(w).hasSize(200);
    assertThat(w).extracting(WindowStats::offered).containsOnly(1L);
    assertThat(w).extracting(WindowStats::attempts).containsOnly(1L);
    assertThat(w).extracting(WindowStats::ok).containsOnly(1L);
    assertThat(metrics.totals().offered()).isEqualTo(198);
    assertThat(metrics.counterSeries(s(200)).get(0).perWindow()).hasSize(200).containsOnly(1L);
    assertThat(metrics.gaugeSeries(s(200)).get(0).max()[150]).isEqualTo(150.0);
  }

  @Test
  void shouldReadACrashedNodesGaugesAsZeroUntilItSetsThemAgain() {
    NodeMetrics api1 = metrics.forNode(1);
    NodeMetrics api2 = metrics.forNode(2);
    now = 0;
    api1.gauge("queue", 6);
    api2.gauge("queue", 6);
    // api-1 crashes halfway through window 0 and its new process sets the gauge at 2.5 s.
    now = ms(500);
    metrics.nodeCrashed(1);
    now = ms(2500);
    api1.gauge("queue", 2);
    List<GaugeSeriesData> g = metrics.gaugeSeries(s(3));
    assertThat(g.get(0).nodeName()).isEqualTo("api-1");
    assertThat(g.get(0).mean()).containsExactly(new double[] {3.0, 0.0, 1.0}, within(1e-9));
    // The other node is untouched; a crash of a node with no gauges changes nothing.
    metrics.nodeCrashed(3);
    assertThat(g.get(1).mean()).containsExactly(new double[] {6.0, 6.0, 6.0}, within(1e-9));
  }

  @Test
  void shouldHaveNoRequestSummaryUntilARequestIsRecorded() {
    now = s(1);
    metrics.forNode(1).count("c", 1);
    assertThat(metrics.requestSummary(s(3))).isEmpty();
    // A request in the warm-up is a request: the family exists, its totals leave it out.
    attemptAt(ms(100));
    assertThat(metrics.requestSummary(s(3)))
        .hasValueSatisfying(
            r -> {
              assertThat(r.totals().attempts()).isZero();
              assertThat(r.windows()).hasSize(3);
              assertThat(r.windows().get(0).attempts()).isEqualTo(1);
            });
  }

  @Test
  void shouldRefuseACounterOrGaugeItsGroupDidNotDeclare() {
    metrics.declare(
        "api",
        "node type 'server'",
        List.of(
            MetricSpec.counter("retries", "Retries", "retries"),
            MetricSpec.gauge("queue", "Queue depth", "requests")));
    NodeMetrics api = metrics.forNode(1);
    api.count("retries", 1);
    api.gauge("queue", 3);
    assertThatThrownBy(() -> api.count("retires", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "node api-1 recorded counter 'retires', which node type 'server' does not declare (it"
                + " declares counters retries); declare every metric a node records in its"
                + " type's metrics()");
    assertThatThrownBy(() -> api.gauge("inflight", 1))
        .hasMessageContaining("gauge 'inflight'")
        .hasMessageContaining("gauges queue");
    // A counter is not a gauge: the kinds are checked apart.
    assertThatThrownBy(() -> api.gauge("retries", 1)).hasMessageContaining("gauge 'retries'");
    assertThatThrownBy(api::offer)
        .hasMessageContaining("recorded a request")
        .hasMessageContaining("declares no latency metric");
    // Groups nobody declared anything about record what they like.
    metrics.forNode(3).count("anything", 1);
    client.offer();
  }

  @Test
  void shouldListEachDeclaredMetricOnceInDeclarationOrder() {
    MetricSpec retries = MetricSpec.counter("retries", "Retries", "retries");
    MetricSpec latency = MetricSpec.latency("latency", "Request latency");
    metrics.declare("client", "node type 'client'", List.of(latency, retries));
    metrics.declare(
        "api", "node type 'x'", List.of(MetricSpec.counter("retries", "Other", "x"), latency));
    metrics.declare("db", "node type 'db'", List.of(MetricSpec.gauge("retries", "Level", "x")));
    assertThat(metrics.metricSpecs())
        .extracting(m -> m.kind() + " " + m.name() + " " + m.title())
        .containsExactly(
            "LATENCY latency Request latency", "COUNTER retries Retries", "GAUGE retries Level");
    NodeMetrics c = metrics.forNode(0);
    long stamp = c.offer();
    c.attempt();
    c.finish(stamp, Outcome.OK, 1.0);
  }

  @Test
  void shouldRejectANonPositiveWindow() {
    assertThatThrownBy(() -> new MetricsCollector(0, 0, () -> 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window");
  }
}
