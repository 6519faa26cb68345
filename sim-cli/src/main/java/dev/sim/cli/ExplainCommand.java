package dev.sim.cli;

import dev.sim.api.FaultKind;
import dev.sim.api.NodeType;
import dev.sim.api.ScenarioPlugin;
import dev.sim.kernel.metrics.ChartNames;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.scenarios.bind.ParamDocs;
import dev.sim.scenarios.config.DidYouMean;
import dev.sim.scenarios.config.FaultKeys;
import dev.sim.scenarios.config.FaultSpec;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.config.SectionDocs;
import dev.sim.scenarios.plugin.FaultKindRegistry;
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

/**
 * {@code sim explain NAME}: a node type's parameters, a fault kind's keys, a section of the format
 * ({@code network}, {@code clocks}, {@code faults}, {@code report}), or a scenario's title and
 * story. Every table is generated from the parameter records the loader binds.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain a node type (its parameters with units and defaults), a fault kind (e.g."
            + " partition), a section of the format (network, clocks, faults, report) or a"
            + " scenario (a .yaml file, or a name from scenarios/: its title, description, nodes"
            + " and faults).")
final class ExplainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description =
          "A node type, a fault kind, network, clocks, faults, report, a scenario file, or a"
              + " scenario name.")
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
      printMetrics(out, t.metrics());
      printUnits(out);
      return ExitCodes.OK;
    }
    FaultKindRegistry faults = registry.faults();
    Optional<FaultKind<?>> kind = faults.find(name);
    if (kind.isPresent()) {
      FaultKind<?> k = kind.get();
      out.println(k.name() + " — " + k.summary());
      out.println();
      out.print(ParamDocs.table(FaultKeys.rows(k)));
      printUnits(out);
      return ExitCodes.OK;
    }
    if (name.equals("faults")) {
      explainFaults(out, faults);
      return ExitCodes.OK;
    }
    Optional<SectionDocs.Section> section = SectionDocs.find(name);
    if (section.isPresent()) {
      SectionDocs.Section sec = section.get();
      out.println(sec.name() + " — " + sec.summary());
      out.println();
      out.print(ParamDocs.table(sec.keys()));
      if (!sec.note().isEmpty()) {
        out.println();
        out.println(sec.note());
      }
      printUnits(out);
      return ExitCodes.OK;
    }
    Path file = scenarioFile(name);
    if (file == null) {
      List<String> topics = new ArrayList<>(registry.names());
      topics.addAll(faults.names());
      topics.add("faults");
      SectionDocs.ALL.forEach(x -> topics.add(x.name()));
      String hint = DidYouMean.suffix(name, topics);
      throw new UserError(
          "'"
              + name
              + "' is neither a node type, a fault kind, a section of the format, a scenario file,"
              + " nor a scenario in scenarios/"
              + hint
              + " (node types: "
              + String.join(", ", registry.names())
              + "; fault kinds: "
              + String.join(", ", faults.names())
              + "; sections: network, clocks, faults, report)");
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
        out.printf("  at %-8s %s%n", Text.duration(f.atNanos()), f.describeWithTiming());
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

  /** The list of fault kinds and the keys every fault takes. */
  private static void explainFaults(PrintWriter out, FaultKindRegistry faults) {
    out.println(
        "faults — a list of timed actions; each fault has `at` and exactly one of these kinds,"
            + " with its keys:");
    out.println();
    for (FaultKind<?> k : faults.kinds()) {
      out.printf("  %-12s %s%n", k.name(), k.summary());
    }
    out.println();
    out.println("Every fault also takes:");
    out.println();
    out.print(ParamDocs.table(ParamDocs.rows(FaultKeys.Timing.class)));
    out.println();
    out.println(
        "and `for` (undo it after this long) where its kind allows; with `every`, `for` must be"
            + " shorter.");
    out.println(
        "A target is a node, a group (all its instances) or random(group) (one instance, drawn"
            + " at each occurrence).");
    out.println("`sim explain KIND` shows a kind's keys, e.g. sim explain partition.");
    out.flush();
  }

  /**
   * What a node type records: each metric with the name {@code expect:} and {@code report.charts}
   * use, its kind, unit and title, so a scenario author can find them without reading code.
   */
  private static void printMetrics(PrintWriter out, List<MetricSpec> specs) {
    if (specs.isEmpty()) {
      return;
    }
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(new String[] {"METRIC", "KIND", "UNIT", "CHART", "TITLE"});
    for (MetricSpec s : specs) {
      rows.add(
          switch (s.kind()) {
            case COUNTER ->
                new String[] {
                  "counter." + s.name(), "counter", s.unit(), s.chart().id(), s.title()
                };
            case GAUGE -> new String[] {s.name(), "gauge", s.unit(), s.chart().id(), s.title()};
            case LATENCY ->
                new String[] {
                  "requests",
                  "requests",
                  "ms",
                  String.join(", ", ChartNames.REQUESTS),
                  "yield, harvest, latency and throughput of the requests it offers"
                };
          });
    }
    int[] width = new int[5];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    out.println();
    out.println("Metrics it records (for expect: and report.charts):");
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        line.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
      }
      out.println(line.append(r[4]));
    }
  }

  private static void printUnits(PrintWriter out) {
    out.println();
    out.println("Durations take ns, us, ms, s, m or h; rates /s, /m or /h; sizes B, KB, MB or GB;");
    out.println(
        "bandwidths bps, Kbps, Mbps or Gbps; distributions {dist: NAME, ...} or a bare duration");
    out.println("(see docs/scenario-format.md).");
    out.flush();
  }
}
