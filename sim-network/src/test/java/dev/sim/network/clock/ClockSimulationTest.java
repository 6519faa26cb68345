package dev.sim.network.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skewed clocks inside a running simulation: what nodes read and when their timers fire. */
class ClockSimulationTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  record Fire() {}

  @Test
  void shouldShowOffsetAndDriftThroughLocalTime() {
    SkewedClocks clocks = new SkewedClocks(2);
    clocks.setOffsetNanos(0, 300 * MS);
    clocks.setDriftPpm(0, 200);
    clocks.setOffsetNanos(1, -5 * MS);
    Simulation sim = Simulation.builder("clocks", 1).clocks(clocks).build();
    List<Long> readings = new ArrayList<>();
    // The node reads its clock when it starts: at 0, and again after a restart at 10 s.
    sim.addNode("a", "a", () -> ctx -> readings.add(ctx.localTime()));
    sim.addNode("b", "b", () -> ctx -> readings.add(ctx.localTime()));
    sim.schedule(
        10 * S,
        "restart a",
        () -> {
          sim.crash(0, "test");
          sim.restart(0, "test");
        });
    sim.run(RunLimits.simulated(11 * S));
    // 10 s at +200 ppm gains 2 ms.
    assertThat(readings).containsExactly(300 * MS, -5 * MS, 300 * MS + 10 * S + 2 * MS);
  }

  @Test
  void shouldFireADriftingTimerAtTheRightSimulatedTime() {
    List<Long> fired = runOneSecondTimer(1000, null);
    // +1000 ppm: one local second passes in 1/1.001 simulated seconds (999,000,999.0 ns, and the
    // clock first reads at least 1 s at 999,001,000 ns since it gains 1 ns every 1000).
    assertThat(fired).hasSize(1);
    assertThat((double) fired.get(0)).isCloseTo(1e9 / 1.001, within(2.0));
    assertThat(fired.get(0)).isEqualTo(999_001_000L);

    List<Long> slow = runOneSecondTimer(-1000, null);
    assertThat((double) slow.get(0)).isCloseTo(1e9 / 0.999, within(2.0));
  }

  @Test
  void shouldFirePendingTimersEarlierAfterAForwardJump() {
    List<Long> fired = runOneSecondTimer(0, new long[] {200 * MS, 300 * MS});
    assertThat(fired).containsExactly(700 * MS);
  }

  @Test
  void shouldFirePendingTimersLaterAfterABackwardJump() {
    List<Long> fired = runOneSecondTimer(0, new long[] {200 * MS, -300 * MS});
    assertThat(fired).containsExactly(1300 * MS);
  }

  @Test
  void shouldFireAtOnceWhenAJumpPassesTheTimersDueTime() {
    List<Long> fired = runOneSecondTimer(0, new long[] {200 * MS, 5 * S});
    assertThat(fired).containsExactly(200 * MS);
  }

  @Test
  void shouldCombineDriftAndJump() {
    // +500 ppm, then +100 ms at 400 ms: 1 s local is reached 100 ms + 500 ppm earlier.
    List<Long> fired = runOneSecondTimer(500, new long[] {400 * MS, 100 * MS});
    long expectedSim = fired.get(0);
    assertThat((double) expectedSim).isCloseTo(900 * MS / 1.0005, within(2.0));
  }

  /** Runs one node that sets a 1 s local timer at start; optionally jumps its clock once. */
  private static List<Long> runOneSecondTimer(double driftPpm, long[] jumpAtAndDelta) {
    SkewedClocks clocks = new SkewedClocks(1);
    clocks.setDriftPpm(0, driftPpm);
    Simulation sim = Simulation.builder("timer", 1).clocks(clocks).build();
    List<Long> fired = new ArrayList<>();
    sim.addNode(
        "a",
        "a",
        () ->
            (NodeContext ctx) -> {
              ctx.onTimer(Fire.class, t -> fired.add(sim.now()));
              ctx.setTimer(S, new Fire());
            });
    if (jumpAtAndDelta != null) {
      sim.schedule(jumpAtAndDelta[0], "jump", () -> clocks.jump(sim, 0, jumpAtAndDelta[1]));
    }
    sim.run(RunLimits.simulated(10 * S));
    return fired;
  }
}
