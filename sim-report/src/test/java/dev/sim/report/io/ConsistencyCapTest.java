package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.HistoryRuns;
import dev.sim.report.KernelRun;
import dev.sim.report.chart.TimeChart;
import dev.sim.report.chart.TimeCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * summary.json and result.json carry at most {@link ConsistencySummary#LOST_LISTED} lost writes, a
 * count of the rest and every one counted per window, so that a run that lost thousands does not
 * write thousands of lines, and its chart is drawn the same from the saved folder.
 */
class ConsistencyCapTest {
  private static final long MS = 1_000_000L;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  /** {@code n} lost writes, the i-th acknowledged at i × 10 ms and shown lost 500 ms later. */
  static ConsistencySummary losing(int n) {
    List<ConsistencySummary.LostWrite> lost = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lost.add(
          new ConsistencySummary.LostWrite("k" + i % 3, i, i * 10 * MS, i * 10 * MS + 500 * MS));
    }
    return HistoryRuns.withLost(ConsistencyJsonTest.summary(), lost);
  }

  @Test
  void summaryJsonListsTheFirstHundredCountsTheRestAndKeepsTheContractsMeanings() throws Exception {
    RunResult r = KernelRun.run(42).toBuilder().family(losing(1_000)).build();
    JsonNode c = JSON.readTree(SummaryJson.toJson(r)).get("consistency");
    assertThat(List.copyOf(c.propertyNames()).subList(0, 7))
        .containsExactly(
            "model", "valid", "ops", "lostWrites", "staleReads", "siblingsMax", "divergentKeys");
    // The contract's figure still counts every lost write.
    assertThat(c.get("lostWrites").longValue()).isEqualTo(1_000);
    assertThat(c.get("lost")).hasSize(ConsistencySummary.LOST_LISTED);
    assertThat(c.get("lost").get(99).get("value").longValue()).isEqualTo(99);
    assertThat(c.get("lostLeftOut").longValue()).isEqualTo(900);
    JsonNode w = c.get("lostByWindow");
    assertThat(w.get("windowSeconds").doubleValue()).isEqualTo(r.windowNanos() / 1e9);
    assertThat(w.get("acknowledged")).hasSize(r.windowCount());
    assertThat(sum(w.get("acknowledged"))).isEqualTo(1_000);
    assertThat(sum(w.get("shown"))).isEqualTo(1_000);
    // 10 ms apart: the first window of the run's windows holds those acknowledged in it.
    long perWindow = r.windowNanos() / (10 * MS);
    assertThat(w.get("acknowledged").get(0).longValue()).isEqualTo(perWindow);
  }

  @Test
  void aFewLostWritesAreAllListedWithNothingLeftOut() throws Exception {
    RunResult r = KernelRun.run(42).toBuilder().family(losing(3)).build();
    JsonNode c = JSON.readTree(SummaryJson.toJson(r)).get("consistency");
    assertThat(c.get("lost")).hasSize(3);
    assertThat(c.get("lostLeftOut").longValue()).isZero();
    assertThat(sum(c.get("lostByWindow").get("acknowledged"))).isEqualTo(3);
  }

  @Test
  void resultJsonReadsBackTheCappedFamilyAndTheSameChart() throws Exception {
    ConsistencySummary full = losing(1_000);
    RunResult r = KernelRun.run(42).toBuilder().family(full).build();
    RunFolder.write(r, dir);
    RunResult back = RunFolder.read(dir);
    ConsistencySummary c = back.consistency().orElseThrow();
    assertThat(c).isEqualTo(full.capped(r.windowNanos(), r.windowCount()));
    assertThat(c.lost()).hasSize(ConsistencySummary.LOST_LISTED);
    assertThat(c.lostLeftOut()).isEqualTo(900);
    // Capping again changes nothing; the windows still count all 1,000.
    assertThat(c.capped(r.windowNanos(), r.windowCount())).isSameAs(c);
    assertThat(
            c.lostPerWindow(r.windowNanos(), r.windowCount()).acknowledged().stream()
                .mapToLong(Long::longValue)
                .sum())
        .isEqualTo(1_000);
    TimeChart before = lostChart(r);
    TimeChart after = lostChart(back);
    assertThat(after.series("acknowledged").y()).containsExactly(before.series("acknowledged").y());
    assertThat(after.series("shown").y()).containsExactly(before.series("shown").y());
  }

  @Test
  void resultJsonOfAFewLostWritesReadsBackEqualToTheRecordedFamily() throws Exception {
    ConsistencySummary few = losing(3);
    RunFolder.write(KernelRun.run(42).toBuilder().family(few).build(), dir);
    assertThat(RunFolder.read(dir).consistency()).contains(few);
  }

  @Test
  void resultJsonWithMismatchedWindowsIsRefusedNamingTheFields() throws Exception {
    RunResult r = KernelRun.run(42).toBuilder().family(losing(1_000)).build();
    RunFolder.write(r, dir);
    Path file = dir.resolve(RunFolder.RESULT);
    String text = Files.readString(file).replaceFirst("\"shown\": \\[\\d+, ", "\"shown\": [");
    Files.writeString(file, text);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunFolder.read(dir))
        .hasMessageContaining("lostWindows.acknowledged")
        .hasMessageContaining("one count per window");
  }

  private static TimeChart lostChart(RunResult r) {
    return TimeCharts.forRun(r).stream()
        .filter(c -> c.id().equals("lost-writes"))
        .findFirst()
        .orElseThrow();
  }

  private static long sum(JsonNode counts) {
    long n = 0;
    for (JsonNode v : counts) {
      n += v.longValue();
    }
    return n;
  }
}
