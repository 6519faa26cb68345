package dev.sim.cli;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.Comparison;
import dev.sim.report.Divergence;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code sim diff FILE --set PATH=VALUE}: runs a scenario as written (A) and with a change (B),
 * prints the first event at which they part and their figures side by side, and writes a comparison
 * page; {@code sim diff RUN_A RUN_B} does the same for two run folders made with {@code --trace}.
 * The trace comparison is {@link TraceDiff}'s.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario as written (A) and with a change (B: --set, --unset, --seed-b), print the "
          + "first event where they diverge and both runs' figures side by side, and write "
          + "compare.html; or compare two run folders made with --trace.",
      "Exit codes: 0 ran (whether or not the runs diverge); 1 a run failed in the simulator; "
          + "2 invalid input or usage."
    },
    footer = {
      "",
      "--set and --unset change run B only; --set-both and --unset-both change both runs.",
      "Example: sim diff scenarios/gc-spiral.yaml --seed 42 --set nodes.api.shed.queueAbove=20",
      "See docs/diff.md."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..2",
      paramLabel = "FILE | RUN_A RUN_B",
      description =
          "A scenario file (.yaml) or plugin:NAME to run twice, or two run folders written with "
              + "sim run --trace.")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Master seed of both runs (default: the scenario's own `seed`).")
  Long seed;

  @Option(
      names = "--seed-b",
      paramLabel = "M",
      description = "Run B with this seed instead (compare two seeds of one scenario).")
  Long seedB;

  @Mixin OverrideOptions changes;

  @Option(
      names = "--set-both",
      paramLabel = "PATH=VALUE",
      description =
          "Change one value in both runs (A and B), before B's --set and --unset. Repeatable.")
  List<String> setBoth = new ArrayList<>();

  @Option(
      names = "--unset-both",
      paramLabel = "PATH",
      description = "Remove a key in both runs, before B's --set and --unset. Repeatable.")
  List<String> unsetBoth = new ArrayList<>();

  @Mixin PluginOptions plugins;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Where to write compare.html, its charts, and (for FILE) both runs' folders a/ and b/ "
              + "(default: runs/diff-<name>-seed<N>/ or runs/diff-<A>-vs-<B>/).")
  Path out;

  @Mixin LimitOptions limitOptions;

  @Override
  public Integer call() {
    if (inputs.size() == 2) {
      return folders(inputs.get(0), inputs.get(1));
    }
    Path file = inputs.get(0);
    if (Files.isDirectory(file)) {
      throw new UserError(
          file
              + " is a run folder: sim diff RUN_A RUN_B compares two of them; to run a scenario"
              + " against a change, give its .yaml file (sim diff FILE --seed N --set"
              + " PATH=VALUE)");
    }
    return scenario(file);
  }

  // ------------------------------------------------------------------ FILE: run both

  private int scenario(Path file) {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    RunPipeline.Limits limits = limitOptions.limits();
    RunPipeline pipeline = RunPipeline.withPlugins(plugins.plugins);
    List<String> editsA = bothInOrder();
    List<String> onlyB = changes.inOrder();
    List<String> editsB = new ArrayList<>(editsA);
    editsB.addAll(onlyB);
    ScenarioSpec scenarioA = pipeline.load(file, editsA);
    ScenarioSpec scenarioB = pipeline.load(file, editsB);
    Scenarios.printWarnings(scenarioB, stderr);
    long runSeedA = seed != null ? seed : scenarioA.seed();
    long runSeedB = seedB != null ? seedB : seed != null ? seed : scenarioB.seed();
    if (onlyB.isEmpty() && runSeedA == runSeedB) {
      throw new UserError(
          "sim diff FILE needs a change for run B: --set PATH=VALUE, --unset PATH or --seed-b M"
              + " (e.g. sim diff "
              + file
              + " --seed "
              + runSeedA
              + " --set nodes.api.workers=8)");
    }
    Path dir = out != null ? out : Path.of("runs", "diff-" + scenarioA.name() + "-seed" + runSeedA);
    pipeline.createFolder(dir);
    String commandA = RunPipeline.command(file, runSeedA, editsA, plugins.plugins);
    String commandB = RunPipeline.command(file, runSeedB, editsB, plugins.plugins);
    RunInfo infoA =
        RunPipeline.info(scenarioA, file.toString(), commandA)
            .withSettings(pipeline.settings(file, editsA, runSeedA));
    RunInfo infoB =
        RunPipeline.info(scenarioB, file.toString(), commandB)
            .withSettings(pipeline.settings(file, editsB, runSeedB));
    TraceDiff.Outcome o =
        TraceDiff.runs(
            pipeline,
            new TraceDiff.Side(scenarioA, runSeedA, infoA),
            new TraceDiff.Side(scenarioB, runSeedB, infoB),
            limits);
    // Both runs' folders, so that `sim report DIR/a` draws either one's own report.
    pipeline.writeFolder(o.a(), dir.resolve("a"));
    pipeline.writeFolder(o.b(), dir.resolve("b"));
    Path page = page(o.a(), o.b(), o.divergence(), dir);
    DiffPrinter.print(o.a(), o.b(), commandA, commandB, o.divergence(), stdout);
    stdout.println();
    stdout.println("wrote " + page);
    stdout.println(
        "and both runs' folders, "
            + dir.resolve("a")
            + " and "
            + dir.resolve("b")
            + " (sim report DIR draws either one's report)");
    stdout.flush();
    RunPipeline.explainFailure(o.a(), dir.resolve("a"), stderr);
    RunPipeline.explainFailure(o.b(), dir.resolve("b"), stderr);
    boolean failed =
        RunPipeline.exitCode(o.a()) == ExitCodes.SIMULATION_FAILED
            || RunPipeline.exitCode(o.b()) == ExitCodes.SIMULATION_FAILED;
    return failed ? ExitCodes.SIMULATION_FAILED : ExitCodes.OK;
  }

  /** {@code --set-both} and {@code --unset-both} in the order given, as the loader takes them. */
  private List<String> bothInOrder() {
    List<String> outList = new ArrayList<>();
    ParseResult parsed = spec.commandLine().getParseResult();
    OptionSpec setOption = spec.findOption("--set-both");
    OptionSpec unsetOption = spec.findOption("--unset-both");
    if (parsed != null) {
      Iterator<String> sets = setBoth.iterator();
      Iterator<String> unsets = unsetBoth.iterator();
      for (ArgSpec a : parsed.matchedArgs()) {
        if (a == setOption && sets.hasNext()) {
          outList.add(sets.next());
        } else if (a == unsetOption && unsets.hasNext()) {
          outList.add(ScenarioLoader.UNSET_PREFIX + unsets.next());
        }
      }
      if (outList.size() == setBoth.size() + unsetBoth.size()) {
        return outList;
      }
      outList.clear();
    }
    outList.addAll(setBoth);
    unsetBoth.forEach(p -> outList.add(ScenarioLoader.UNSET_PREFIX + p));
    return outList;
  }

  // ------------------------------------------------------------------ RUN_A RUN_B: two folders

  private int folders(Path a, Path b) {
    List<String> scenarioOnly = new ArrayList<>();
    if (seed != null) {
      scenarioOnly.add("--seed");
    }
    if (seedB != null) {
      scenarioOnly.add("--seed-b");
    }
    if (!changes.set.isEmpty()) {
      scenarioOnly.add("--set");
    }
    if (!changes.unset.isEmpty()) {
      scenarioOnly.add("--unset");
    }
    if (!setBoth.isEmpty()) {
      scenarioOnly.add("--set-both");
    }
    if (!unsetBoth.isEmpty()) {
      scenarioOnly.add("--unset-both");
    }
    if (!plugins.plugins.isEmpty()) {
      scenarioOnly.add("--plugin");
    }
    if (!scenarioOnly.isEmpty()) {
      throw new UserError(
          String.join(", ", scenarioOnly)
              + ": only for sim diff FILE; sim diff RUN_A RUN_B compares two runs that are"
              + " already made");
    }
    for (Path p : List.of(a, b)) {
      if (!Files.isDirectory(p)) {
        throw new UserError(
            p
                + ": not a run folder; sim diff takes one scenario FILE (sim diff FILE --set"
                + " PATH=VALUE) or two run folders written with sim run --trace");
      }
    }
    RunResult ra = ReportCommand.read(a);
    RunResult rb = ReportCommand.read(b);
    Divergence d = TraceDiff.folders(a, b);
    Path dir =
        out != null ? out : Path.of("runs", "diff-" + a.getFileName() + "-vs-" + b.getFileName());
    Path page = page(ra, rb, d, dir);
    PrintWriter stdout = spec.commandLine().getOut();
    DiffPrinter.print(ra, rb, describe(a, ra), describe(b, rb), d, stdout);
    stdout.println();
    stdout.println("wrote " + page);
    stdout.flush();
    return ExitCodes.OK;
  }

  private static String describe(Path dir, RunResult r) {
    String command = r.info() == null ? "" : r.info().command();
    return dir + (command == null || command.isBlank() ? "" : "  (" + command + ")");
  }

  private static Path page(RunResult a, RunResult b, Divergence d, Path dir) {
    try {
      Files.createDirectories(dir);
      Comparison.render(a, b, d, dir);
    } catch (IOException e) {
      throw new UserError("cannot write the comparison into " + dir + ": " + e.getMessage());
    }
    return dir.resolve(Comparison.PAGE);
  }
}
