package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings a run folder records: the effective scenario, key path by key path. */
class SettingsTest {
  static final String YAML =
      """
      name: tiny
      description: |
        Two lines
        of text.
      duration: 10s
      nodes:
        clients:
          type: client
          target: api
          retry: {max: 3, base: 50ms}
        api:
          type: server
          queue: {}
      faults:
        - {at: 2s, crash: api, restart: 1s}
      report:
        charts: [yield, latency]
      """;

  @Test
  void everyValueIsNamedByItsKeyPathInFileOrderAsWritten() {
    Map<String, String> s = ScenarioLoader.settings(YAML, "tiny.yaml", List.of());
    assertThat(s)
        .containsExactly(
            Map.entry("name", "tiny"),
            Map.entry("description", "Two lines\nof text.\n"),
            Map.entry("duration", "10s"),
            Map.entry("nodes.clients.type", "client"),
            Map.entry("nodes.clients.target", "api"),
            Map.entry("nodes.clients.retry.max", "3"),
            Map.entry("nodes.clients.retry.base", "50ms"),
            Map.entry("nodes.api.type", "server"),
            Map.entry("nodes.api.queue", "{}"),
            Map.entry("faults[0].at", "2s"),
            Map.entry("faults[0].crash", "api"),
            Map.entry("faults[0].restart", "1s"),
            Map.entry("report.charts[0]", "yield"),
            Map.entry("report.charts[1]", "latency"));
  }

  @Test
  void overridesAreAppliedFirst() {
    Map<String, String> s =
        ScenarioLoader.settings(
            YAML,
            "tiny.yaml",
            List.of(
                "nodes.api.shed.queueAbove=20",
                ScenarioLoader.UNSET_PREFIX + "nodes.clients.retry",
                "faults[0].at=3s"));
    assertThat(s)
        .containsEntry("nodes.api.shed.queueAbove", "20")
        .containsEntry("faults[0].at", "3s");
    assertThat(s.keySet()).noneMatch(k -> k.startsWith("nodes.clients.retry"));
  }

  @Test
  void anOverrideThatDoesNotApplyIsAProblem() {
    assertThatThrownBy(
            () ->
                ScenarioLoader.settings(
                    YAML,
                    "tiny.yaml",
                    List.of(ScenarioLoader.UNSET_PREFIX + "nodes.clients.retyr")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("did you mean 'retry'");
  }
}
