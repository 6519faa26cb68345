package dev.sim.cli;

import dev.sim.check.io.HistoryWriter;
import dev.sim.kernel.node.InvariantViolation;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.run.Progress;
import dev.sim.kernel.trace.JsonLinesTraceSink;
import dev.sim.kernel.trace.TraceSink;
import dev.sim.report.Report;
import dev.sim.report.io.AtomicFiles;
import dev.sim.report.io.RenderedFiles;
import dev.sim.report.io.RunFolder;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.plugin.ScenarioPlugins;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps of running a scenario, each usable on its own: {@link #load load} and validate with
 * overrides, {@link #run run} to a {@link RunResult}, {@link #writeFolder write} the run folder,
 * {@link #render render} the report, and decide the {@link #exitCode exit code}. {@code sim run}
 * chains them all; a command that runs many seeds or parameter points can stop after {@code run}
 * and keep only the results.
 *
 * <p>Every problem the user can fix is thrown as a {@link UserError} (exit code {@link
 * ExitCodes#INVALID_INPUT}, its message printed without a stack trace).
 *
 * <p>Thread-safe: an instance holds only the node types and scenario plugins it was made with,
 * which are read, never changed, and the methods keep no state between calls, so one instance may
 * run different scenarios (or seeds) on several threads at once. Each run stays on the thread that
 * calls {@link #run}, which keeps it deterministic.
 */
public final class RunPipeline {
  /** The file {@link #openTrace} writes into a run folder. */
  public static final String TRACE_FILE = "trace.jsonl";

  /** The operation history {@link #writeFolder} writes for a run whose clients recorded any. */
  public static final String HISTORY_FILE = "history.jsonl";

  private final NodeTypeRegistry types;
  private final ScenarioPlugins scenarios;

  /**
   * A pipeline over the given node types and scenario plugins.
   *
   * @param types the node types scenarios may use
   * @param scenarios the scenario plugins {@code plugin:NAME} may name
   */
  public RunPipeline(NodeTypeRegistry types, ScenarioPlugins scenarios) {
    this.types = types;
    this.scenarios = scenarios;
  }

  /**
   * A pipeline over the built-in node types plus those in plugin jars or class folders (what {@code
   * --plugin} names).
   *
   * @throws UserError for a path that is not a jar or folder, or a broken registration in one
   */
  public static RunPipeline withPlugins(List<Path> pluginPaths) {
    ClassLoader loader = Plugins.loader(pluginPaths);
    return new RunPipeline(Plugins.registry(loader), Plugins.scenarios(loader));
  }

  /** The node types this pipeline's scenarios may use. */
  public NodeTypeRegistry types() {
    return types;
  }

  // ------------------------------------------------------------------ load

  /**
   * Loads and validates a scenario file, or the scenario a plugin builds for {@code plugin:NAME},
   * with overrides applied first.
   *
   * @param source a {@code .yaml} file, or {@code plugin:NAME}
   * @param overrides {@code PATH=VALUE} strings from {@code --set} and {@link
   *     ScenarioLoader#UNSET_PREFIX} {@code PATH} strings from {@code --unset}, applied in order
   *     before validation
   * @throws UserError naming file:line:column (or the override) for every problem found
   */
  public ScenarioSpec load(Path source, List<String> overrides) {
    return Scenarios.load(source, types, overrides, scenarios);
  }

  /**
   * The YAML text of a scenario file, or of the scenario a plugin builds for {@code plugin:NAME}:
   * what a tool that rewrites scenarios starts from ({@code sim shrink}).
   *
   * @throws UserError when the file cannot be read or no plugin has that name
   */
  public String text(Path source) {
    String name = source.toString();
    try {
      if (name.startsWith(Scenarios.PLUGIN_PREFIX)) {
        return ScenarioLoader.pluginYaml(Scenarios.plugin(name, scenarios));
      }
      String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (dev.sim.scenarios.config.ScenarioException e) {
      throw new UserError(e.getMessage());
    } catch (IOException e) {
      throw new UserError(source + ": cannot read the file: " + e.getMessage());
    }
  }

  /**
   * What a run of {@code source} with {@code overrides} and {@code seed} runs, key by key (see
   * {@link ScenarioLoader#settings}), with the seed that runs as {@code seed}: recorded in the run
   * folder so that {@code sim compare} and {@code sim diff} can name the keys two runs differ in.
   * Call after {@link #load} accepted the same source and overrides.
   *
   * @throws UserError when the source cannot be read again
   */
  public Map<String, String> settings(Path source, List<String> overrides, long seed) {
    String name = source.toString();
    String text;
    try {
      text =
          name.startsWith(Scenarios.PLUGIN_PREFIX)
              ? ScenarioLoader.pluginYaml(Scenarios.plugin(name, scenarios))
              : Files.readString(source, StandardCharsets.UTF_8);
      Map<String, String> out = ScenarioLoader.settings(text, name, overrides);
      out.put("seed", Long.toString(seed));
      return out;
    } catch (IOException | ScenarioException e) {
      throw new UserError(name + ": cannot read the scenario again: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ run

  /**
   * When a run that does not end by itself is stopped.
   *
   * @param maxEvents the most events one run may process
   * @param maxWallNanos the most wall-clock time one run may take, in nanoseconds
   */
  public record Limits(long maxEvents, long maxWallNanos) {
    /** What {@code sim run} uses unless told otherwise: 2,000,000,000 events and 600 seconds. */
    public static final Limits DEFAULT = of(2_000_000_000L, 600);

    /**
     * Limits from command-line values.
     *
     * @param maxEvents the value of {@code --max-events}
     * @param maxWallSeconds the value of {@code --max-wall}, in seconds
     * @throws UserError when either is not positive
     */
    public static Limits of(long maxEvents, double maxWallSeconds) {
      if (maxEvents <= 0) {
        throw new UserError("--max-events must be positive, found " + maxEvents);
      }
      if (!(maxWallSeconds > 0)) {
        throw new UserError(
            "--max-wall must be a positive number of seconds, found " + maxWallSeconds);
      }
      return new Limits(maxEvents, (long) (maxWallSeconds * 1e9));
    }
  }

  /**
   * Runs a validated scenario on the calling thread, evaluates its expectations and records the
   * wall time it took and {@code info}. Writes nothing but the trace (when {@code trace} is given).
   *
   * @param scenario what {@link #load} returned
   * @param seed the master seed
   * @param limits when to stop a runaway run
   * @param trace where every event goes (closed when the run ends), or null for none
   * @param info how the run is described in its folder and report; see {@link #info}
   * @return the result, also when a node failed or a limit was hit (see {@link #exitCode})
   */
  public RunResult run(
      ScenarioSpec scenario, long seed, Limits limits, TraceSink trace, RunInfo info) {
    return run(scenario, seed, limits, trace, info, Progress.NONE);
  }

  /**
   * {@link #run(ScenarioSpec, long, Limits, TraceSink, RunInfo)}, telling {@code progress} how far
   * the run has got every 65,536 events (a progress bar: the run is the same without it).
   */
  public RunResult run(
      ScenarioSpec scenario,
      long seed,
      Limits limits,
      TraceSink trace,
      RunInfo info,
      Progress progress) {
    long wallStart = System.nanoTime();
    ScenarioRunner.Options options =
        new ScenarioRunner.Options(
                limits.maxEvents(), limits.maxWallNanos(), System::nanoTime, trace)
            .withProgress(progress);
    RunResult result = ScenarioRunner.run(scenario, seed, options);
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    return result.withWallSeconds(wallSeconds).withInfo(info);
  }

  /**
   * How a run is described in its folder and report.
   *
   * @param scenario the scenario that runs
   * @param source the file (or {@code plugin:NAME}) it came from
   * @param command the command line that reproduces the run; see {@link #command}
   */
  public static RunInfo info(ScenarioSpec scenario, String source, String command) {
    return new RunInfo(
        scenario.title(),
        scenario.description(),
        command,
        source,
        scenario.report().charts(),
        Main.Version.number());
  }

  /**
   * The {@code sim run} command line that reproduces a run: the source, the seed, every override in
   * order ({@code --unset PATH} entries as they are, the others as {@code --set PATH=VALUE}) and
   * every plugin.
   */
  public static String command(
      Path source, long seed, List<String> overrides, List<Path> pluginPaths) {
    StringBuilder b =
        new StringBuilder("sim run ").append(quote(source.toString())).append(" --seed ");
    b.append(seed);
    for (String s : overrides) {
      if (s.startsWith(ScenarioLoader.UNSET_PREFIX)) {
        b.append(" --unset ").append(quote(s.substring(ScenarioLoader.UNSET_PREFIX.length())));
      } else {
        b.append(" --set ").append(quote(s));
      }
    }
    for (Path p : pluginPaths) {
      b.append(" --plugin ").append(quote(p.toString()));
    }
    return b.toString();
  }

  private static final java.util.regex.Pattern SHELL_SAFE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

  /**
   * {@code arg} as a POSIX shell reads it back: as it is when that is safe, else in single quotes,
   * so a printed replay command ({@code --set 'faults=[{at: 1s, crash: api-1}]'}) can be pasted.
   */
  public static String quote(String arg) {
    if (!arg.isEmpty() && SHELL_SAFE.matcher(arg).matches()) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  // ------------------------------------------------------------------ the run folder

  /** The folder {@code sim run} writes to without {@code --out}: {@code runs/NAME-seedN}. */
  public static Path defaultFolder(ScenarioSpec scenario, long seed) {
    return Path.of("runs", scenario.name() + "-seed" + seed);
  }

  /**
   * Creates {@code dir} (and its parents) unless it exists.
   *
   * @throws UserError when it cannot be created
   */
  public void createFolder(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError("--out " + dir + ": cannot create the folder (" + e.getMessage() + ")");
    }
  }

  /**
   * Opens {@link #TRACE_FILE} in {@code dir} (which must exist) for {@link #run}'s trace.
   *
   * @throws UserError when the file cannot be created
   */
  public JsonLinesTraceSink openTrace(ScenarioSpec scenario, Path dir) {
    Path file = dir.resolve(TRACE_FILE);
    try {
      // Streams into a temporary file that becomes trace.jsonl when the run ends and closes it:
      // a killed run leaves no half-written trace.
      return new JsonLinesTraceSink(AtomicFiles.open(file), traceNames(scenario));
    } catch (IOException e) {
      throw new UserError("cannot write the trace " + file + ": " + e.getMessage());
    }
  }

  /** The trace's node names, by node id: every group's instances in file order. */
  static String[] traceNames(ScenarioSpec scenario) {
    List<String> names = new ArrayList<>();
    for (NodeGroupSpec g : scenario.nodes()) {
      names.addAll(g.instances());
    }
    return names.toArray(new String[0]);
  }

  /**
   * Writes the run folder without the report: summary.json, metrics.csv and result.json (from which
   * {@code sim report} re-renders), and {@link #HISTORY_FILE} when the run recorded operations (a
   * run without any removes one an earlier run left). Creates {@code dir} if needed.
   *
   * @throws UserError when the folder cannot be written
   */
  public void writeFolder(RunResult result, Path dir) {
    createFolder(dir);
    try {
      RunFolder.write(result, dir);
      Path history = dir.resolve(HISTORY_FILE);
      if (result.history().isEmpty()) {
        Files.deleteIfExists(history);
      } else {
        RunFolder.writeAtomically(history, HistoryWriter.toJsonLines(result.history().ops()));
      }
    } catch (IOException e) {
      throw new UserError("cannot write the run folder " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Removes the charts and report.html an earlier run's report left in {@code dir} (only files its
   * manifest names).
   *
   * @throws UserError when they cannot be removed
   */
  public void removeReport(Path dir) {
    try {
      RenderedFiles.removeAll(dir);
    } catch (IOException e) {
      throw new UserError("cannot clean the run folder " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Draws the charts and report.html into {@code dir} (which must exist).
   *
   * @throws UserError when they cannot be written
   */
  public void render(RunResult result, Path dir) {
    try {
      Report.render(result, dir);
    } catch (IOException e) {
      throw new UserError("cannot write the run folder " + dir + ": " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ the outcome

  /**
   * The exit code a finished run stands for: {@link ExitCodes#SIMULATION_FAILED} when a node's code
   * threw or a runaway limit stopped it, {@link ExitCodes#EXPECTATION_FAILED} when it ran and an
   * expectation failed, else {@link ExitCodes#OK}. ({@link ExitCodes#INVALID_INPUT} is never a
   * run's outcome: it is the exit code of every {@link UserError} the steps throw.)
   */
  public static int exitCode(RunResult result) {
    if (failed(result)) {
      return ExitCodes.SIMULATION_FAILED;
    }
    boolean allHeld = result.expectations().stream().allMatch(e -> e.ok());
    return allHeld ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
  }

  /**
   * When {@link #exitCode} is {@link ExitCodes#SIMULATION_FAILED}, says why on {@code err}: the
   * node, simulated time and event with the start of its stack trace, or the limit that was hit and
   * how to raise it. Prints nothing for a run that ended normally.
   *
   * @param dir the run folder that holds the figures up to the failure, or null if none was written
   */
  public static void explainFailure(RunResult result, Path dir, PrintWriter err) {
    if (explainInvariant(result, dir, err)) {
      return;
    }
    if (result.stopReason() == StopReason.NODE_FAILURE) {
      Failure f = result.failure();
      err.println(
          "sim: the simulation failed (seed "
              + result.seed()
              + "): node "
              + f.nodeName()
              + " threw at simulated "
              + Text.duration(f.timeNanos())
              + " while handling "
              + f.event()
              + ":");
      err.println("  " + f.message());
      err.print(indent(f.stackTrace()));
      if (dir != null) {
        err.println("The figures and trace up to that point are in " + dir + "/.");
      }
    } else if (limited(result)) {
      err.println("sim: the run did not reach its duration: " + result.stopDetail() + ".");
    }
    err.flush();
  }

  /**
   * When a node broke a named invariant ({@link InvariantViolation}), says so on {@code err}: the
   * invariant and what broke it, the node, the simulated time, the seed and the command that
   * replays it, without a stack trace (the protocol's fault, not the simulator's). Returns false,
   * printing nothing, for any other run.
   */
  static boolean explainInvariant(RunResult result, Path dir, PrintWriter err) {
    Failure f = result.failure();
    if (result.stopReason() != StopReason.NODE_FAILURE
        || f == null
        || !f.message().startsWith(InvariantViolation.PREFIX)) {
      return false;
    }
    String what = f.message().substring(InvariantViolation.class.getName().length() + 2);
    err.println(
        "sim: "
            + what
            + " (node "
            + f.nodeName()
            + ", simulated "
            + Text.duration(f.timeNanos())
            + ", seed "
            + result.seed()
            + ", while handling "
            + f.event()
            + ")");
    String replay = result.info() == null ? "" : result.info().command();
    if (replay != null && !replay.isEmpty()) {
      err.println("Replay: " + replay);
    }
    if (dir != null) {
      err.println("The figures and trace up to that point are in " + dir + "/.");
    }
    err.flush();
    return true;
  }

  private static boolean failed(RunResult result) {
    return result.stopReason() == StopReason.NODE_FAILURE || limited(result);
  }

  private static boolean limited(RunResult result) {
    return result.stopReason() == StopReason.EVENT_LIMIT
        || result.stopReason() == StopReason.WALL_LIMIT;
  }

  /** The first lines of a stack trace, indented under the message. */
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
