package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The edits and the simplifications {@code sim shrink} makes to a scenario's tree. */
class ScenarioTreeTest {
  static final String YAML =
      """
      name: demo
      title: "Demo"
      duration: 2m
      network:
        latency: {dist: lognormal, p50: 1ms, p99: 10ms}
        loss: 0.01
        links:
          - {between: [clients, api], latency: {dist: uniform, min: 1ms, max: 4ms}}
      clocks:
        default: {offset: {dist: uniform, min: -6ms, max: 2ms}, driftPpm: 20}
      nodes:
        clients:
          type: client
          count: 3
          target: api
          load: {rate: 300/s, think: {dist: pareto, scale: 1ms, shape: 2}}
          retry: {max: 3, backoff: exponential, base: 50ms}
        api:
          type: server
          service: {dist: exponential, mean: 5ms}
          calls: {target: db, hedge: {after: 10ms}}
        db:
          type: server
          service: {dist: empirical, values: [1ms, 5ms, 50ms], weights: [90, 9, 1]}
      faults:
        - {at: 60s, crash: api, restart: 20s, every: 1m}
      expect:
        - yield >= 0.99
      """;

  final ScenarioTree tree = ScenarioTree.parse(YAML, "demo.yaml");

  @Test
  void shouldOfferEachDistributionsMeanOrMedianAsAConstant() {
    assertThat(tree.distributions())
        .extracting(p -> p.path() + " → " + p.after())
        .containsExactly(
            "network.latency → 1ms",
            "network.links[0].latency → 2.5ms",
            "clocks.default.offset → -2ms",
            "nodes.clients.load.think → 1.41ms",
            "nodes.api.service → 5ms",
            "nodes.db.service → 1ms");
    assertThat(tree.distributions().get(0).before())
        .isEqualTo("{dist: lognormal, p50: 1ms, p99: 10ms}");
    assertThat(tree.distributions().get(0).edit()).isEqualTo("network.latency=1ms");
  }

  @Test
  void shouldOfferSectionsParentsFirstButNotGroupsFaultsOrDistributions() {
    assertThat(tree.sections())
        .extracting(ScenarioTree.Point::path)
        .containsExactly(
            "network",
            "network.links",
            "network.links[0]",
            "network.links[0].between",
            "clocks",
            "clocks.default",
            "nodes.clients.load",
            "nodes.clients.retry",
            "nodes.api.calls",
            "nodes.api.calls.hedge");
    assertThat(tree.sections().get(7).edit()).isEqualTo("--unset nodes.clients.retry");
  }

  @Test
  void shouldOfferPlainKeysButNotTypesCountsOrFaultTimes() {
    assertThat(tree.keys())
        .extracting(ScenarioTree.Point::path)
        .containsExactly(
            "network.loss",
            "clocks.default.driftPpm",
            "nodes.clients.target",
            "nodes.clients.load.rate",
            "nodes.clients.retry.max",
            "nodes.clients.retry.backoff",
            "nodes.clients.retry.base",
            "nodes.api.calls.target",
            "nodes.api.calls.hedge.after",
            "faults[0].crash",
            "faults[0].restart",
            "faults[0].every");
  }

  @Test
  void shouldApplyEditsAsTheLoaderDoesAndLeaveItselfAlone() {
    ScenarioTree shorter =
        tree.with(List.of("duration=30s", "--unset faults[0]", "nodes.clients.count=1"));
    assertThat(shorter.value("duration")).contains("30s");
    assertThat(shorter.yaml()).doesNotContain("crash").contains("count: 1");
    assertThat(tree.value("duration")).contains("2m");
    assertThat(tree.yaml()).contains("crash");
    assertThatThrownBy(() -> tree.with(List.of("--unset nodes.cache")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("nodes.cache");
  }

  @Test
  void shouldPutANewTopLevelKeyWhereTheFormatListsIt() {
    String yaml = tree.withTop("seed", "42").withTop("name", "demo-min").yaml();
    assertThat(yaml).startsWith("name: demo-min\ntitle: Demo\nseed: 42\nduration: 2m\n");
    assertThat(tree.withTop("duration", "1m").yaml()).contains("title: Demo\nduration: 1m\n");
  }

  @Test
  void shouldTellWhichPathsItHas() {
    assertThat(tree.has("nodes.api.calls.hedge.after")).isTrue();
    assertThat(tree.has("faults[0].restart")).isTrue();
    assertThat(tree.has("network.links[0].between[1]")).isTrue();
    assertThat(tree.has("faults[1]")).isFalse();
    assertThat(tree.has("nodes.cache")).isFalse();
    assertThat(tree.has("duration.x")).isFalse();
    assertThat(tree.keys("nodes")).containsExactly("clients", "api", "db");
  }

  @Test
  void shouldWriteACommentAboveTheScenario() {
    String yaml = tree.yaml(List.of("Shrunk from x.yaml:", "  - one", ""));
    assertThat(yaml).startsWith("# Shrunk from x.yaml:\n#   - one\n#\nname: demo\n");
  }
}
