package dev.sim.cli;

import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioSpec;
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
        int nodes = s.nodes().stream().mapToInt(NodeGroupSpec::count).sum();
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "%s: ok (%s: %d node groups, %d nodes, " + "%d faults, %d expectations)%n",
                f,
                s.name(),
                s.nodes().size(),
                nodes,
                s.faults().size(),
                s.expect().size());
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
