package dev.sim.cli;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.Report;
import dev.sim.report.io.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sim report RUN_DIR}: re-renders the charts and page from a saved run folder. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Re-render the charts and report.html of a saved run folder from its "
            + "result.json (nothing is re-run).")
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by 'sim run'.")
  Path dir;

  @Override
  public Integer call() {
    RunResult r = read(dir);
    try {
      Report.render(r, dir);
    } catch (IOException e) {
      throw new UserError("cannot write the report into " + dir + ": " + e.getMessage());
    }
    spec.commandLine().getOut().println("wrote " + dir.resolve("report.html"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  static RunResult read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": no such run folder (expected a folder written by 'sim run')");
    }
    try {
      return RunFolder.read(dir);
    } catch (IOException e) {
      throw new UserError(dir + ": cannot read the saved run: " + e.getMessage());
    }
  }
}
