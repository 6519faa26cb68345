package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.components.client.ClientParams;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Removing keys with {@code --set PATH=null} and {@code --unset PATH}. */
class OverridesTest {
  static final NodeTypeRegistry TYPES = NodeTypeRegistry.load(OverridesTest.class.getClassLoader());

  /** Optional sections everywhere, and every required key written last in its section. */
  static final String FILE =
      """
      name: tiny
      warmup: 10s
      network:
        latency: 5ms
      nodes:
        clients:
          target: api
          load: {rate: 10/s}
          retry: {backoff: exponential, base: 50ms, max: 3}
          type: client
        api:
          workers: 2
          shed: {queueAbove: 20}
          type: server
      faults:
        - {at: 10s, crash: api, restart: 1s}
        - {at: 20s, pause: clients, for: 1s}
      duration: 1m
      """;

  static ScenarioSpec load(String yaml, String... overrides) {
    return ScenarioLoader.parse(yaml, "test.yaml", TYPES, List.of(overrides));
  }

  static String error(String yaml, String... overrides) {
    try {
      load(yaml, overrides);
    } catch (ScenarioException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ScenarioException");
  }

  static String unset(String path) {
    return ScenarioLoader.UNSET_PREFIX + path;
  }

  /** A node group's parameter by its record component name, e.g. {@code retry}. */
  static Object param(ScenarioSpec s, String group, String name) throws Exception {
    Record params =
        s.nodes().stream().filter(g -> g.name().equals(group)).findFirst().orElseThrow().params();
    return component(params, name);
  }

  static Object component(Record r, String name) throws Exception {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c.getAccessor().invoke(r);
      }
    }
    throw new AssertionError(r.getClass() + " has no component " + name);
  }

  @Test
  void shouldRemoveAnOptionalSectionWithNullOrUnset() throws Exception {
    assertThat(param(load(FILE), "clients", "retry")).isNotNull();
    assertThat(param(load(FILE, "nodes.clients.retry=null"), "clients", "retry")).isNull();
    assertThat(param(load(FILE, "nodes.clients.retry=~"), "clients", "retry")).isNull();
    assertThat(param(load(FILE, "nodes.clients.retry=Null"), "clients", "retry")).isNull();
    assertThat(param(load(FILE, unset("nodes.clients.retry")), "clients", "retry")).isNull();
    assertThat(param(load(FILE, unset("nodes.api.shed")), "api", "shed")).isNull();
    // Everything else stays as the file has it.
    ScenarioSpec s = load(FILE, unset("nodes.clients.retry"));
    assertThat(param(s, "api", "shed")).isNotNull();
    assertThat(param(s, "api", "workers")).isEqualTo(2);
    assertThat(s.warmupNanos()).isEqualTo(10_000_000_000L);
  }

  @Test
  void shouldGiveARemovedOptionalKeyItsDefault() throws Exception {
    Object byDefault =
        param(load("name: t\nduration: 1m\nnodes:\n  api: {type: server}\n"), "api", "workers");
    assertThat(byDefault).isNotEqualTo(2);
    assertThat(param(load(FILE, unset("nodes.api.workers")), "api", "workers"))
        .isEqualTo(byDefault);
    assertThat(load(FILE, unset("warmup")).warmupNanos()).isZero();
    assertThat(load(FILE, "network=null").network())
        .isEqualTo(load(FILE.replace("network:\n  latency: 5ms\n", "")).network());
  }

  @Test
  void shouldApplyRemovalsAndSetsInTheOrderGiven() throws Exception {
    // Removing first and setting after replaces the section instead of merging into it.
    Record fresh =
        (Record)
            param(
                load(FILE, unset("nodes.clients.retry"), "nodes.clients.retry.max=1"),
                "clients",
                "retry");
    assertThat(component(fresh, "max")).isEqualTo(1);
    assertThat(component(fresh, "backoff")).isEqualTo(ClientParams.BackoffShape.NONE);
    Record merged = (Record) param(load(FILE, "nodes.clients.retry.max=1"), "clients", "retry");
    assertThat(component(merged, "backoff")).isEqualTo(ClientParams.BackoffShape.EXPONENTIAL);
    // Setting first and removing after leaves nothing.
    assertThat(
            param(
                load(FILE, "nodes.clients.retry.max=1", "nodes.clients.retry=null"),
                "clients",
                "retry"))
        .isNull();
  }

  @Test
  void shouldReportARemovedRequiredKeyAsMissingAndNameTheArgument() {
    String lacking = FILE.replace("    type: server\n", "");
    String asInFile = error(lacking);
    assertThat(asInFile)
        .startsWith("test.yaml:11:3: nodes.api: missing key 'type'")
        .doesNotContain("--unset");
    assertThat(error(FILE, unset("nodes.api.type")))
        .isEqualTo(asInFile + "; --unset nodes.api.type removed it, but it is required here");
    assertThat(error(FILE, "nodes.api.type=null"))
        .isEqualTo(asInFile + "; --set nodes.api.type=null removed it, but it is required here");
    // At the top level and inside a parameter section too.
    assertThat(error(FILE, unset("duration")))
        .isEqualTo(
            error(FILE.replace("duration: 1m\n", ""))
                + "; --unset duration removed it, but it is required here");
    assertThat(error(FILE, unset("nodes.clients.retry.max")))
        .isEqualTo(
            error(FILE.replace(", max: 3}", "}"))
                + "; --unset nodes.clients.retry.max removed it, but it is required here");
  }

  @Test
  void shouldRemoveAListEntry() {
    ScenarioSpec s = load(FILE, unset("faults[0]"));
    assertThat(s.faults()).hasSize(1);
    assertThat(s.faults().get(0).kind().name()).isEqualTo("pause");
    assertThat(load(FILE, "faults[1]=null").faults())
        .singleElement()
        .extracting(f -> f.kind().name())
        .isEqualTo("crash");
    assertThat(load(FILE, unset("faults")).faults()).isEmpty();
    assertThat(error(FILE, unset("faults[2]")))
        .isEqualTo(
            "--unset faults[2]: faults[2]: faults has 2 entries (faults[0] to faults[1]); there is"
                + " no faults[2]");
  }

  @Test
  void shouldRefuseToRemoveWhatIsNotThereWithTheNearestKey() {
    assertThat(error(FILE, unset("nodes.clients.retyr")))
        .isEqualTo(
            "--unset nodes.clients.retyr: nodes.clients.retyr: nodes.clients has no key 'retyr' to"
                + " remove — did you mean 'retry'?");
    assertThat(error(FILE, "nodes.api.hedge=null"))
        .isEqualTo(
            "--set nodes.api.hedge=null: nodes.api.hedge: nodes.api has no key 'hedge' to remove"
                + " (its keys are workers, shed, type)");
    assertThat(error(FILE, unset("nodes.api.gc.heap")))
        .isEqualTo(
            "--unset nodes.api.gc.heap: nodes.api.gc: nodes.api has no key 'gc', so there is"
                + " nothing under it to remove (its keys are workers, shed, type)");
    assertThat(error(FILE, unset("nodes.apii.shed")))
        .contains("there is no node group 'apii' to change — did you mean 'api'?");
  }

  @Test
  void shouldRefuseAMalformedUnset() {
    assertThat(error(FILE, unset("nodes.api.workers=3")))
        .isEqualTo(
            "--unset nodes.api.workers=3: --unset takes a key path alone, e.g. --unset"
                + " nodes.clients.retry; to change a value, write --set PATH=VALUE");
    assertThat(error(FILE, unset("nodes..api")))
        .contains("--unset nodes..api: nodes..api: not a key path");
    assertThat(error(FILE, unset("duration.x")))
        .contains("duration holds '1m', not a section of keys");
  }

  @Test
  void shouldKeepAnEmptyValueAValueRatherThanARemoval() {
    assertThat(error(FILE, "nodes.clients.retry="))
        .startsWith("--set nodes.clients.retry=: nodes.clients.retry: expected a section")
        .contains("found nothing");
  }
}
