package dev.sim.scenarios.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scenario's {@code clocks} section and its clock-jump faults reach the nodes: a client's arrival
 * timers run on its local clock, so the requests it offers in 100 simulated seconds at a constant
 * 100/s show its clock's rate and steps.
 */
class ScenarioClocksTest {
  private static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(ScenarioClocksTest.class.getClassLoader());

  private static final String BASE =
      """
      name: clocks
      duration: 100s
      nodes:
        clients:
          type: client
          target: api
          load: {arrivals: constant, rate: 100/s}
        api: {type: server}
      """;

  private static long offered(String yaml) {
    RunResult r =
        ScenarioRunner.run(
            ScenarioLoader.parse(yaml, "clocks.yaml", TYPES, List.of()),
            1,
            ScenarioRunner.Options.DEFAULTS);
    return r.requests().orElseThrow().totals().offered();
  }

  @Test
  void shouldRunAClientsArrivalsOnItsDriftingClock() {
    assertThat(offered(BASE)).isCloseTo(10_000L, within(1L));
    // 10% fast: 110 local seconds pass in 100 simulated ones; 10% slow: 90.
    assertThat(offered(BASE + "clocks:\n  clients: {driftPpm: 100000}\n"))
        .isCloseTo(11_000L, within(2L));
    assertThat(offered(BASE + "clocks:\n  default: {driftPpm: -100000}\n"))
        .isCloseTo(9_000L, within(2L));
    // A constant offset moves the clock but not its rate.
    assertThat(offered(BASE + "clocks:\n  clients: {offset: 3s}\n")).isCloseTo(10_000L, within(1L));
  }

  @Test
  void shouldHoldBackAClientsTimersWhenItsClockStepsBack() {
    // Stepped back 10 s at 50 s: the pending arrival is due 10 s later in simulated time, and no
    // request is offered in between.
    assertThat(offered(BASE + "faults:\n  - {at: 50s, clock: clients, jump: -10s}\n"))
        .isCloseTo(9_000L, within(2L));
    // Stepped forward: the pending arrival fires at once and the rate goes on unchanged.
    assertThat(offered(BASE + "faults:\n  - {at: 50s, clock: clients, jump: 10s}\n"))
        .isCloseTo(10_000L, within(2L));
  }
}
