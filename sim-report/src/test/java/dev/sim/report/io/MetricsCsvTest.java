package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.report.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {
  private final RunResult r = Fixtures.spiral();
  private final String[] lines = MetricsCsv.toCsv(r).split("\n");

  @Test
  void hasOneRowPerWindowAfterTheHeader() {
    assertThat(lines).hasSize(r.windows().size() + 1);
    assertThat(lines[0])
        .startsWith(
            "window,startSeconds,offered,ok,failed,timedOut,rejected,"
                + "attempts,yield,harvest,p50Ms,p90Ms,p99Ms,maxMs,");
  }

  @Test
  void hasGroupGaugeAndCounterColumns() {
    List<String> header = List.of(lines[0].split(","));
    assertThat(header)
        .contains(
            "api.queue.mean",
            "api.queue.max",
            "api.heapLiveMB.mean",
            "api.inflight.max",
            "api.gcPauseMs",
            "clients.retries");
  }

  @Test
  void rowsHoldTheWindowFiguresWithSumsOverInstances() {
    List<String> header = List.of(lines[0].split(",", -1));
    String[] row = lines[401].split(",", -1);
    WindowStats w = r.windows().get(400);
    assertThat(row[0]).isEqualTo("400");
    assertThat(row[1]).isEqualTo("400.0");
    assertThat(Long.parseLong(row[3])).isEqualTo(w.ok());
    assertThat(Double.parseDouble(row[8])).isEqualTo(w.yield());
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (GaugeSeriesData g : r.gauges()) {
      if (g.name().equals("queue")) {
        sum += g.mean()[400];
        max = Math.max(max, g.max()[400]);
      }
    }
    assertThat(Double.parseDouble(row[header.indexOf("api.queue.mean")])).isEqualTo(sum);
    assertThat(Double.parseDouble(row[header.indexOf("api.queue.max")])).isEqualTo(max);
  }

  @Test
  void undefinedValuesAreEmptyCells() {
    String[] row = lines[6].split(",", -1);
    assertThat(row[8]).isEmpty();
    assertThat(row[10]).isEmpty();
  }
}
