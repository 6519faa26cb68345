package dev.sim.cli;

import dev.sim.check.io.HistoryFormatException;
import dev.sim.check.io.HistoryReader;
import dev.sim.kernel.history.HistoryData;
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

/**
 * {@code sim report RUN_DIR}: re-renders the charts and page from a saved run folder: its
 * result.json, and its history.jsonl when there is one (for the page's history timeline).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Re-render the charts and report.html of a saved run folder from its "
            + "result.json and history.jsonl (nothing is re-run).")
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by 'sim run'.")
  Path dir;

  @Override
  public Integer call() {
    RunResult r = withHistory(read(dir), dir, spec.commandLine().getErr());
    try {
      Report.render(r, dir);
    } catch (IOException e) {
      throw new UserError("cannot write the report into " + dir + ": " + e.getMessage());
    }
    spec.commandLine().getOut().println("wrote " + dir.resolve("report.html"));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /**
   * {@code r} with the operation history of the folder's {@link RunPipeline#HISTORY_FILE}, which
   * result.json does not hold; {@code r} itself when there is none. A history that cannot be read
   * is said on {@code err}, and the report is drawn without it.
   */
  static RunResult withHistory(RunResult r, Path dir, java.io.PrintWriter err) {
    Path file = dir.resolve(RunPipeline.HISTORY_FILE);
    if (!r.history().isEmpty() || !Files.isRegularFile(file)) {
      return r;
    }
    try {
      return r.toBuilder().history(HistoryData.of(HistoryReader.read(file, null).ops())).build();
    } catch (IOException | HistoryFormatException e) {
      err.println("sim: " + e.getMessage() + "; the report is drawn without the history timeline");
      err.flush();
      return r;
    }
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
