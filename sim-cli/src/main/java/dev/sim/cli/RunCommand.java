package dev.sim.cli;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.trace.JsonLinesTraceSink;
import dev.sim.report.Report;
import dev.sim.report.io.RunFolder;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sim run FILE}: runs a scenario, writes the run folder and prints the summary. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a scenario: prints a summary and writes summary.json, metrics.csv, the "
            + "charts and report.html into the output folder.")
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The scenario file (.yaml), or plugin:NAME for a scenario plugin.")
  Path file;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Master seed (default: the scenario's own `seed`).")
  Long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder (default: runs/<name>-seed<N>/).")
  Path out;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description =
          "Override one value, e.g. --set nodes.api.workers=16 (validated like the "
              + "file). Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Mixin PluginOptions plugins;

  @Option(
      names = "--trace",
      description = "Also write trace.jsonl: every event, one JSON object per line.")
  boolean trace;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Option(
      names = "--no-report",
      negatable = false,
      description =
          "Skip the charts and report.html (summary.json and metrics.csv are still written).")
  boolean noReport;

  @Option(
      names = "--max-events",
      paramLabel = "N",
      defaultValue = "2000000000",
      description = "Stop a runaway run after this many events (default: ${DEFAULT-VALUE}).")
  long maxEvents;

  @Option(
      names = "--max-wall",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "Stop a runaway run after this many wall-clock seconds (default: ${DEFAULT-VALUE}).")
  double maxWallSeconds;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (maxEvents <= 0) {
      throw new UserError("--max-events must be positive, found " + maxEvents);
    }
    if (!(maxWallSeconds > 0)) {
      throw new UserError(
          "--max-wall must be a positive number of seconds, found " + maxWallSeconds);
    }
    ClassLoader loader = Plugins.loader(plugins.plugins);
    NodeTypeRegistry types = Plugins.registry(loader);
    ScenarioSpec scenario = Scenarios.load(file, types, overrides, Plugins.scenarios(loader));
    if (!quiet) {
      Scenarios.printWarnings(scenario, stderr);
    }
    long runSeed = seed != null ? seed : scenario.seed();
    Path dir = out != null ? out : Path.of("runs", scenario.name() + "-seed" + runSeed);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError("--out " + dir + ": cannot create the folder (" + e.getMessage() + ")");
    }

    JsonLinesTraceSink sink = trace ? openTrace(dir, scenario) : null;
    long wallStart = System.nanoTime();
    ScenarioRunner.Options options =
        new ScenarioRunner.Options(
            maxEvents, (long) (maxWallSeconds * 1e9), System::nanoTime, sink);
    RunResult result = ScenarioRunner.run(scenario, runSeed, options);
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    result =
        result
            .withWallSeconds(wallSeconds)
            .withInfo(
                new RunInfo(
                    scenario.title(),
                    scenario.description(),
                    command(runSeed),
                    file.toString(),
                    scenario.report().charts(),
                    Main.Version.number()));

    try {
      RunFolder.write(result, dir);
      if (!noReport) {
        Report.render(result, dir);
      }
    } catch (IOException e) {
      throw new UserError("cannot write the run folder " + dir + ": " + e.getMessage());
    }

    if (!quiet) {
      SummaryPrinter.print(result, dir, !noReport, trace, stdout);
    }
    if (result.stopReason() == StopReason.NODE_FAILURE) {
      var f = result.failure();
      stderr.println(
          "sim: the simulation failed: node "
              + f.nodeName()
              + " threw at simulated "
              + dev.sim.kernel.run.Simulation.formatNanos(f.timeNanos())
              + " while handling "
              + f.event()
              + ":");
      stderr.println("  " + f.message());
      stderr.print(indent(f.stackTrace()));
      stderr.println("The figures and trace up to that point are in " + dir + "/.");
      stderr.flush();
      return ExitCodes.SIMULATION_FAILED;
    }
    if (result.stopReason() == StopReason.EVENT_LIMIT
        || result.stopReason() == StopReason.WALL_LIMIT) {
      stderr.println("sim: the run did not reach its duration: " + result.stopDetail() + ".");
      stderr.flush();
      return ExitCodes.SIMULATION_FAILED;
    }
    boolean allHeld = result.expectations().stream().allMatch(e -> e.ok());
    return allHeld ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
  }

  private JsonLinesTraceSink openTrace(Path dir, ScenarioSpec scenario) {
    List<String> names = new ArrayList<>();
    for (NodeGroupSpec g : scenario.nodes()) {
      names.addAll(g.instances());
    }
    try {
      BufferedWriter w =
          Files.newBufferedWriter(dir.resolve("trace.jsonl"), StandardCharsets.UTF_8);
      return new JsonLinesTraceSink(w, names.toArray(new String[0]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command line that reproduces this run. */
  private String command(long runSeed) {
    StringBuilder b = new StringBuilder("sim run ").append(file).append(" --seed ").append(runSeed);
    for (String s : overrides) {
      b.append(" --set ").append(s);
    }
    for (Path p : plugins.plugins) {
      b.append(" --plugin ").append(p);
    }
    return b.toString();
  }

  private static String indent(String text) {
    StringBuilder b = new StringBuilder();
    int lines = 0;
    for (String line : text.split("\n")) {
      if (lines++ >= 12) {
        b.append("    ...\n");
        break;
      }
      b.append("    ").append(line).append('\n');
    }
    return b.toString();
  }
}
