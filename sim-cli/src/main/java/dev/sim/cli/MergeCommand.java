package dev.sim.cli;

import dev.sim.cli.sweep.SweepMerge;
import dev.sim.cli.sweep.SweepOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sim merge DIR...}: joins the folders of a sweep's shards ({@code sim sweep --shard K/N})
 * into the files the unsharded sweep writes, byte for byte. The work is {@link SweepMerge}'s.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Join the folders of the N shards of one sweep ('sim sweep ... --shard K/N') into the"
          + " sweep.csv and sweep.json that the sweep run whole writes.",
      "Refuses folders of different sweeps, and a shard missing or given twice."
    },
    footer = {
      "",
      "Exit codes: 0 every run's expectations held; 1 a run failed in the simulator;",
      "2 invalid input (not the shards of one sweep); 3 some run's expectations did not hold.",
      "",
      "Example: sim merge shard-1 shard-2 shard-3 shard-4 --out runs/gc-spiral-sweep"
    })
final class MergeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "The shards' folders, in any order.")
  List<Path> dirs;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: runs/<name>-sweep/).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    SweepMerge.Merged merged = SweepMerge.merge(dirs);
    Path dir = out != null ? out : Path.of("runs", merged.plan().name() + "-sweep");
    for (Path d : dirs) {
      if (d.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
        throw new UserError(
            "--out " + dir + " is one of the shards' folders; merge into a folder of its own");
      }
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError("--out " + dir + ": cannot create the folder (" + e.getMessage() + ")");
    }
    SweepOutput.write(
        merged.plan(),
        merged.outcome(),
        merged.untilFail(),
        merged.version(),
        merged.charting(),
        dir);
    SweepOutput.printMerged(merged, dir, stdout, stderr);
    return SweepOutput.exitCode(merged.outcome());
  }
}
