package dev.sim.cli;

import dev.sim.cli.progress.SweepProgress;
import dev.sim.cli.sweep.Shard;
import dev.sim.cli.sweep.SweepCharting;
import dev.sim.cli.sweep.SweepOutput;
import dev.sim.cli.sweep.SweepPlan;
import dev.sim.cli.sweep.SweepRunner;
import dev.sim.scenarios.config.ScenarioSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sim sweep FILE}: one run per (point, seed) on every core, each exactly the run {@code sim
 * run FILE --seed S --set PATH=V ...} makes; writes {@code sweep.csv} and {@code sweep.json} and
 * exits 0 when every run's expectations held, 3 when some did not, 1 when a run failed in the
 * simulator. The work is in {@link dev.sim.cli.sweep}; this class maps options onto it.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario over many seeds and parameter values, one run per thread: writes"
          + " sweep.csv (one row per run), sweep.json (each point's spread across seeds), and"
          + " charts with sweep.html (figures against one varied path; a heatmap over two).",
      "Each run is exactly what 'sim run FILE --seed S --set PATH=V ...' makes; failing runs are"
          + " printed with that command."
    },
    footer = {
      "",
      "Exit codes: 0 every run's expectations held; 1 a run failed in the simulator;",
      "2 invalid input; 3 some run's expectations did not hold.",
      "",
      "Examples:",
      "  sim sweep scenarios/gc-spiral.yaml --seeds 20",
      "  sim sweep scenarios/gc-spiral.yaml --seeds 1..5 --vary nodes.api.workers=2,4,8",
      "  sim sweep scenarios/gc-spiral.yaml --vary nodes.api.workers=2..8:4",
      "  sim sweep scenarios/gc-spiral.yaml --seeds 1..1000 --until-fail",
      "  sim sweep scenarios/gc-spiral.yaml --seeds 100 --shard 2/4 --out shard-2"
    })
final class SweepCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The scenario file (.yaml), or plugin:NAME for a scenario plugin.")
  Path file;

  @Option(
      names = "--seeds",
      paramLabel = "A..B|N",
      description = "The seeds: A..B, or N for 1..N (default: the scenario's own `seed` alone).")
  String seeds;

  @Option(
      names = "--vary",
      paramLabel = "PATH=VALUES",
      description =
          "Give a key several values, PATH=V1,V2,... or PATH=FROM..TO:STEPS (STEPS evenly"
              + " spaced values, both ends included, e.g. nodes.clients.load.rate=200/s..2000/s:10);"
              + " validated like --set. Repeatable: the points are every combination.")
  List<String> vary = new ArrayList<>();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Runs at once, one per thread (default: one per core).")
  Integer threads;

  @Option(
      names = "--until-fail",
      description =
          "Stop at the smallest seed at which a run fails (the same for any --threads), and say"
              + " how many seeds passed before it.")
  boolean untilFail;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Run only the K-th of N interleaved slices of the runs (K from 1 to N), for a batch"
              + " engine; 'sim merge' joins the N folders into the files of the whole sweep.")
  String shard;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Output folder (default: runs/<name>-sweep/, runs/<name>-sweep-shardKofN/ for a shard).")
  Path out;

  @Option(
      names = "--quiet",
      description =
          "No progress bar and no summary; the exit code and errors still tell how it went.")
  boolean quiet;

  @Option(
      names = "--heatmap",
      paramLabel = "FIGURE",
      description =
          "The figure of the heatmap over two varied paths (default: yield): a column of"
              + " sweep.csv (latencyP99Ms, attempts, counter.NAME, ...), amplification (attempts"
              + " per offered request) or held (the share of seeds whose expectations held).")
  String heatmap;

  @Mixin OverrideOptions overrides;

  @Mixin PluginOptions plugins;

  @Mixin LimitOptions limitOptions;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (threadCount < 1) {
      throw new UserError(
          "--threads " + threadCount + ": a sweep needs at least one thread, e.g. --threads 2");
    }
    Shard slice = shard == null ? Shard.WHOLE : Shard.parse(shard);
    RunPipeline.Limits limits = limitOptions.limits();
    RunPipeline pipeline = RunPipeline.withPlugins(plugins.plugins);
    SweepPlan plan =
        SweepPlan.of(
            pipeline, file, overrides.inOrder(), plugins.plugins, vary, seeds, limits, slice);
    SweepCharting charting = SweepCharting.of(plan, heatmap);
    if (!quiet) {
      printWarnings(plan, stderr);
    }
    Path dir = out != null ? out : defaultFolder(plan);
    // Made before the runs, so that a folder that cannot be written fails in a second, not after.
    pipeline.createFolder(dir);
    SweepRunner.Outcome outcome;
    SweepProgress bar = SweepProgress.forSweep(plan.name() + " sweep", plan.shardRuns(), quiet);
    try {
      outcome = SweepRunner.run(pipeline, plan, threadCount, untilFail, bar);
    } catch (OutOfMemoryError e) {
      bar.close();
      // Every thread holds a whole simulation: the heap that fits one run may not fit N.
      stderr.println(
          "sim: the sweep ran out of memory with "
              + threadCount
              + " runs at once: use fewer --threads, or give the JVM more heap"
              + " (SIM_JAVA_OPTS=-Xmx8g)");
      stderr.flush();
      return ExitCodes.SIMULATION_FAILED;
    }
    bar.close();
    SweepOutput.write(plan, outcome, untilFail, Main.Version.number(), charting, dir);
    if (!quiet) {
      SweepOutput.print(plan, outcome, untilFail, dir, stdout, stderr);
    } else {
      SweepOutput.print(
          plan, outcome, untilFail, dir, new PrintWriter(Writer.nullWriter()), stderr);
    }
    return SweepOutput.exitCode(outcome);
  }

  /** {@code runs/NAME-sweep}, or {@code runs/NAME-sweep-shardKofN} for a shard. */
  static Path defaultFolder(SweepPlan plan) {
    Shard s = plan.shard();
    return Path.of(
        "runs",
        plan.name() + "-sweep" + (s.whole() ? "" : "-shard" + s.index() + "of" + s.count()));
  }

  /** Every point's warnings, each once (most are the same at every point). */
  private static void printWarnings(SweepPlan plan, PrintWriter err) {
    Set<String> seen = new LinkedHashSet<>();
    for (SweepPlan.Point p : plan.points()) {
      ScenarioSpec s = p.scenario();
      StringWriter text = new StringWriter();
      Scenarios.printWarnings(s, new PrintWriter(text));
      for (String line : text.toString().split("\n")) {
        if (!line.isEmpty() && seen.add(line)) {
          err.println(line);
        }
      }
    }
    err.flush();
  }
}
