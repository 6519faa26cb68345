package dev.sim.kernel.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import org.junit.jupiter.api.Test;

class PingPongSmokeTest {
  record Ping(int n) {}

  record Pong(int n) {}

  record Tick() {}

  static final class Pinger implements Node {
    int pongs;

    @Override
    public void start(NodeContext ctx) {
      ctx.on(Pong.class, (m, from) -> pongs++);
      ctx.onTimer(
          Tick.class,
          t -> {
            ctx.send(ctx.lookup("ponger"), new Ping(pongs));
            ctx.setTimer(1_000_000, new Tick());
          });
      ctx.setTimer(0, new Tick());
    }
  }

  @Test
  void shouldExchangeMessagesAndStopAtTheTimeLimit() {
    Pinger pinger = new Pinger();
    Simulation sim = Simulation.builder("smoke", 1).build();
    sim.addNode("pinger", "pinger", () -> pinger);
    sim.addNode(
        "ponger",
        "ponger",
        () -> ctx -> ctx.on(Ping.class, (m, from) -> ctx.send(from, new Pong(m.n()))));
    RunResult r = sim.run(RunLimits.simulated(10_000_000));
    assertThat(r.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(pinger.pongs).isEqualTo(10);
    // 2 starts + 10 ticks + 10 pings + 10 pongs
    assertThat(r.events()).isEqualTo(32);
    assertThat(r.traceHash()).hasSize(16);
  }
}
