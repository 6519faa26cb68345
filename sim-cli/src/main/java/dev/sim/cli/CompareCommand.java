package dev.sim.cli;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sim compare A B}: overlays two saved runs on the same axes. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Overlay two saved runs on the same axes (e.g. a scenario with and without "
            + "load shedding) and write compare.html with its charts.")
final class CompareCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR_A", description = "The first run folder.")
  Path a;

  @Parameters(index = "1", paramLabel = "RUN_DIR_B", description = "The second run folder.")
  Path b;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write compare.html (default: runs/compare-<A>-vs-<B>/).")
  Path out;

  @Override
  public Integer call() {
    RunResult ra = ReportCommand.read(a);
    RunResult rb = ReportCommand.read(b);
    Path dir =
        out != null
            ? out
            : Path.of("runs", "compare-" + a.getFileName() + "-vs-" + b.getFileName());
    try {
      Files.createDirectories(dir);
      Comparison.render(ra, rb, dir);
    } catch (IOException e) {
      throw new UserError("cannot write the comparison into " + dir + ": " + e.getMessage());
    }
    spec.commandLine().getOut().println("wrote " + dir.resolve("compare.html"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
