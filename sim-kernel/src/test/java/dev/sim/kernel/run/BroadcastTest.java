package dev.sim.kernel.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastTest {
  record Hello(String from) {}

  @Test
  void shouldSendOneCopyToEveryOtherMemberOfTheGroupInOrder() {
    List<String> received = new ArrayList<>();
    Simulation sim = Simulation.builder("broadcast", 1).build();
    for (int i = 1; i <= 4; i++) {
      String name = "peer-" + i;
      sim.addNode(
          name,
          "peer",
          () ->
              new Node() {
                @Override
                public void start(NodeContext ctx) {
                  ctx.on(Hello.class, (m, from) -> received.add(ctx.name() + "<-" + m.from()));
                  if (ctx.name().equals("peer-2")) {
                    ctx.broadcast("peer", new Hello(ctx.name()));
                  }
                }
              });
    }
    sim.run(RunLimits.simulated(1_000_000));
    assertThat(received).containsExactly("peer-1<-peer-2", "peer-3<-peer-2", "peer-4<-peer-2");
  }
}
