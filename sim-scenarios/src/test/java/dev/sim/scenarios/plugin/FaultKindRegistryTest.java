package dev.sim.scenarios.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.PluginException;
import dev.sim.api.Target;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FaultKindRegistryTest {
  /** A plugin-style kind: cuts its target off from {@code others}, both ways, until {@code for}. */
  static final class Isolate implements FaultKind<Isolate.Params> {
    record Params(
        @Param(key = "isolate", doc = "Who is cut off.", unit = Unit.TARGET, required = true)
            Target target,
        @Param(doc = "From whom.", unit = Unit.NODE_REF, required = true) List<String> others) {}

    @Override
    public String name() {
      return "isolate";
    }

    @Override
    public String summary() {
      return "Cuts nodes off.";
    }

    @Override
    public Class<Params> parameters() {
      return Params.class;
    }

    @Override
    public String describe(Params p, Function<Target, String> targets) {
      return "isolate " + targets.apply(p.target());
    }

    @Override
    public void start(Params p, FaultControls c) {
      int[] ids = c.resolve(p.target());
      long h = c.partition(new int[][] {ids, c.nodes(p.others())});
      c.after(c.lastsNanos(), "heal isolate", () -> c.heal(h));
      c.annotate(describe(p, t -> String.join(",", c.names(ids))), c.names(ids));
    }
  }

  /** A kind whose record misses its own name's key. */
  static final class Nameless implements FaultKind<Isolate.Params> {
    @Override
    public String name() {
      return "nameless";
    }

    @Override
    public String summary() {
      return "Broken.";
    }

    @Override
    public Class<Isolate.Params> parameters() {
      return Isolate.Params.class;
    }

    @Override
    public String describe(Isolate.Params p, Function<Target, String> targets) {
      return "";
    }

    @Override
    public void start(Isolate.Params p, FaultControls c) {}
  }

  /** Isolate under another name, or with another lasting. */
  static final class Renamed implements FaultKind<Isolate.Params> {
    private final String name;
    private final Lasting lasting;

    Renamed(String name, Lasting lasting) {
      this.name = name;
      this.lasting = lasting;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String summary() {
      return "Isolate again.";
    }

    @Override
    public Class<Isolate.Params> parameters() {
      return Isolate.Params.class;
    }

    @Override
    public Lasting lasting() {
      return lasting;
    }

    @Override
    public String describe(Isolate.Params p, Function<Target, String> targets) {
      return "";
    }

    @Override
    public void start(Isolate.Params p, FaultControls c) {}
  }

  @Test
  void shouldFindTheBuiltInKindsInTheOrderTheFormatDocumentsThem() {
    assertThat(FaultKindRegistry.builtIns().names())
        // The language's own kinds, then sim-components' fill (on this module's test class path).
        .containsExactly(
            "partition",
            "crash",
            "pause",
            "slow",
            "clock",
            "loss",
            "random-failures",
            "rollout",
            "fill");
  }

  @Test
  void shouldRefuseKindsThatCannotBeUsedAsWritten() {
    assertThatThrownBy(() -> FaultKindRegistry.of(new Isolate(), new Isolate()))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("two fault kinds are named 'isolate'");
    assertThatThrownBy(() -> FaultKindRegistry.of(new Renamed("Bad_Name", Lasting.FOR)))
        .hasMessageContaining("fault kind name 'Bad_Name' is not valid");
    assertThatThrownBy(() -> FaultKindRegistry.of(new Renamed("every", Lasting.FOR)))
        .hasMessageContaining("is a key every fault takes");
    assertThatThrownBy(() -> FaultKindRegistry.of(new Nameless()))
        .hasMessageContaining("has no component keyed 'nameless'");
    assertThatThrownBy(
            () ->
                FaultKindRegistry.of(
                    new Renamed("isolate", Lasting.byKey("others", "no 'for' here"))))
        .hasMessageContaining("names the key 'others', which is not a DURATION");
  }

  static final String YAML =
      """
      name: isolated
      duration: 10s
      nodes:
        clients: {type: client, target: api, load: {rate: 100/s}, timeout: 100ms}
        api: {type: server, count: 2}
      faults:
        - {at: 2s, isolate: random(api), others: [clients], for: 3s}
      """;

  @Test
  void shouldBindRunAndMarkAPluginKindLikeABuiltIn() {
    NodeTypeRegistry types =
        NodeTypeRegistry.load(getClass().getClassLoader())
            .withFaults(FaultKindRegistry.of(new Isolate()));
    ScenarioSpec s = ScenarioLoader.parse(YAML, "i.yaml", types, List.of());
    assertThat(s.faults().get(0).describeWithTiming()).isEqualTo("isolate random(api) for 3s");
    RunResult r = ScenarioRunner.run(s, 1, ScenarioRunner.Options.DEFAULTS);
    assertThat(r.annotations()).hasSize(1);
    Annotation a = r.annotations().get(0);
    assertThat(a.kind()).isEqualTo("isolate");
    assertThat(a.label()).matches("isolate api-[12]");
    assertThat(List.of(a.startNanos(), a.endNanos()))
        .containsExactly(2_000_000_000L, 5_000_000_000L);
    assertThat(r.requestsOrNone().totals().failed() + r.requestsOrNone().totals().timedOut())
        .isPositive();

    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    YAML.replace("others: [clients]", "otters: [clients]"),
                    "i.yaml",
                    types,
                    List.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "i.yaml:7:5: faults[0]: missing key 'others' (from whom)\n"
                + "i.yaml:7:36: faults[0].otters: unknown key 'otters' in a fault — did you mean"
                + " 'others'?");
  }

  /** A plugin kind that steps clocks, with or without saying so through stepsClocks(). */
  static final class Nudge implements FaultKind<Nudge.Params> {
    record Params(
        @Param(key = "nudge", doc = "Whose clock.", unit = Unit.TARGET, required = true)
            Target target) {}

    private final boolean declares;

    Nudge(boolean declares) {
      this.declares = declares;
    }

    @Override
    public String name() {
      return "nudge";
    }

    @Override
    public String summary() {
      return "Steps clocks 5s ahead.";
    }

    @Override
    public Class<Params> parameters() {
      return Params.class;
    }

    @Override
    public Lasting lasting() {
      return Lasting.instant("at once");
    }

    @Override
    public boolean stepsClocks() {
      return declares;
    }

    @Override
    public String describe(Params p, Function<Target, String> targets) {
      return "nudge " + targets.apply(p.target());
    }

    @Override
    public void start(Params p, FaultControls c) {
      for (int id : c.resolve(p.target())) {
        c.stepClock(id, 5_000_000_000L);
      }
    }
  }

  static final String NUDGE_YAML =
      """
      name: nudged
      duration: 10s
      nodes:
        clients: {type: client, target: api, load: {arrivals: constant, rate: 100/s}}
        api: {type: server}
      faults:
        - {at: 5s, nudge: clients}
      """;

  @Test
  void shouldStepClocksOnlyForAKindThatDeclaresIt() {
    // Declared: the run keeps skewable clocks, and the 5 s step fires the client's pending
    // arrivals at once, so it offers about as many requests as without the step.
    RunResult declared =
        ScenarioRunner.run(
            ScenarioLoader.parse(
                NUDGE_YAML,
                "n.yaml",
                NodeTypeRegistry.load(getClass().getClassLoader())
                    .withFaults(FaultKindRegistry.of(new Nudge(true))),
                List.of()),
            1,
            ScenarioRunner.Options.DEFAULTS);
    assertThat(declared.failure()).isNull();
    assertThat(declared.requestsOrNone().totals().offered()).isBetween(990L, 1_010L);

    // Undeclared: the run was given perfect clocks, so the step cannot happen; it fails loudly
    // instead of silently leaving the clock where it was.
    ScenarioSpec undeclared =
        ScenarioLoader.parse(
            NUDGE_YAML,
            "n.yaml",
            NodeTypeRegistry.load(getClass().getClassLoader())
                .withFaults(FaultKindRegistry.of(new Nudge(false))),
            List.of());
    RunResult r = ScenarioRunner.run(undeclared, 1, ScenarioRunner.Options.DEFAULTS);
    assertThat(r.failure()).isNotNull();
    assertThat(r.failure().message())
        .contains("fault kind 'nudge' stepped a clock but does not declare it");
  }
}
