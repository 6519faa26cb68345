package dev.sim.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.Better;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.metrics.MetricsCollector;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.html.ComparePage;
import dev.sim.report.io.MetricsCsv;
import dev.sim.report.io.SummaryJson;
import dev.sim.report.text.FigureComparison.Judgement;
import dev.sim.report.text.FigureComparison.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Goodput and the latency of all finished requests in the run's files, and the comparison that
 * judges each figure by its direction: a run whose yield collapsed answers its few successes
 * quickly, and that must not be painted as an improvement.
 */
class FiguresByDirectionTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  /**
   * Ten seconds of two groups, 100 requests a second each; {@code eastOk} of every 100 east
   * requests succeed in {@code okMs}, the others time out at 1s; west always succeeds in 40ms.
   */
  static RunResult run(String name, int eastOk, long okMs, Map<String, Long> counters) {
    long[] now = {0};
    MetricsCollector m = new MetricsCollector(S, 0, () -> now[0]);
    m.setNodes(new String[] {"east-1", "west-1"}, new String[] {"east", "west"});
    NodeMetrics east = m.forNode(0);
    NodeMetrics west = m.forNode(1);
    for (int sec = 0; sec < 10; sec++) {
      for (int i = 0; i < 100; i++) {
        long at = sec * S + i * 10 * MS;
        boolean ok = i < eastOk;
        now[0] = at;
        long e = east.offer();
        east.attempt();
        long w = west.offer();
        west.attempt();
        now[0] = at + 40 * MS;
        west.finish(w, Outcome.OK, 1);
        now[0] = at + (ok ? okMs * MS : S);
        east.finish(e, ok ? Outcome.OK : Outcome.TIMED_OUT, 1);
      }
    }
    now[0] = 11 * S;
    return RunResult.builder(name, 42)
        .simulatedNanos(10 * S)
        .windows(S, 0)
        .counters(counters)
        .metricSpecs(
            List.of(
                MetricSpec.counter("oom", "Out-of-memory crashes", "crashes").better(Better.LOWER),
                MetricSpec.counter("retries", "Retries", "retries")))
        .family(m.requestSummary(10 * S).orElseThrow())
        .build();
  }

  private static Row row(List<Row> rows, String figure) {
    return rows.stream().filter(r -> r.figure().equals(figure)).findFirst().orElseThrow();
  }

  @Test
  void shouldWriteGoodputAllFinishedLatencyAndGroupsToSummaryJson() throws Exception {
    RunResult broken = run("broken", 22, 10, Map.of());
    JsonNode s = JsonMapper.builder().build().readTree(SummaryJson.toJson(broken));
    List<String> keys = new ArrayList<>(s.propertyNames());
    // Added after failure (consistency, when a run has it, stays last); the earlier keys keep
    // their places and meaning.
    assertThat(keys.subList(keys.size() - 4, keys.size()))
        .containsExactly("failure", "goodputPerSecond", "latencyAllMs", "groups");
    assertThat(keys.indexOf("latencyMs")).isEqualTo(9);
    // 22 east + 100 west successes a second.
    assertThat(s.get("goodputPerSecond").doubleValue()).isEqualTo(122.0);
    assertThat(s.get("latencyMs").get("p99").doubleValue()).isLessThan(41);
    assertThat(s.get("latencyAllMs").get("p99").doubleValue()).isBetween(990.0, 1010.0);
    assertThat(s.get("latencyAllMs").propertyNames())
        .containsExactly("mean", "p50", "p90", "p99", "p999", "max");
    JsonNode east = s.get("groups").get("east");
    assertThat(s.get("groups").propertyNames()).containsExactly("east", "west");
    assertThat(east.propertyNames())
        .containsExactly(
            "requests", "yield", "harvest", "goodputPerSecond", "latencyMs", "latencyAllMs");
    assertThat(east.get("yield").doubleValue()).isEqualTo(0.22);
    assertThat(east.get("goodputPerSecond").doubleValue()).isEqualTo(22.0);
    assertThat(east.get("latencyMs").get("p99").doubleValue()).isBetween(9.9, 10.1);
    assertThat(east.get("requests").get("timedOut").longValue()).isEqualTo(780);
    assertThat(s.get("groups").get("west").get("latencyAllMs").get("max").doubleValue())
        .isBetween(39.9, 40.1);
  }

  @Test
  void shouldAppendGoodputAllLatencyAndGroupColumnsToMetricsCsv() {
    String[] lines = MetricsCsv.toCsv(run("broken", 22, 10, Map.of())).split("\n");
    List<String> header = List.of(lines[0].split(",", -1));
    assertThat(header.subList(0, 14))
        .containsExactly(
            "window",
            "startSeconds",
            "offered",
            "ok",
            "failed",
            "timedOut",
            "rejected",
            "attempts",
            "yield",
            "harvest",
            "p50Ms",
            "p90Ms",
            "p99Ms",
            "maxMs");
    assertThat(header)
        .containsSubsequence(
            "goodputPerSecond",
            "allP50Ms",
            "allP90Ms",
            "allP99Ms",
            "allMaxMs",
            "group.east.offered",
            "group.east.yield",
            "group.east.goodputPerSecond",
            "group.east.allP99Ms",
            "group.west.offered",
            "group.west.allMaxMs");
    List<String> row = List.of(lines[1].split(",", -1));
    assertThat(row).hasSize(header.size());
    assertThat(Double.parseDouble(row.get(header.indexOf("goodputPerSecond")))).isEqualTo(122.0);
    assertThat(row.get(header.indexOf("group.east.yield"))).isEqualTo("0.22");
    assertThat(Double.parseDouble(row.get(header.indexOf("allP99Ms")))).isBetween(990.0, 1010.0);
    assertThat(Double.parseDouble(row.get(header.indexOf("p99Ms")))).isLessThan(41);
  }

  @Test
  void shouldNotPaintACollapsedRunsLowerSuccessLatencyAsAnImprovement() {
    RunResult healthy = run("healthy", 100, 60, Map.of());
    RunResult broken = run("broken", 22, 10, Map.of());
    List<Row> rows = FigureComparison.rows(healthy, broken);
    Row p99 = row(rows, "latency p99, successful");
    assertThat(p99.judgement()).isEqualTo(Judgement.NOT_COMPARABLE);
    assertThat(p99.note()).startsWith("not comparable: yield differs");
    assertThat(p99.better()).isEqualTo(Better.LOWER);
    assertThat(row(rows, "yield").judgement()).isEqualTo(Judgement.WORSE);
    assertThat(row(rows, "goodput (ok per second)").judgement()).isEqualTo(Judgement.WORSE);
    assertThat(row(rows, "latency p99, all finished").judgement()).isEqualTo(Judgement.WORSE);
    assertThat(row(rows, "requests offered").better()).isEqualTo(Better.NEUTRAL);
    assertThat(row(rows, "group east yield").judgement()).isEqualTo(Judgement.WORSE);
    assertThat(row(rows, "group west yield").judgement()).isEqualTo(Judgement.NONE);
    // The figures that count every request lead the table.
    assertThat(rows.subList(0, 4))
        .extracting(Row::figure)
        .containsExactly(
            "yield",
            "goodput (ok per second)",
            "latency p50, all finished",
            "latency p99, all finished");

    // The fix the other way round: its higher success p99 is not red either.
    List<Row> fix = FigureComparison.rows(broken, healthy);
    assertThat(row(fix, "latency p99, successful").judgement()).isEqualTo(Judgement.NOT_COMPARABLE);
    assertThat(row(fix, "goodput (ok per second)").judgement()).isEqualTo(Judgement.BETTER);
    assertThat(row(fix, "latency p99, all finished").judgement()).isEqualTo(Judgement.BETTER);
  }

  @Test
  void shouldJudgeSuccessLatencyWhenYieldsAgree() {
    RunResult slow = run("slow", 99, 60, Map.of());
    RunResult fast = run("fast", 99, 10, Map.of());
    Row p99 = row(FigureComparison.rows(slow, fast), "latency p99, successful");
    assertThat(p99.judgement()).isEqualTo(Judgement.BETTER);
    assertThat(p99.note()).isEmpty();
  }

  @Test
  void shouldJudgeADeclaredCounterByItsDirectionAndLeaveOthersNeutral() {
    RunResult a = run("a", 99, 10, Map.of("oom", 0L, "retries", 10L));
    RunResult b = run("b", 99, 10, Map.of("oom", 3L, "retries", 500L));
    List<Row> rows = FigureComparison.rows(a, b);
    assertThat(row(rows, "counter oom").judgement()).isEqualTo(Judgement.WORSE);
    assertThat(row(rows, "counter oom").better()).isEqualTo(Better.LOWER);
    assertThat(row(rows, "counter retries").judgement()).isEqualTo(Judgement.NONE);
  }

  @Test
  void shouldShowTheDirectionColumnAndNotColourTheIncomparableRowsOnThePage() {
    RunResult healthy = run("healthy", 100, 60, Map.of());
    RunResult broken = run("broken", 22, 10, Map.of());
    String page = ComparePage.html(healthy, broken, List.of(), Path.of("."));
    assertThat(page).contains("<th title=\"which way the figure improves\">better</th>");
    String successRow = line(page, "<td>latency p99, successful</td>");
    assertThat(successRow)
        .contains("not comparable: yield differs")
        .doesNotContain("class=\"better\"")
        .doesNotContain("class=\"worse\"")
        .contains(">↓</td>");
    assertThat(line(page, "<td>goodput (ok per second)</td>"))
        .contains("class=\"worse\"")
        .contains(">↑</td>");
    assertThat(line(page, "<td>requests offered</td>")).contains(">–</td>");
    assertThat(page).contains("Latency of successful requests: not comparable: yield differs");
  }

  private static String line(String page, String marker) {
    return page.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
  }
}
