package dev.sim.kernel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSpecTest {
  @Test
  void shouldMakeAChartIdFromACamelCaseName() {
    assertThat(MetricSpec.chartId("retries")).isEqualTo("retries");
    assertThat(MetricSpec.chartId("healthyBackends")).isEqualTo("healthy-backends");
    assertThat(MetricSpec.chartId("noBackend")).isEqualTo("no-backend");
    assertThat(MetricSpec.chartId("ic1Violations")).isEqualTo("ic1-violations");
    assertThat(MetricSpec.chartId("heapLiveMB")).isEqualTo("heap-live-mb");
    assertThat(MetricSpec.chartId("aAttacks")).isEqualTo("a-attacks");
    assertThat(MetricSpec.chartId("HTTPErrors")).isEqualTo("http-errors");
    assertThat(MetricSpec.chartId("rumors_sent")).isEqualTo("rumors-sent");
  }

  @Test
  void shouldDrawACounterPerSecondAndAGaugeAsItsUnitByDefault() {
    MetricSpec c = MetricSpec.counter("rumorsSent", "Rumors sent", "rumors");
    assertThat(c.chart())
        .isEqualTo(
            new MetricSpec.Chart(
                "rumors-sent",
                "Rumors sent",
                "rumors per second",
                "Rumors sent",
                MetricSpec.Aggregate.SUM,
                false,
                MetricSpec.DEFAULT_ORDER,
                "",
                false));
    MetricSpec g = MetricSpec.gauge("hops", "Hops from the origin", "hops");
    assertThat(g.chart().yLabel()).isEqualTo("hops");
    assertThat(g.chart().compared()).isTrue();
    assertThat(MetricSpec.latency("latency", "Request latency").chart()).isNull();
  }

  @Test
  void shouldRefineAChartOneAspectAtATime() {
    MetricSpec s =
        MetricSpec.counter("gcYoung", "Young collections", "collections")
            .chart("gc-collections", "GC collections")
            .describe("Garbage collections started, per second")
            .legend("young")
            .order(20)
            .compared(true);
    assertThat(s.chart().id()).isEqualTo("gc-collections");
    assertThat(s.chart().title()).isEqualTo("GC collections");
    assertThat(s.chart().yLabel()).isEqualTo("collections per second");
    assertThat(s.chart().legend()).isEqualTo("young");
    assertThat(s.chart().order()).isEqualTo(20);
    assertThat(s.chart().compared()).isTrue();
    assertThat(s.title()).isEqualTo("Young collections");

    MetricSpec oom = MetricSpec.counter("oom", "Out-of-memory crashes", "crashes").runningTotal();
    assertThat(oom.chart().runningTotal()).isTrue();
    assertThat(oom.chart().yLabel()).isEqualTo("crashes (running total)");
    assertThat(MetricSpec.gauge("heapLiveMB", "Live heap", "MB").averaged().chart().aggregate())
        .isEqualTo(MetricSpec.Aggregate.MEAN);
  }

  @Test
  void shouldRejectBadNamesIdsAndMisplacedCharts() {
    assertThatThrownBy(() -> MetricSpec.counter("lost writes", "Lost", "writes"))
        .hasMessageContaining("metric name 'lost writes'");
    assertThatThrownBy(() -> MetricSpec.counter("lost", "Lost", "writes").chart("Lost_Writes"))
        .hasMessageContaining("chart id 'Lost_Writes'");
    assertThatThrownBy(() -> MetricSpec.counter("lost", " ", "writes"))
        .hasMessageContaining("needs a title");
    assertThatThrownBy(() -> MetricSpec.gauge("queue", "Queue", "requests").runningTotal())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MetricSpec.latency("latency", "Latency").chart("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("request/response charts");
  }

  @Test
  void shouldOfferTheGenericChartsAndEveryDeclaredOneOnce() {
    List<MetricSpec> protocol = List.of(MetricSpec.counter("verdicts", "Verdicts", "verdicts"));
    assertThat(ChartNames.available(protocol))
        .containsExactly(
            "yield",
            "harvest",
            "latency",
            "latency-all",
            "throughput",
            "lost-writes",
            "verdicts",
            "spacetime",
            "gauges",
            "counters");
    List<MetricSpec> service =
        List.of(
            MetricSpec.latency("latency", "Request latency"),
            MetricSpec.counter("retries", "Retries", "retries"),
            MetricSpec.counter("gcYoung", "Young", "collections").chart("gc-collections"),
            MetricSpec.counter("gcFull", "Full", "collections").chart("gc-collections"));
    assertThat(ChartNames.available(service))
        .containsExactly(
            "yield",
            "harvest",
            "latency",
            "latency-all",
            "throughput",
            "lost-writes",
            "retries",
            "gc-collections",
            "spacetime",
            "gauges",
            "counters");
  }
}
