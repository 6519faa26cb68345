package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.CounterSeries;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.Fixtures;
import dev.sim.report.KernelRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {
  @TempDir Path dir;

  /** Compares every component; arrays by content, which record equality does not do. */
  static void assertSameRun(RunResult actual, RunResult expected) {
    assertThat(actual.scenario()).isEqualTo(expected.scenario());
    assertThat(actual.seed()).isEqualTo(expected.seed());
    assertThat(actual.simulatedNanos()).isEqualTo(expected.simulatedNanos());
    assertThat(actual.events()).isEqualTo(expected.events());
    assertThat(actual.stopReason()).isEqualTo(expected.stopReason());
    assertThat(actual.stopDetail()).isEqualTo(expected.stopDetail());
    assertThat(actual.traceHash()).isEqualTo(expected.traceHash());
    assertThat(Double.valueOf(actual.wallSeconds()))
        .isEqualTo(Double.valueOf(expected.wallSeconds()));
    // Records compare doubles with Double.compare, so NaN equals NaN here.
    assertThat(actual.families()).isEqualTo(expected.families());
    assertThat(actual.metricSpecs()).isEqualTo(expected.metricSpecs());
    assertThat(actual.counters()).isEqualTo(expected.counters());
    assertThat(actual.windowNanos()).isEqualTo(expected.windowNanos());
    assertThat(actual.warmupNanos()).isEqualTo(expected.warmupNanos());
    assertThat(actual.counterSeries()).hasSameSizeAs(expected.counterSeries());
    for (int i = 0; i < expected.counterSeries().size(); i++) {
      CounterSeries a = actual.counterSeries().get(i);
      CounterSeries e = expected.counterSeries().get(i);
      assertThat(a.group()).isEqualTo(e.group());
      assertThat(a.name()).isEqualTo(e.name());
      assertThat(a.total()).isEqualTo(e.total());
      assertThat(a.perWindow()).containsExactly(e.perWindow());
    }
    assertThat(actual.gauges()).hasSameSizeAs(expected.gauges());
    for (int i = 0; i < expected.gauges().size(); i++) {
      GaugeSeriesData a = actual.gauges().get(i);
      GaugeSeriesData e = expected.gauges().get(i);
      assertThat(List.of(a.node(), a.nodeName(), a.group(), a.name()))
          .isEqualTo(List.of(e.node(), e.nodeName(), e.group(), e.name()));
      assertThat(a.mean()).containsExactly(e.mean());
      assertThat(a.max()).containsExactly(e.max());
    }
    assertThat(actual.nodes()).isEqualTo(expected.nodes());
    assertThat(actual.annotations()).isEqualTo(expected.annotations());
    assertThat(actual.nodeEvents()).isEqualTo(expected.nodeEvents());
    assertThat(actual.messages()).isEqualTo(expected.messages());
    assertThat(actual.failure()).isEqualTo(expected.failure());
    assertThat(actual.expectations()).isEqualTo(expected.expectations());
    assertThat(actual.info()).isEqualTo(expected.info());
  }

  @Test
  void aKernelRunReadsBackEqual() throws Exception {
    RunResult r = KernelRun.run(42);
    RunFolder.write(r, dir);
    assertSameRun(RunFolder.read(dir), r);
  }

  @Test
  void aRunWithNaNsOddTextAndAFailureReadsBackEqual() throws Exception {
    RunResult s = Fixtures.spiral();
    RequestSummary q = s.requests().orElseThrow();
    RunResult r =
        s.toBuilder()
            .stop(dev.sim.kernel.result.StopReason.NODE_FAILURE, null)
            .family(
                new RequestSummary(
                    q.totals(), Double.NaN, Double.POSITIVE_INFINITY, q.latencyMs(), q.windows()))
            .failure(
                new Failure(
                    3,
                    "api-2",
                    123_456_789L,
                    "message Ping from \"api-1\"",
                    "java.lang.IllegalStateException: bad\u0001state \u2028 ünïcødé",
                    "at x\n\tat y\r\n"))
            .build();
    RunFolder.write(r, dir);
    assertSameRun(RunFolder.read(dir), r);
  }

  @Test
  void aRunWithoutRequestsAndWithUndrawnSpecsReadsBackEqual() throws Exception {
    RunResult r =
        Fixtures.spiral(20, "generals", 1).toBuilder()
            .withoutFamily(RequestSummary.NAME)
            .metricSpecs(
                List.of(
                    MetricSpec.latency("latency", "Request latency"),
                    MetricSpec.counter("verdicts", "Verdicts", "verdicts")
                        .runningTotal()
                        .legend("a | b")
                        .order(-3)))
            .build();
    RunFolder.write(r, dir);
    RunResult back = RunFolder.read(dir);
    assertSameRun(back, r);
    assertThat(back.requests()).isEmpty();
  }

  @Test
  void aFolderOfAnotherFormatIsRefusedNamingIt() throws Exception {
    RunFolder.write(KernelRun.run(3), dir);
    Path result = dir.resolve("result.json");
    java.nio.file.Files.writeString(
        result, java.nio.file.Files.readString(result).replace(ResultJson.FORMAT, "sim-result/1"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunFolder.read(dir))
        .hasMessageContaining("sim-result/1");
  }

  @Test
  void writingIsAPureFunctionOfTheRun() {
    RunResult r = KernelRun.run(9);
    assertThat(ResultJson.toJson(r)).isEqualTo(ResultJson.toJson(KernelRun.run(9)));
  }
}
