package dev.sim.kernel.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private long now;
  private final History h = new History(() -> now);

  @Test
  void recordsInvokeAndCompletionWithTheInvokesFunctionAndKey() {
    int p = h.newProcess("client-0");
    now = 1_500;
    assertThat(h.invoke(p, "write", "x", 7)).isZero();
    assertThat(h.outstanding(p)).isTrue();
    now = 2_400;
    h.ok(p, 7);
    List<Op> ops = h.data().ops();
    assertThat(ops)
        .containsExactly(
            new Op(0, 1_500, 0, OpType.INVOKE, "write", "x", 7L, "client-0"),
            new Op(1, 2_400, 0, OpType.OK, "write", "x", 7L, "client-0"));
    assertThat(h.outstanding(p)).isFalse();
  }

  @Test
  void oneOperationOutstandingPerProcess() {
    int p = h.newProcess("c");
    h.invoke(p, "read", null, null);
    assertThatThrownBy(() -> h.invoke(p, "write", null, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("still outstanding");
  }

  @Test
  void aCompletionNeedsAnInvokeAndAKnownProcess() {
    int p = h.newProcess("c");
    assertThatThrownBy(() -> h.ok(p, null)).hasMessageContaining("never invoked");
    assertThatThrownBy(() -> h.invoke(5, "read", null, null))
        .hasMessageContaining("unknown process 5");
  }

  @Test
  void valuesAreNormalizedToLongsAndListsThatMayHoldNull() {
    int p = h.newProcess("c");
    h.invoke(p, "cas", "k", java.util.Arrays.asList(null, 3));
    h.fail(p, java.util.Arrays.asList(null, 3));
    assertThat(h.data().ops().get(1).value()).isEqualTo(java.util.Arrays.asList(null, 3L));
    assertThatThrownBy(() -> h.invoke(p, "write", "k", "seven"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not String");
  }

  @Test
  void siblingsAndReplicaStatesAreSummarizedAtTheEnd() {
    h.siblings(1);
    h.siblings(3);
    Map<String, String> state = new java.util.HashMap<>(Map.of("x", "a"));
    h.replica("store-0", () -> state);
    state.put("y", "b"); // read at the end, not at registration
    HistoryData d = h.data();
    assertThat(d.siblingsMax()).isEqualTo(3);
    assertThat(d.siblingsMean()).isEqualTo(2.0);
    assertThat(d.replicas()).containsOnlyKeys("store-0");
    assertThat(d.replicas().get("store-0")).containsEntry("y", "b").containsEntry("x", "a");
  }

  @Test
  void aSimulationsNodesRecordIntoTheRunResultAtSimulatedTime() {
    Simulation sim = Simulation.builder("history", 1).build();
    sim.addNode(
        "client-0",
        "client",
        () ->
            (NodeContext ctx) -> {
              int p = ctx.history().newProcess(ctx.name());
              ctx.history().invoke(p, "write", "x", 1);
              ctx.setTimer(1_000, "done");
              ctx.onTimer(String.class, t -> ctx.history().ok(p, 1));
            });
    RunResult r = sim.run(RunLimits.simulated(10_000));
    assertThat(r.history().ops()).extracting(Op::time).containsExactly(0L, 1_000L);
    assertThat(r.history().ops()).extracting(Op::type).containsExactly(OpType.INVOKE, OpType.OK);
  }
}
