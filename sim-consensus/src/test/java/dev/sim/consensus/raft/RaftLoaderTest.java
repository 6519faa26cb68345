package dev.sim.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad and unwise raft groups as the loader answers them: refused with the line, or warned. */
class RaftLoaderTest {
  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(RaftLoaderTest.class.getClassLoader());

  static ScenarioSpec load(String... overrides) throws Exception {
    Path file = Path.of(RaftLoaderTest.class.getResource("/cp-chaos.yaml").toURI());
    return ScenarioLoader.load(file, TYPES, List.of(overrides));
  }

  @Test
  void anEvenClusterRunsWithAWarningAboutItsMajority() throws Exception {
    ScenarioSpec spec = load("nodes.raft.count=4", "faults=null");
    assertThat(spec.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("nodes.raft.count");
              assertThat(w.message())
                  .contains("cluster of 4 needs 3", "no more than a cluster of 3");
            });
    assertThat(load("nodes.raft.count=1", "faults=null").warnings().get(0).message())
        .contains("its own majority");
    assertThat(load().warnings()).isEmpty();
  }

  @Test
  void aHeartbeatNoShorterThanTheElectionTimeoutIsRefused() {
    assertThatThrownBy(() -> load("nodes.raft.heartbeat=150ms"))
        .hasMessageContaining("nodes.raft.heartbeat")
        .hasMessageContaining("shorter than the election timeout's min");
    assertThatThrownBy(() -> load("nodes.raft.electionTimeout={min: 300ms, max: 150ms}"))
        .hasMessageContaining("nodes.raft.electionTimeout.max")
        .hasMessageContaining("at least min");
  }
}
