package dev.sim.scenarios.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loads each protocol lesson from {@code scenarios/} and runs it with its own seed. */
class ProtocolScenariosTest {
  private static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(ProtocolScenariosTest.class.getClassLoader());

  static Path scenarios() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("scenarios"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no scenarios/ folder above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("scenarios");
  }

  static RunResult run(String file, Map<String, String> overrides) {
    List<String> sets =
        overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    ScenarioSpec spec = ScenarioLoader.load(scenarios().resolve(file), TYPES, sets);
    RunResult r = ScenarioRunner.run(spec, spec.seed(), ScenarioRunner.Options.DEFAULTS);
    assertThat(r.failure()).as(file + " " + r.stopDetail()).isNull();
    return r;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "byzantine-generals.yaml",
        "byzantine-generals-n3.yaml",
        "byzantine-generals-signed.yaml",
        "byzantine-generals-commander.yaml",
        "two-generals.yaml",
        "paxos-duel.yaml",
        "paxos-duel-fixed.yaml"
      })
  void shouldMeetItsExpectationsWithItsDefaultSeed(String file) {
    RunResult r = run(file, Map.of());
    assertThat(r.expectations()).as(file).isNotEmpty();
    assertThat(r.expectations())
        .as(file + " counters=" + r.counters())
        .allMatch(ExpectationResult::ok);
    assertThat(r.messages()).as(file + ": every message is recorded for the diagram").isNotEmpty();
  }

  @Test
  void shouldDoWhatTheByzantineDescriptionsSayTheirVariantsDo() {
    Map<String, Long> twoTraitors =
        run("byzantine-generals.yaml", Map.of("nodes.general.traitors", "[general-3, general-4]"))
            .counters();
    assertThat(twoTraitors).containsEntry("ic2Violations", 1L);
    Map<String, Long> splitCommander =
        run(
                "byzantine-generals.yaml",
                Map.of("nodes.general.traitors", "general-1", "nodes.general.strategy", "split"))
            .counters();
    assertThat(splitCommander)
        .containsEntry("ic1Violations", 0L)
        .containsEntry("decidedAttack", 3L);
    Map<String, Long> omTwo =
        run(
                "byzantine-generals.yaml",
                Map.of(
                    "nodes.general.count",
                    "7",
                    "nodes.general.m",
                    "2",
                    "nodes.general.traitors",
                    "[general-3, general-6]"))
            .counters();
    assertThat(omTwo)
        .containsEntry("messages", 156L)
        .containsEntry("ic1Violations", 0L)
        .containsEntry("ic2Violations", 0L);

    Map<String, Long> lyingPair =
        run(
                "byzantine-generals-commander.yaml",
                Map.of("nodes.general.traitors", "[general-1, general-4]"))
            .counters();
    assertThat(lyingPair).containsEntry("ic1Violations", 1L);

    Map<String, Long> n3Commander =
        run(
                "byzantine-generals-n3.yaml",
                Map.of("nodes.general.traitors", "[general-1]", "nodes.general.strategy", "split"))
            .counters();
    assertThat(n3Commander).containsEntry("decidedRetreat", 2L).containsEntry("ic1Violations", 0L);
    Map<String, Long> n3Silent =
        run("byzantine-generals-n3.yaml", Map.of("nodes.general.strategy", "silent")).counters();
    assertThat(n3Silent).containsEntry("missingMessages", 1L).containsEntry("ic2Violations", 1L);

    Map<String, Long> smSplit =
        run(
                "byzantine-generals-signed.yaml",
                Map.of("nodes.general.traitors", "[general-1]", "nodes.general.strategy", "split"))
            .counters();
    assertThat(smSplit).containsEntry("decidedRetreat", 2L).containsEntry("ic1Violations", 0L);
    Map<String, Long> smSeven =
        run(
                "byzantine-generals-signed.yaml",
                Map.of(
                    "nodes.general.count",
                    "7",
                    "nodes.general.m",
                    "2",
                    "nodes.general.traitors",
                    "[general-2, general-5]"))
            .counters();
    assertThat(smSeven).containsEntry("ic1Violations", 0L).containsEntry("ic2Violations", 0L);
  }

  @Test
  void shouldDoWhatTheTwoGeneralsDescriptionSaysItsVariantsDo() {
    Map<String, Long> base = run("two-generals.yaml", Map.of()).counters();
    // The model says 17 in 100; a binomial count lands within ±4 standard deviations.
    assertThat(base.get("disagreement")).isBetween(3L, 32L);
    assertThat(base).doesNotContainKey("lateMessengers");
    Map<String, Long> eight =
        run("two-generals.yaml", Map.of("nodes.general-a.messengers", "8")).counters();
    assertThat(eight.get("disagreement")).isLessThan(base.get("disagreement"));
    assertThat(eight).doesNotContainKey("lateMessengers");
    Map<String, Long> slow =
        run(
                "two-generals.yaml",
                Map.of("nodes.general-a.messengers", "4", "nodes.general-a.interval", "150ms"))
            .counters();
    assertThat(slow.get("lateMessengers")).isPositive();
    Map<String, Long> lossless =
        run("two-generals.yaml", Map.of("network.links[0].loss", "0")).counters();
    assertThat(lossless).containsEntry("coordinated", 100L).containsEntry("disagreement", 0L);
  }
}
