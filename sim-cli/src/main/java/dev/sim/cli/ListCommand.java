package dev.sim.cli;

import dev.sim.api.FaultKind;
import dev.sim.api.NodeType;
import dev.sim.scenarios.bind.ParamDocs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sim list}: every node type with its parameters, sorted by name, then every fault kind in
 * the order found.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description =
        "List every node type (built-in and from --plugin jars) with its parameters, and every"
            + " fault kind.")
final class ListCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin PluginOptions plugins;

  @Option(names = "--brief", description = "Names and one-line summaries only.")
  boolean brief;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ClassLoader loader = Plugins.loader(plugins.plugins);
    var registry = Plugins.registry(loader);
    var scenarios = Plugins.scenarios(loader).all();
    for (String name : registry.names()) {
      NodeType<?> t = registry.require(name);
      out.printf("%-20s %s%n", t.name(), t.summary());
      if (!brief) {
        out.println();
        for (String line : ParamDocs.table(t.parameters()).split("\n")) {
          out.println("    " + line);
        }
        out.println();
      }
    }
    out.println(
        "Every node group also takes `type` (one of the names above) and `count` "
            + "(instances; default 1).");
    out.println();
    out.println(
        "Fault kinds (each fault has `at` and one of these; `sim explain KIND` shows its keys):");
    for (FaultKind<?> k : registry.faults().kinds()) {
      out.printf("  %-18s %s%n", k.name(), k.summary());
    }
    if (!scenarios.isEmpty()) {
      out.println();
      out.println("Scenario plugins (run with 'sim run plugin:NAME'):");
      scenarios.forEach(s -> out.printf("  %-18s %s%n", s.name(), s.summary()));
    }
    out.println(
        "`sim explain TYPE` shows one type; `sim explain network` (clocks, faults, report) a"
            + " section; `sim explain FILE` tells a scenario's story.");
    out.flush();
    return ExitCodes.OK;
  }
}
