package dev.sim.cli;

import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.config.Words;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sim validate FILE}: checks a scenario without running it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check scenario files without running them; every problem is reported with "
            + "file:line:column. Exit 0 if all are valid, 2 if not.")
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.yaml).")
  List<Path> files;

  @Mixin OverrideOptions overrides;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    RunPipeline pipeline = RunPipeline.withPlugins(plugins.plugins);
    List<String> edits = overrides.inOrder();
    int bad = 0;
    for (Path f : files) {
      try {
        ScenarioSpec s = pipeline.load(f, edits);
        Scenarios.printWarnings(s, spec.commandLine().getErr());
        int nodes = s.nodes().stream().mapToInt(NodeGroupSpec::count).sum();
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "%s: ok (%s: %s, %s, %s, %s)%n",
                f,
                s.name(),
                Words.count(s.nodes().size(), "node group"),
                Words.count(nodes, "node"),
                Words.count(s.faults().size(), "fault"),
                Words.count(s.expect().size(), "expectation"));
      } catch (UserError e) {
        spec.commandLine().getErr().println(e.getMessage());
        bad++;
      }
    }
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return bad == 0 ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
  }
}
