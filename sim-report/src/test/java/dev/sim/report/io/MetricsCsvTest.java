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
    assertThat(lines).hasSize(r.requestsOrNone().windows().size() + 1);
    assertThat(lines[0])
        .startsWith(
            "window,startSeconds,offered,ok,failed,timedOut,rejected,"
                + "attempts,yield,harvest,p50Ms,p90Ms,p99Ms,maxMs,");
  }

  @Test
  void hasGroupGaugeAndCounterColumns() {
    List<String> header = List.of(lines[0].split(","));
    assertThat(header).doesNotContain("api.queue.mean", "api.queue.max");
    assertThat(header)
        .contains(
            "api.queue.mean_per_node",
            "api.queue.max_per_node",
            "api.queue.mean_sum",
            "api.heapLiveMB.mean_per_node",
            "api.inflight.max_per_node",
            "api.gcPauseMs",
            "clients.retries");
  }

  @Test
  void rowsHoldTheWindowFiguresWithPerNodeAndSummedGauges() {
    List<String> header = List.of(lines[0].split(",", -1));
    String[] row = lines[401].split(",", -1);
    WindowStats w = r.requestsOrNone().windows().get(400);
    assertThat(row[0]).isEqualTo("400");
    assertThat(row[1]).isEqualTo("400.0");
    assertThat(Long.parseLong(row[3])).isEqualTo(w.ok());
    assertThat(Double.parseDouble(row[8])).isEqualTo(w.yield());
    double sum = 0;
    int n = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (GaugeSeriesData g : r.gauges()) {
      if (g.name().equals("queue")) {
        sum += g.mean()[400];
        n++;
        max = Math.max(max, g.max()[400]);
      }
    }
    assertThat(n).as("api nodes with a queue gauge").isEqualTo(3);
    assertThat(Double.parseDouble(row[header.indexOf("api.queue.mean_per_node")]))
        .isEqualTo(sum / n);
    assertThat(Double.parseDouble(row[header.indexOf("api.queue.max_per_node")])).isEqualTo(max);
    assertThat(Double.parseDouble(row[header.indexOf("api.queue.mean_sum")])).isEqualTo(sum);
  }

  /**
   * A node's time-weighted mean never exceeds its maximum, so neither can the mean over a group's
   * nodes exceed the largest node maximum. The old {@code .mean} column summed the nodes and broke
   * this on any group of more than one busy node.
   */
  @Test
  void meanPerNodeIsAtMostMaxPerNodeForEveryGaugeOfAMultiNodeGroup() {
    List<String> header = List.of(lines[0].split(",", -1));
    List<String> gauges =
        header.stream()
            .filter(h -> h.endsWith(".mean_per_node"))
            .map(h -> h.substring(0, h.length() - ".mean_per_node".length()))
            .toList();
    assertThat(gauges).contains("api.queue", "api.inflight", "api.heapLiveMB");
    int checked = 0;
    for (String g : gauges) {
      int mean = header.indexOf(g + ".mean_per_node");
      int max = header.indexOf(g + ".max_per_node");
      assertThat(max).as("max column of %s", g).isEqualTo(mean + 1);
      for (int l = 1; l < lines.length; l++) {
        String[] row = lines[l].split(",", -1);
        if (row[mean].isEmpty()) {
          continue;
        }
        assertThat(Double.parseDouble(row[mean]))
            .as("%s in window %s", g, row[0])
            .isLessThanOrEqualTo(Double.parseDouble(row[max]));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(3 * r.requestsOrNone().windows().size());
  }

  @Test
  void undefinedValuesAreEmptyCells() {
    String[] row = lines[6].split(",", -1);
    assertThat(row[8]).isEmpty();
    assertThat(row[10]).isEmpty();
  }
}
