package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.ChartNames;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.chart.ChartFile;
import dev.sim.report.chart.TimeChart;
import dev.sim.report.chart.TimeCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consistency family's chart: lost writes over time, with the fault bands. */
class LostWritesChartTest {
  @TempDir Path dir;

  private static TimeChart lostChart(RunResult r) {
    return TimeCharts.forRun(r).stream()
        .filter(c -> c.id().equals("lost-writes"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void countsEachLostWriteInTheWindowItWasAcknowledgedInAndInTheOneItsLossShowed() {
    RunResult r = HistoryRuns.registers(50, true);
    TimeChart c = lostChart(r);
    assertThat(c).isNotNull();
    assertThat(ChartNames.GENERIC).contains(c.id());
    double[] acked = c.series("acknowledged").y();
    double[] shown = c.series("shown").y();
    assertThat(acked).hasSize(r.windowCount());
    // The write of 777 was acknowledged at 9.402 s, the read that missed it began at 9.5 s.
    int window = (int) (HistoryRuns.LOST_WRITE_NANOS / r.windowNanos());
    assertThat(acked[window]).isEqualTo(1);
    assertThat(shown[(int) (HistoryRuns.STALE_READ_NANOS / r.windowNanos())]).isEqualTo(1);
    assertThat(java.util.Arrays.stream(acked).sum()).isEqualTo(1);
    // The partition is shaded as on every other chart.
    assertThat(c.bands()).isEqualTo(TimeCharts.bands(r));
    assertThat(c.bands()).extracting(b -> b.kind()).containsExactly("partition");
  }

  @Test
  void aRunThatLostNothingOrHasNoHistoryHasNoLostWritesChart() {
    assertThat(lostChart(HistoryRuns.registers(50, false))).isNull();
    assertThat(lostChart(Fixtures.spiral(20, "plain", 1))).isNull();
  }

  @Test
  void isDrawnAsPngAndSvgWhenNamedAndLinesUpWithTheOtherCharts() throws Exception {
    RunResult r = HistoryRuns.registers(50, true);
    List<ChartFile> only = Report.writeCharts(r, dir, Set.of("lost-writes"));
    assertThat(only).extracting(ChartFile::id).containsExactly("lost-writes");
    assertThat(Files.size(only.get(0).png())).isPositive();
    assertThat(Files.readString(only.get(0).svg())).contains("Lost writes");
    List<ChartFile> all =
        Report.writeCharts(r, dir, new LinkedHashSet<>(List.of("yield", "latency", "lost-writes")));
    assertThat(all).extracting(ChartFile::id).containsExactly("yield", "latency", "lost-writes");
    for (ChartFile f : all) {
      assertThat(f.plotLeft()).as("left edge of %s", f.id()).isEqualTo(all.get(0).plotLeft());
      assertThat(f.plotRight()).as("right edge of %s", f.id()).isEqualTo(all.get(0).plotRight());
    }
  }

  @Test
  void aSavedRunWhoseListWasCappedDrawsTheSameChart() throws Exception {
    RunResult r = HistoryRuns.registers(50, true);
    ConsistencySummary c = r.consistency().orElseThrow();
    List<ConsistencySummary.LostWrite> many = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      many.add(new ConsistencySummary.LostWrite("r1", i, i * 30_000_000L, i * 30_000_000L + 5));
    }
    RunResult losing = r.toBuilder().family(HistoryRuns.withLost(c, many)).build();
    dev.sim.report.io.RunFolder.write(losing, dir);
    RunResult back = dev.sim.report.io.RunFolder.read(dir);
    assertThat(back.consistency().orElseThrow().lost()).hasSize(ConsistencySummary.LOST_LISTED);
    assertThat(lostChart(back).series("acknowledged").y())
        .containsExactly(lostChart(losing).series("acknowledged").y());
  }
}
