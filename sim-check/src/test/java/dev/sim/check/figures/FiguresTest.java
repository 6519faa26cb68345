package dev.sim.check.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Operations;
import dev.sim.check.Rec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {
  @Test
  void shouldCallAKeyDivergentWhenReplicasHoldingItDisagree() {
    Rec r = new Rec(1);
    r.history().replica("s1", () -> Map.of("a", "1", "b", "2", "c", "3"));
    r.history().replica("s2", () -> Map.of("a", "1", "b", "9"));
    r.history().replica("s3", () -> Map.of("c", "3", "d", "4"));
    assertThat(Figures.divergentKeys(r.data())).containsExactly("b");
  }

  @Test
  void shouldCountOutcomesOverallAndPerClientWithPendingAsInfo() {
    Rec r = new Rec(3);
    r.at(0).inv(0, "write", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "write", 2L).at(3).fail(1, null);
    r.at(4).inv(2, "write", 3L).at(5).info(2, null);
    r.at(6).inv(1, "read", null);
    var ops = Operations.pair(r.ops());
    assertThat(Figures.availability(ops)).isEqualTo(new Availability(1, 1, 2));
    Map<String, Availability> perNode = Figures.byNode(ops);
    assertThat(perNode).containsOnlyKeys("c0", "c1");
    // Processes 0 and 2 run on c0, process 1 on c1.
    assertThat(perNode.get("c0")).isEqualTo(new Availability(1, 0, 1));
    assertThat(perNode.get("c1")).isEqualTo(new Availability(0, 1, 1));
    assertThat(perNode.get("c1").failShare()).isEqualTo(0.5);
  }
}
