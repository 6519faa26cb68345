package dev.sim.cli.sweep;

import dev.sim.cli.ExitCodes;
import dev.sim.cli.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The end of a sweep: its files, what it prints, and its exit code. */
public final class SweepOutput {
  private SweepOutput() {}

  /**
   * Writes {@code sweep.csv}, {@code sweep.json} and, for a whole sweep (not a shard), the charts
   * and {@code sweep.html} into {@code dir} (which must exist), each atomically.
   *
   * @param version the simulator's version, recorded in {@code sweep.json}
   * @param charting the expectations and heatmap figure the charts draw
   * @throws UserError when a file cannot be written
   */
  public static void write(
      SweepPlan plan,
      SweepRunner.Outcome outcome,
      boolean untilFail,
      String version,
      SweepCharting charting,
      Path dir) {
    Path csv = dir.resolve(SweepCsv.FILE);
    Path json = dir.resolve(SweepJson.FILE);
    try {
      AtomicFile.write(csv, w -> SweepCsv.write(plan, outcome.rows(), w));
      String text = SweepJson.toJson(plan, outcome, untilFail, version, charting);
      AtomicFile.write(json, w -> w.write(text));
      if (plan.shard().whole()) {
        // A shard draws nothing: its rows are a slice; sim merge draws the whole sweep's charts.
        SweepReport.write(SweepReport.model(plan, outcome.rows(), charting, version), dir);
      }
    } catch (IOException e) {
      throw new UserError("cannot write the sweep's files into " + dir + ": " + e.getMessage());
    }
  }

  /** Prints the summary on {@code out} and the runs that failed in the simulator on {@code err}. */
  public static void print(
      SweepPlan plan,
      SweepRunner.Outcome outcome,
      boolean untilFail,
      Path dir,
      PrintWriter out,
      PrintWriter err) {
    SweepPrinter.print(plan, outcome, untilFail, dir, SweepPrinter.header(plan, outcome), out, err);
  }

  /** Prints the summary of a merged sweep, as {@link #print} does for one that ran. */
  public static void printMerged(
      SweepMerge.Merged merged, Path dir, PrintWriter out, PrintWriter err) {
    SweepPlan plan = merged.plan();
    String header =
        plan.name()
            + " sweep · "
            + SweepPrinter.size(plan)
            + ", merged from "
            + SweepPrinter.count(merged.shards(), "shard");
    SweepPrinter.print(plan, merged.outcome(), merged.untilFail(), dir, header, out, err);
  }

  /**
   * {@link ExitCodes#SIMULATION_FAILED} when a run failed in the simulator, else {@link
   * ExitCodes#EXPECTATION_FAILED} when a run's expectations did not all hold, else {@link
   * ExitCodes#OK}.
   */
  public static int exitCode(SweepRunner.Outcome outcome) {
    if (outcome.rows().stream().anyMatch(RunRow::simulationFailed)) {
      return ExitCodes.SIMULATION_FAILED;
    }
    return outcome.rows().stream().allMatch(RunRow::held)
        ? ExitCodes.OK
        : ExitCodes.EXPECTATION_FAILED;
  }
}
