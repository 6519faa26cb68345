package dev.sim.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Operation;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.HistoryRuns;
import org.junit.jupiter.api.Test;

class WitnessTest {
  @Test
  void theWitnessOfAnInvalidRunIsFoundAgainInItsHistory() {
    RunResult r = HistoryRuns.registers(50, true);
    Witness w = Witness.of(r).orElseThrow();
    assertThat(w.key()).isEqualTo(r.consistency().orElseThrow().witnessKey()).isEqualTo("r0");
    Operation stuck = w.stuck().orElseThrow();
    assertThat(stuck.invokeNanos()).isEqualTo(HistoryRuns.STALE_READ_NANOS);
    assertThat(stuck.isRead()).isTrue();
    // The explanation the summary carries names the same operation.
    assertThat(r.consistency().orElseThrow().witness()).contains("index " + stuck.invokeIndex());
    // The write of the value the read returned explains it; the lost write ends the prefix.
    assertThat(w.related()).isNotEmpty().allMatch(o -> o.written().equals(stuck.value()));
    assertThat(w.prefixTail(1)).extracting(Operation::written).containsExactly(777L);
  }

  @Test
  void aValidRunOrOneWithoutAHistoryHasNoWitness() {
    assertThat(Witness.of(HistoryRuns.registers(50, false))).isEmpty();
    RunResult noHistory =
        HistoryRuns.registers(50, true).toBuilder()
            .history(dev.sim.kernel.history.HistoryData.EMPTY)
            .build();
    assertThat(Witness.of(noHistory)).isEmpty();
  }
}
