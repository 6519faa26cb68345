package dev.sim.cli;

import dev.sim.cli.shrink.ShrinkJob;
import dev.sim.scenarios.config.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sim shrink FILE --seed N}: from a failing run to a smaller scenario that fails the same
 * expectation (or the same node failure) with the same seed, written to {@code FILE.min.yaml}. The
 * search is in {@link dev.sim.cli.shrink}; this class maps options onto it.
 */
@Command(
    name = "shrink",
    mixinStandardHelpOptions = true,
    description = {
      "Shrink a failing run: write a smaller scenario that fails the same expectation (or the"
          + " same node failure) with the same seed, and print what was removed.",
      "Faults are dropped, groups removed and made smaller, the run shortened, distributions"
          + " replaced by constants and optional sections and keys removed, each change kept only"
          + " if the run still fails the same way."
    },
    footer = {
      "",
      "Exit codes: 0 the smaller scenario was written; 2 invalid input, or a run that",
      "passes (nothing to shrink). docs/shrinking.md has the steps and the search.",
      "",
      "Examples:",
      "  sim shrink scenarios/silent-data-loss-fixed.yaml --seed 42 \\",
      "      --set nodes.store.limit=30/s",
      "  sim shrink scenarios/overload-cascade.yaml --seed 42 \\",
      "      --set 'expect=[yield >= 0.9]' --keep faults --max-runs 100"
    })
final class ShrinkCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The scenario file (.yaml), or plugin:NAME for a scenario plugin (then --out).")
  Path file;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Master seed of the failing run (default: the scenario's own `seed`).")
  Long seed;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the smaller scenario (default: FILE.min.yaml beside FILE).")
  Path out;

  @Option(
      names = "--expect",
      paramLabel = "CHECK",
      description =
          "The failed expectation to keep failing, as written in the file (default: the first"
              + " that fails).")
  String expect;

  @Option(
      names = "--keep",
      paramLabel = "PATH",
      description =
          "Change nothing at this key path or inside it, e.g. --keep nodes.lb.healthCheck or"
              + " --keep faults (so that the failure stays the one you are after). Repeatable.")
  List<String> keep = new java.util.ArrayList<>();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Runs at once, one per thread (default: one per core); the result is the same for any.")
  Integer threads;

  @Option(
      names = "--max-runs",
      paramLabel = "N",
      defaultValue = "500",
      description =
          "Stop the search after this many runs and write the smallest failing scenario found"
              + " (default: ${DEFAULT-VALUE}).")
  long maxRuns;

  @Mixin OverrideOptions overrides;

  @Mixin PluginOptions plugins;

  @Option(
      names = "--max-events",
      paramLabel = "N",
      description =
          "Stop each run after this many events; a smaller scenario that runs away counts as not"
              + " failing (default: 2000000000 for the first run, then four times its events).")
  Long maxEvents;

  @Option(
      names = "--max-wall",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "Stop each run after this many wall-clock seconds (default: ${DEFAULT-VALUE}). A run"
              + " stopped so counts as not failing, which depends on the machine: a safety net.")
  double maxWallSeconds;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (threadCount < 1) {
      throw new UserError("--threads " + threadCount + ": at least one thread, e.g. --threads 2");
    }
    if (maxRuns < 1) {
      throw new UserError("--max-runs " + maxRuns + ": at least one run, e.g. --max-runs 200");
    }
    // Checked before anything runs, with the messages sim run gives.
    RunPipeline.Limits.of(maxEvents == null ? 1 : maxEvents, maxWallSeconds);
    boolean plugin = file.toString().startsWith(Scenarios.PLUGIN_PREFIX);
    if (plugin && out == null) {
      throw new UserError(
          file + ": a scenario plugin has no file to write beside; name one with --out FILE.yaml");
    }
    Path target = out != null ? out : defaultOut(file);
    Path folder = target.toAbsolutePath().getParent();
    if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
      throw new UserError("--out " + target + ": the folder " + folder + " does not exist");
    }
    RunPipeline pipeline = RunPipeline.withPlugins(plugins.plugins);
    List<String> edits = overrides.inOrder();
    ScenarioSpec scenario = pipeline.load(file, edits);
    if (!plugin && target.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
      throw new UserError("--out " + target + " is the scenario itself; write it to another file");
    }
    if (!quiet) {
      Scenarios.printWarnings(scenario, stderr);
    }
    long runSeed = seed != null ? seed : scenario.seed();
    ShrinkJob.Request req =
        new ShrinkJob.Request(
            file,
            pipeline.text(file),
            scenario,
            edits,
            runSeed,
            target,
            expect,
            List.copyOf(keep),
            threadCount,
            maxRuns,
            maxEvents,
            maxWallSeconds,
            quiet,
            command(runSeed, edits),
            pluginFlags());
    try {
      return ShrinkJob.run(pipeline, req, stdout, stderr);
    } catch (OutOfMemoryError e) {
      // Every thread holds a whole simulation: the heap that fits one run may not fit N.
      stderr.println(
          "sim: the shrink ran out of memory with "
              + threadCount
              + " runs at once: use fewer --threads, or give the JVM more heap"
              + " (SIM_JAVA_OPTS=-Xmx8g); nothing was written");
      stderr.flush();
      return ExitCodes.SIMULATION_FAILED;
    }
  }

  /** {@code FILE.min.yaml} beside {@code FILE} (its {@code .yaml} or {@code .yml} replaced). */
  static Path defaultOut(Path file) {
    String name = file.getFileName().toString();
    String stem = name.replaceFirst("\\.ya?ml$", "");
    return file.resolveSibling(stem + ".min.yaml");
  }

  /** The command line of this shrink, for the written file's comment. */
  private String command(long runSeed, List<String> edits) {
    StringBuilder b =
        new StringBuilder("sim shrink ").append(file).append(" --seed ").append(runSeed);
    if (expect != null) {
      b.append(" --expect '").append(expect).append('\'');
    }
    for (String k : keep) {
      b.append(" --keep ").append(k);
    }
    for (String s : edits) {
      b.append(
          s.startsWith(dev.sim.scenarios.config.ScenarioLoader.UNSET_PREFIX)
              ? " " + s
              : " --set '" + s + "'");
    }
    return b.append(pluginFlags()).toString();
  }

  private String pluginFlags() {
    StringBuilder b = new StringBuilder();
    for (Path p : plugins.plugins) {
      b.append(" --plugin ").append(p);
    }
    return b.toString();
  }
}
