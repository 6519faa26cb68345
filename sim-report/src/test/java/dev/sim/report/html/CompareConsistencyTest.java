package dev.sim.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.HistoryRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareConsistencyTest {
  @Test
  void theFiguresTableSetsTheVerdictsAndLostWritesSideBySide() {
    RunResult broken = HistoryRuns.registers(20, true);
    RunResult fixed = HistoryRuns.registers(20, false);
    String page = ComparePage.html(broken, fixed, List.of(), Path.of("."));
    assertThat(page)
        .contains("<tr><td>consistency</td><td class=\"num\">invalid</td>")
        .contains("<td class=\"num\">valid</td>")
        .contains("<tr><td>lost writes</td><td class=\"num\">1</td><td class=\"num\">0</td>");
  }

  @Test
  void runsWithoutHistoriesGetNoConsistencyRows() {
    RunResult plain = RunResult.builder("plain", 1).build();
    assertThat(ComparePage.html(plain, plain, List.of(), Path.of(".")))
        .doesNotContain("<td>consistency</td>");
  }
}
