package dev.sim.cli;

import dev.sim.api.NodeType;
import dev.sim.api.ScenarioPlugin;
import dev.sim.scenarios.bind.ParamDocs;
import dev.sim.scenarios.config.FaultSpec;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sim explain NAME}: a node type's parameters, or a scenario's title and story. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain a node type (its parameters with units and defaults) or a scenario "
            + "(a .yaml file, or a name from scenarios/: its title, description, nodes and faults).")
final class ExplainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "A node type, a scenario file, or a scenario name.")
  String name;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ClassLoader loader = Plugins.loader(plugins.plugins);
    NodeTypeRegistry registry = Plugins.registry(loader);
    if (name.startsWith(Scenarios.PLUGIN_PREFIX)) {
      // A scenario plugin: show the scenario it builds, as the YAML it is validated as.
      ScenarioPlugin plugin = Scenarios.plugin(name, Plugins.scenarios(loader));
      out.println(plugin.name() + " — " + plugin.summary());
      out.println();
      out.print(ScenarioLoader.pluginYaml(plugin));
      out.flush();
      return ExitCodes.OK;
    }
    Optional<NodeType<?>> type = registry.find(name);
    if (type.isPresent()) {
      NodeType<?> t = type.get();
      out.println(t.name() + " — " + t.summary());
      out.println();
      out.print(ParamDocs.table(t.parameters()));
      out.println();
      out.println(
          "Durations take ns, us, ms, s, m or h; rates /s, /m or /h; sizes B, KB, MB or GB;");
      out.println(
          "distributions {dist: NAME, ...} or a bare duration (see docs/scenario-format.md).");
      out.flush();
      return ExitCodes.OK;
    }
    Path file = scenarioFile(name);
    if (file == null) {
      List<String> candidates = new ArrayList<>(registry.names());
      String hint = registry.suggest(name).map(s -> " — did you mean '" + s + "'?").orElse("");
      throw new UserError(
          "'"
              + name
              + "' is neither a node type, a scenario file, nor a scenario "
              + "in scenarios/"
              + hint
              + " (node types: "
              + String.join(", ", candidates)
              + ")");
    }
    ScenarioSpec s = Scenarios.load(file, registry, List.of());
    out.println(s.title().isEmpty() ? s.name() : s.title());
    out.println(
        "  "
            + file
            + " · default seed "
            + s.seed()
            + " · runs "
            + Text.duration(s.durationNanos())
            + " simulated");
    out.println();
    if (!s.description().isEmpty()) {
      for (String line : s.description().strip().split("\n")) {
        out.println("  " + line);
      }
      out.println();
    }
    out.println("Nodes:");
    for (NodeGroupSpec g : s.nodes()) {
      out.printf("  %-14s %d × %s%n", g.name(), g.count(), g.type().name());
    }
    if (!s.faults().isEmpty()) {
      out.println("Faults:");
      for (FaultSpec f : s.faults()) {
        out.printf("  at %-8s %s%n", Text.duration(f.atNanos()), describe(f));
      }
    }
    if (!s.expect().isEmpty()) {
      out.println("Expectations:");
      s.expect().forEach(e -> out.println("  " + e.text()));
    }
    out.println();
    out.println("Run it: sim run " + file + " --seed " + s.seed());
    out.flush();
    return ExitCodes.OK;
  }

  private static Path scenarioFile(String name) {
    Path p = Path.of(name);
    if (Files.isRegularFile(p)) {
      return p;
    }
    Path lib = Path.of("scenarios", name.endsWith(".yaml") ? name : name + ".yaml");
    return Files.isRegularFile(lib) ? lib : null;
  }

  private static String describe(FaultSpec f) {
    String d = f.getClass().getSimpleName();
    if (f instanceof FaultSpec.Partition p) {
      d = "partition " + p.groups();
    } else if (f instanceof FaultSpec.OneWayCut c) {
      d = "cut " + c.from() + " → " + c.to();
    } else if (f instanceof FaultSpec.Crash c) {
      d =
          "crash "
              + c.target()
              + (c.restartNanos() >= 0
                  ? ", restart after " + Text.duration(c.restartNanos())
                  : ", stays down");
    } else if (f instanceof FaultSpec.Pause p) {
      d = "pause " + p.target();
    } else if (f instanceof FaultSpec.Slow s) {
      d = "slow " + s.target() + " ×" + s.factor();
    } else if (f instanceof FaultSpec.ClockJump j) {
      d =
          "clock "
              + j.target()
              + " jumps "
              + (j.jumpNanos() < 0 ? "-" : "+")
              + Text.duration(Math.abs(j.jumpNanos()));
    } else if (f instanceof FaultSpec.LossBurst l) {
      d = "loss " + l.rate() + " between " + l.a() + " and " + l.b();
    }
    if (f.forNanos() >= 0 && !(f instanceof FaultSpec.Crash)) {
      d += " for " + Text.duration(f.forNanos());
    }
    if (f.everyNanos() > 0) {
      d += ", every " + Text.duration(f.everyNanos());
    }
    return d;
  }
}
