package dev.sim.cli;

import dev.sim.cli.progress.RunProgress;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.Progress;
import dev.sim.kernel.trace.TraceSink;
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
 * {@code sim run FILE}: runs a scenario, writes the run folder and prints the summary. The steps
 * are {@link RunPipeline}'s; this class only maps options onto them.
 */
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

  @Mixin OverrideOptions overrides;

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

  @Mixin LimitOptions limitOptions;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    RunPipeline.Limits limits = limitOptions.limits();
    RunPipeline pipeline = RunPipeline.withPlugins(plugins.plugins);
    List<String> edits = overrides.inOrder();
    ScenarioSpec scenario = pipeline.load(file, edits);
    if (!quiet) {
      Scenarios.printWarnings(scenario, stderr);
    }
    long runSeed = seed != null ? seed : scenario.seed();
    Path dir = out != null ? out : RunPipeline.defaultFolder(scenario, runSeed);
    // The folder exists before the run starts, so that the trace can stream into it.
    pipeline.createFolder(dir);
    TraceSink sink = trace ? pipeline.openTrace(scenario, dir) : null;
    String command = RunPipeline.command(file, runSeed, edits, plugins.plugins);
    RunInfo info =
        RunPipeline.info(scenario, file.toString(), command)
            .withSettings(pipeline.settings(file, edits, runSeed));
    Progress bar =
        RunProgress.forRun(scenario.name() + " seed " + runSeed, scenario.durationNanos(), quiet);
    RunResult result;
    try {
      result = pipeline.run(scenario, runSeed, limits, sink, info, bar);
    } finally {
      RunProgress.closeIfBar(bar);
    }
    pipeline.writeFolder(result, dir);
    if (noReport) {
      // Charts an earlier run drew here would otherwise sit beside this run's figures.
      pipeline.removeReport(dir);
    } else {
      pipeline.render(result, dir);
    }
    if (!quiet) {
      SummaryPrinter.print(result, dir, !noReport, trace, stdout);
    }
    RunPipeline.explainFailure(result, dir, stderr);
    return RunPipeline.exitCode(result);
  }
}
