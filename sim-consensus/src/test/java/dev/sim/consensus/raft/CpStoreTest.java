package dev.sim.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CP store as kv-client sees it: under partitions, crashes and loss, the history the clients
 * record is linearizable in every seed (the existing checker judges it), and the refusals are
 * definite: a write answered unavailable never took effect (else a later read would show it and the
 * checker would say invalid).
 */
class CpStoreTest {
  static final NodeTypeRegistry TYPES = NodeTypeRegistry.load(CpStoreTest.class.getClassLoader());

  static ScenarioSpec spec(String... overrides) throws URISyntaxException {
    Path file = Path.of(CpStoreTest.class.getResource("/cp-chaos.yaml").toURI());
    return ScenarioLoader.load(file, TYPES, List.of(overrides));
  }

  @Test
  void twoHundredSeedsOfPartitionsCrashesAndLossStayLinearizable() throws Exception {
    ScenarioSpec spec = spec();
    long ok = 0;
    long fail = 0;
    long info = 0;
    for (long seed = 1; seed <= 200; seed++) {
      RunResult r = ScenarioRunner.run(spec, seed, ScenarioRunner.Options.DEFAULTS);
      assertThat(r.failure()).as("seed %d", seed).isNull();
      ConsistencySummary c = r.consistency().orElseThrow();
      assertThat(c.verdict()).as("seed %d: %s", seed, c.witness()).isEqualTo("valid");
      ok += c.ok();
      fail += c.fail();
      info += c.info();
    }
    // The store did work, and did refuse: both sides of the trade are in the histories.
    assertThat(ok).isGreaterThan(20_000);
    assertThat(fail).isGreaterThan(1_000);
    assertThat(info).isPositive();
  }
}
