package dev.sim.stores.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.api.Param;
import dev.sim.api.Problem;
import dev.sim.kernel.random.Distributions;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.testkit.Harness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kv-store groups through the real scenario loader (its binding, its checks, its messages), and the
 * same checks through the test harness.
 */
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
                service: {dist: exponential, mean: 2ms}
                workers: 4
                queueLimit: 0
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
    assertThat(p.service()).isEqualTo(Distributions.exponential(2_000_000));
    assertThat(p.instant()).isFalse();
    assertThat(p.workers()).isEqualTo(4);
    assertThat(p.queueLimit()).isZero();
  }

  @Test
  void shouldDefaultToQuorumsOfThreeReplicas() {
    KvStoreParams p = (KvStoreParams) load(scenario("")).nodes().get(0).params();
    assertThat(p).isEqualTo(KvStoreParams.defaults());
    assertThat(p.readQuorum()).isEqualTo(2);
    assertThat(p.writeQuorum()).isEqualTo(2);
    assertThat(p.instant()).isTrue();
    assertThat(p.queueLimit()).isEqualTo(Param.UNBOUNDED);
  }

  @Test
  void shouldRejectBadWorkersAndQueueLimits() {
    assertThat(error(scenario("workers: 0"))).contains("test.yaml:7:14: nodes.store.workers");
    assertThat(error(scenario("queueLimit: -1")))
        .contains("test.yaml:7:17: nodes.store.queueLimit");
    assertThat(error(scenario("service: {dist: expo, mean: 2ms}")))
        .contains("nodes.store.service")
        .contains("did you mean 'exponential'?");
    assertThat(new KvStoreType().check(Params.of().workers(0).queueLimit(-1).build()))
        .extracting(Problem::keyPath)
        .containsExactly("workers", "queueLimit");
  }

  @Test
  void shouldCheckNAgainstTheGroupInTheHarnessToo() {
    assertThatThrownBy(
            () -> Harness.seed(1).add("store", 2, new KvStoreType(), KvStoreParams.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "store.n: N = 3 replicas per key need at least 3 store nodes, but group 'store' has"
                + " 2; lower n or raise count");
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
