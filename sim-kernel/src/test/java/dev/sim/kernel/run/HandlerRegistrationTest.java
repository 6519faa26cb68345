package dev.sim.kernel.run;

import static dev.sim.kernel.testing.SimTime.ms;
import static dev.sim.kernel.testing.SimTime.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.testing.TestCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One handler per message type and per timer type on a node: a second is an error. */
class HandlerRegistrationTest {
  record Ping() {}

  record Tick() {}

  @Test
  void shouldFailTheNodeThatRegistersASecondMessageHandlerForOneType() {
    TestCluster c = TestCluster.seed(1);
    c.node("quiet", ctx -> ctx.on(Ping.class, (m, from) -> {}));
    c.node(
        "twice",
        ctx -> {
          ctx.on(Ping.class, (m, from) -> {});
          ctx.on(Ping.class, (m, from) -> {});
        });
    RunResult r = c.runFor(s(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.failure().nodeName()).isEqualTo("twice");
    assertThat(r.failure().event()).isEqualTo("start");
    assertThat(r.failure().message())
        .contains(
            "IllegalStateException",
            "node twice",
            "already has a handler for message type " + Ping.class.getName(),
            "ctx.on(Ping.class, ...)");
  }

  @Test
  void shouldFailTheNodeThatRegistersASecondTimerHandlerForOneType() {
    TestCluster c = TestCluster.seed(1);
    List<String> fired = new ArrayList<>();
    c.node(
        "late",
        ctx -> {
          ctx.onTimer(
              Tick.class,
              t -> {
                fired.add("first");
                // Registering from a handler is checked the same way.
                ctx.onTimer(Tick.class, u -> fired.add("second"));
              });
          ctx.setTimer(ms(1), new Tick());
          ctx.setTimer(ms(2), new Tick());
        });
    RunResult r = c.runFor(s(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.failure().event()).isEqualTo("timer Tick");
    assertThat(r.failure().timeNanos()).isEqualTo(ms(1));
    assertThat(r.failure().message())
        .contains("node late", "timer type " + Tick.class.getName(), "ctx.onTimer(Tick.class");
    assertThat(fired).containsExactly("first");
  }

  @Test
  void shouldKeepMessageAndTimerHandlersApartAndStartEachIncarnationAfresh() {
    TestCluster c = TestCluster.seed(1);
    List<String> seen = new ArrayList<>();
    c.node(
        "n",
        ctx -> {
          // The same class as a message and as a timer: two tables, no clash.
          ctx.on(Tick.class, (m, from) -> seen.add("message"));
          ctx.onTimer(Tick.class, t -> seen.add("timer"));
          ctx.setTimer(ms(1), new Tick());
        });
    // A restarted node registers its handlers again on a new context.
    c.crash(ms(5), "n").restart(ms(6), "n");
    RunResult r = c.runFor(s(1));
    assertThat(r.failure()).isNull();
    assertThat(seen).containsExactly("timer", "timer");
  }
}
