package dev.sim.components.grid;

import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.components.grid.GridNodeParams.OnOverload;
import dev.sim.components.grid.GridNodeParams.Topology;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.testkit.Harness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ring of four grid nodes (each linked to one node on each side) under users sending 100/s per
 * node without variation, rounds of 1s; grid-2 crashes at 2s, and its users notice at the 3s round.
 */
class GridNodeTest {
  private static final GridNodeType NODE = new GridNodeType();
  private static final GridUsersType USERS = new GridUsersType();

  private static GridNodeParams ring(
      double capacity, long overloadFor, OnOverload on, long repair) {
    return new GridNodeParams(capacity, overloadFor, on, repair, Topology.RING, 1, 0, List.of());
  }

  private static Harness harness(GridNodeParams grid) {
    return Harness.seed(3)
        .windows(s(1), 0)
        .latency(ms(1))
        .add("users", 1, USERS, new GridUsersParams(List.of("grid"), 100, 0, s(1)))
        .add("grid", 4, NODE, grid)
        .crash(s(2.5), "grid-2");
  }

  private static List<NodeEvent> events(RunResult r, String node, String kind) {
    int id = r.nodes().stream().filter(n -> n.name().equals(node)).findFirst().orElseThrow().id();
    return r.nodeEvents().stream().filter(e -> e.node() == id && e.kind().equals(kind)).toList();
  }

  private static double windowYield(RunResult r, int window) {
    WindowStats w = r.requests().orElseThrow().windows().get(window);
    return (double) w.ok() / w.offered();
  }

  @Test
  void aFailedNodesLoadShouldMoveToItsTwoNeighboursHalfEach() {
    RunResult r = harness(ring(200, s(5), OnOverload.TRIP, 0)).run(s(8));
    double[] maxLoad = gauge(r, "users", "maxLoad").mean();
    double[] up = gauge(r, "users", "nodesUp").mean();
    // 100/s of 200/s before; grid-1 and grid-3 carry 100 + 50 after the 3s round.
    assertThat(maxLoad[1]).isEqualTo(0.5);
    assertThat(maxLoad[5]).isEqualTo(0.75);
    assertThat(up[1]).isEqualTo(4);
    assertThat(up[5]).isEqualTo(3);
    // The 3s round still went to grid-2 (it answered at 2s) and timed out; from 4s on, all is
    // served by its neighbours.
    assertThat(windowYield(r, 2)).isEqualTo(1.0);
    assertThat(windowYield(r, 3)).isEqualTo(0.75);
    assertThat(windowYield(r, 4)).isEqualTo(1.0);
    assertThat(windowYield(r, 6)).isEqualTo(1.0);
    assertThat(counter(r, "trips")).isZero();
  }

  @Test
  void anOverloadShouldTripTheNodeOnlyOnceItHasLastedOverloadFor() {
    // 150/s against 140/s from the 4s round on: both neighbours trip at 4s + 3s.
    RunResult r = harness(ring(140, s(3), OnOverload.TRIP, 0)).run(s(12));
    for (String n : List.of("grid-1", "grid-3")) {
      List<NodeEvent> crashes = events(r, n, "crash");
      assertThat(crashes).hasSize(1);
      assertThat(crashes.get(0).timeNanos()).isBetween(s(7), s(7) + ms(10));
      assertThat(crashes.get(0).reason())
          .isEqualTo("overloaded: 150/s for 3s against a capacity of 140/s");
    }
    // Then grid-4 gets grid-1's and grid-3's users (grid-2 is down): 300/s, and trips at 11s.
    assertThat(events(r, "grid-4", "crash")).hasSize(1);
    assertThat(events(r, "grid-4", "crash").get(0).timeNanos()).isBetween(s(11), s(11) + ms(10));
    assertThat(counter(r, "trips")).isEqualTo(3);

    RunResult patient = harness(ring(140, s(3) + ms(100), OnOverload.TRIP, 0)).run(s(7) + ms(50));
    assertThat(counter(patient, "trips")).isZero();
  }

  @Test
  void aSheddingNodeShouldServeItsCapacityAndNeverTrip() {
    RunResult r = harness(ring(140, s(1), OnOverload.SHED, 0)).run(s(10));
    assertThat(counter(r, "trips")).isZero();
    // grid-1 and grid-3 serve 140 of 150 each; grid-4 serves 100: (140 + 140 + 100) / 400.
    assertThat(windowYield(r, 8)).isEqualTo(0.95);
    assertThat(r.requests().orElseThrow().totals().rejected()).isPositive();
  }

  @Test
  void aRepairedNodeShouldRestartAndGetItsUsersBack() {
    // Two nodes, each the other's neighbour, 150/s each; grid-2 crashes for good at 2.5s.
    RunResult r =
        Harness.seed(3)
            .windows(s(1), 0)
            .latency(ms(1))
            .add("users", 1, USERS, new GridUsersParams(List.of("grid"), 100, 0, s(1)))
            .add("grid", 2, NODE, ring(150, s(1), OnOverload.TRIP, s(2.5)))
            .crash(s(2.5), "grid-2")
            .run(s(12));
    // grid-1 carries 200/s from the 4s round, trips at 5s, is repaired at 7.5s.
    List<NodeEvent> crashes = events(r, "grid-1", "crash");
    List<NodeEvent> restarts = events(r, "grid-1", "restart");
    assertThat(crashes.get(0).timeNanos()).isBetween(s(5), s(5) + ms(10));
    assertThat(restarts.get(0).timeNanos()).isBetween(s(7.5), s(7.5) + ms(10));
    double[] up = gauge(r, "users", "nodesUp").mean();
    assertThat(up[6]).isZero();
    // It answers the 8s round's probe; from the 9s round its users (and grid-2's) are back on it,
    // 200/s of which it serves 150/s, and 1s later it trips again.
    assertThat(windowYield(r, 8)).isZero();
    assertThat(up[9]).isEqualTo(1);
    assertThat(windowYield(r, 9)).isEqualTo(0.75);
    assertThat(crashes).hasSize(2);
    assertThat(crashes.get(1).timeNanos()).isBetween(s(10), s(10) + ms(10));
  }
}
