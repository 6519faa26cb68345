package dev.sim.kernel.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  record Tick() {}

  /** A node that ticks every microsecond: 200,001 events in 200 ms of simulated time. */
  static final class Ticker implements Node {
    @Override
    public void start(NodeContext ctx) {
      ctx.onTimer(Tick.class, t -> ctx.setTimer(1_000, new Tick()));
      ctx.setTimer(0, new Tick());
    }
  }

  private static RunResult run(Progress progress) {
    Simulation sim = Simulation.builder("progress", 7).progress(progress).build();
    sim.addNode("ticker", "ticker", Ticker::new);
    return sim.run(RunLimits.simulated(200_000_000));
  }

  @Test
  void shouldReportEvery65536EventsWithTheSimulatedTimeReachedAndLeaveTheRunUnchanged() {
    List<long[]> calls = new ArrayList<>();
    RunResult with = run((now, events) -> calls.add(new long[] {now, events}));
    RunResult without = run(Progress.NONE);

    // 200,001 events: told before the first and after 65,536, 131,072 and 196,608.
    assertThat(calls).hasSize(4);
    assertThat(calls.get(0)).containsExactly(0, 0);
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i)[1]).isEqualTo(65_536L * i);
      // Event k (counting the start as event 1) is the tick at (k - 2) microseconds.
      assertThat(calls.get(i)[0]).isEqualTo((65_536L * i - 2) * 1_000);
    }
    assertThat(with.events()).isEqualTo(without.events());
    assertThat(with.traceHash()).isEqualTo(without.traceHash());
  }
}
