package dev.sim.stores.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kv-store groups through the real scenario loader: its binding, its checks, its messages. */
class KvStoreLoaderTest {
  private static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(KvStoreLoaderTest.class.getClassLoader());

  private static String scenario(String storeKeys) {
    return """
        name: store
        duration: 10s
        nodes:
          store:
            type: kv-store
            count: 3
        """
        + storeKeys.indent(4);
  }

  private static ScenarioSpec load(String yaml) {
    return ScenarioLoader.parse(yaml, "test.yaml", TYPES, List.of());
  }

  private static String error(String yaml) {
    try {
      load(yaml);
    } catch (ScenarioException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ScenarioException");
  }

  @Test
  void shouldBindEveryKeyWithItsUnit() {
    ScenarioSpec s =
        load(
            scenario(
                """
                n: 3
                r: 1
                w: 3
                pw: 2
                sloppyQuorum: true
                replicaTimeout: 50ms
                antiEntropy: 2s
                conflicts: siblings
                limit: 500/s
                capacity: 1000
                """));
    NodeGroupSpec g = s.nodes().get(0);
    KvStoreParams p = (KvStoreParams) g.params();
    assertThat(p.readQuorum()).isEqualTo(1);
    assertThat(p.writeQuorum()).isEqualTo(3);
    assertThat(p.pw()).isEqualTo(2);
    assertThat(p.sloppyQuorum()).isTrue();
    assertThat(p.replicaTimeoutNanos()).isEqualTo(50_000_000L);
    assertThat(p.antiEntropyNanos()).isEqualTo(2_000_000_000L);
    assertThat(p.conflicts()).isEqualTo(KvStoreParams.Conflicts.SIBLINGS);
    assertThat(p.limit()).isEqualTo(500.0);
    assertThat(p.capacity()).isEqualTo(1000);
  }

  @Test
  void shouldDefaultToQuorumsOfThreeReplicas() {
    KvStoreParams p = (KvStoreParams) load(scenario("")).nodes().get(0).params();
    assertThat(p).isEqualTo(KvStoreParams.defaults());
    assertThat(p.readQuorum()).isEqualTo(2);
    assertThat(p.writeQuorum()).isEqualTo(2);
  }

  @Test
  void shouldRejectNAboveTheNumberOfStoreNodesAtItsLine() {
    assertThat(error(scenario("n: 5")))
        .contains(
            "test.yaml:7:8: nodes.store.n: N = 5 replicas per key need at least 5 store nodes,"
                + " but group 'store' has 3; lower n or raise count");
  }

  @Test
  void shouldRejectQuorumsAboveN() {
    String m = error(scenario("r: 4\nw: 5"));
    assertThat(m)
        .contains(
            "test.yaml:7:8: nodes.store.r: R = 4 is above N = 3: a read cannot wait for more"
                + " replicas than hold the key")
        .contains("test.yaml:8:8: nodes.store.w: W = 5 is above N = 3");
    assertThat(error(scenario("pw: 3"))).contains("nodes.store.pw: PW = 3 is above W = 2");
    assertThat(error(scenario("pr: 4"))).contains("nodes.store.pr: PR = 4 is above N = 3");
  }

  @Test
  void shouldRejectAnUnknownConflictModeAndBadValues() {
    assertThat(error(scenario("conflicts: crdt")))
        .contains("test.yaml:7:16: nodes.store.conflicts")
        .contains("lww")
        .contains("siblings");
    assertThat(error(scenario("replicaTimeout: -5ms"))).contains("nodes.store.replicaTimeout");
    assertThat(error(scenario("replicaTimeout: 0s")))
        .contains("nodes.store.replicaTimeout: must be positive, like 100ms");
    assertThat(error(scenario("n: 0"))).contains("nodes.store.n");
    assertThat(error(scenario("limit: 0/s")))
        .contains("nodes.store.limit: must be a positive rate");
  }
}
