package dev.sim.cli.shrink;

import dev.sim.cli.ExitCodes;
import dev.sim.cli.RunPipeline;
import dev.sim.cli.UserError;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.time.Durations;
import dev.sim.report.io.RunFolder;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.config.ScenarioTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code sim shrink}: runs the scenario once to learn how it fails, shrinks it, writes the
 * smallest failing scenario found (whole or not at all), runs the written file once more to check
 * it fails the same way, and prints what was changed.
 */
public final class ShrinkJob {
  /** The suffix a shrunk scenario's name gets, so that its run folder is not the original's. */
  static final String NAME_SUFFIX = "-min";

  /**
   * A candidate may process this many times the original run's events before it counts as a
   * runaway.
   */
  private static final long EVENTS_FACTOR = 4;

  /** The fewest events a candidate may process before it counts as a runaway. */
  private static final long EVENTS_FLOOR = 1_000_000;

  /**
   * What to shrink and how.
   *
   * @param source the file, or {@code plugin:NAME}, as the user wrote it
   * @param text its YAML text (a plugin's as it builds it)
   * @param scenario the scenario as {@code sim run} loads it, with {@code edits}
   * @param edits the {@code --set} and {@code --unset} overrides, in order
   * @param seed the master seed
   * @param out the file to write
   * @param expect the expectation to keep failing, or null for the first that fails
   * @param keep key paths no change may touch ({@code --keep})
   * @param threads the most runs at once
   * @param maxRuns the most runs the search may make
   * @param maxEvents each run's event limit, or null for the default (a few times the original's)
   * @param maxWallSeconds each run's wall-clock limit in seconds
   * @param quiet print nothing but errors
   * @param command the {@code sim shrink} command line, for the file's comment
   * @param runFlags what {@code sim run} needs besides the file and seed ({@code --plugin JAR}s)
   */
  public record Request(
      Path source,
      String text,
      ScenarioSpec scenario,
      List<String> edits,
      long seed,
      Path out,
      String expect,
      List<String> keep,
      int threads,
      long maxRuns,
      Long maxEvents,
      double maxWallSeconds,
      boolean quiet,
      String command,
      String runFlags) {}

  private ShrinkJob() {}

  /**
   * Does the whole job.
   *
   * @return the exit code: {@link ExitCodes#OK} when the file was written
   * @throws UserError for a run with nothing to shrink, or a file that cannot be written
   */
  public static int run(RunPipeline pipeline, Request req, PrintWriter out, PrintWriter err) {
    long wallStart = System.nanoTime();
    String outName = req.out().toString();
    State start = start(pipeline, req, outName);
    RunResult baseline =
        pipeline.run(start.spec(), req.seed(), limits(req, null), null, RunInfo.NONE);
    Symptom symptom = symptom(req, start.spec(), baseline);
    start =
        new State(
            start.tree(),
            start.text(),
            start.spec(),
            start.faultNumbers(),
            Evaluator.Outcome.of(baseline, start.spec(), symptom));
    if (!req.quiet()) {
      out.println(
          "Shrinking "
              + req.source()
              + " with seed "
              + req.seed()
              + ": it fails "
              + symptom.describe()
              + actual(symptom, start.outcome().actual())
              + ".");
      out.println("Each change is kept only if the run still fails the same way:");
      out.flush();
    }
    Evaluator evaluator =
        new Evaluator(
            pipeline,
            outName,
            req.seed(),
            limits(req, baseline.events()),
            req.threads(),
            symptom,
            req.maxRuns());
    // Interrupted (Ctrl-C), the search still leaves the smallest failing scenario it found.
    Interrupted interrupted = new Interrupted(req, symptom, err);
    Runtime.getRuntime().addShutdownHook(interrupted.hook);
    Shrinker.Result r;
    try {
      r =
          Shrinker.shrink(
              start,
              symptom,
              evaluator,
              pipeline.types(),
              outName,
              req.keep(),
              line -> {
                if (!req.quiet()) {
                  out.println("  " + line);
                  out.flush();
                }
              },
              interrupted::found);
      interrupted.write(r.result(), r.changes(), false);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted.hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down: the hook is running or has run.
      }
    }
    RunResult check = verify(pipeline, req, symptom);
    if (check == null) {
      err.println(
          "sim: internal error (please report it): "
              + outName
              + " does not fail "
              + symptom.describe()
              + " with seed "
              + req.seed()
              + " when run from the file");
      err.flush();
      return ExitCodes.SIMULATION_FAILED;
    }
    if (!req.quiet()) {
      printSummary(req, r, symptom, check, out, (System.nanoTime() - wallStart) / 1e9);
    }
    return ExitCodes.OK;
  }

  /** The scenario to start from: the file with the overrides, its seed, and a name of its own. */
  private static State start(RunPipeline pipeline, Request req, String outName) {
    ScenarioTree tree;
    try {
      tree = ScenarioTree.parse(req.text(), req.source().toString()).with(req.edits());
      String name = req.scenario().name();
      tree =
          tree.withTop("seed", Long.toString(req.seed()))
              .withTop("name", name.endsWith(NAME_SUFFIX) ? name : name + NAME_SUFFIX);
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
    for (String k : req.keep()) {
      if (!tree.has(k)) {
        throw new UserError(
            "--keep "
                + k
                + ": the scenario has no such key (write a key path like nodes.api.count,"
                + " faults[0] or duration)");
      }
    }
    String text = tree.yaml();
    ScenarioSpec spec;
    try {
      spec = ScenarioLoader.parse(text, outName, pipeline.types(), List.of());
    } catch (ScenarioException e) {
      // The loader accepted the file; its tree written out must read the same.
      throw new IllegalStateException("the scenario does not validate once written out: " + e);
    }
    List<Integer> numbers = new ArrayList<>();
    for (int i = 1; i <= spec.faults().size(); i++) {
      numbers.add(i);
    }
    return new State(tree, text, spec, numbers, null);
  }

  /**
   * The limits of a run: the user's, or for a candidate ({@code events} the original's) a few times
   * the original's events, so that a candidate that runs away stops soon and counts as not failing.
   */
  private static RunPipeline.Limits limits(Request req, Long events) {
    long maxEvents =
        req.maxEvents() != null
            ? req.maxEvents()
            : events == null
                ? RunPipeline.Limits.DEFAULT.maxEvents()
                : Math.min(
                    RunPipeline.Limits.DEFAULT.maxEvents(),
                    Math.max(EVENTS_FLOOR, events * EVENTS_FACTOR));
    return RunPipeline.Limits.of(maxEvents, req.maxWallSeconds());
  }

  private static Symptom symptom(Request req, ScenarioSpec spec, RunResult baseline) {
    String what = req.source() + " with seed " + req.seed();
    if (Symptom.stoppedByLimit(baseline)) {
      throw new UserError(
          what
              + " stopped before its end ("
              + baseline.stopDetail()
              + "): nothing to shrink; raise --max-events or --max-wall so that it ends");
    }
    if (req.expect() != null && baseline.stopReason() == StopReason.NODE_FAILURE) {
      throw new UserError(
          "--expect '"
              + req.expect()
              + "': "
              + what
              + " never reaches its expectations: node "
              + baseline.failure().nodeName()
              + " throws at simulated "
              + Durations.format(baseline.failure().timeNanos())
              + " ("
              + baseline.failure().message()
              + "); leave out --expect to shrink that failure");
    }
    Symptom s;
    try {
      s = Symptom.of(baseline, spec, req.expect());
    } catch (IllegalArgumentException e) {
      List<String> failed = Symptom.failed(baseline);
      throw new UserError(
          "--expect '"
              + req.expect()
              + "': no expectation of "
              + what
              + " is written so and fails; "
              + (failed.isEmpty()
                  ? "every expectation held"
                  : "the failed ones are " + String.join(", ", quoted(failed))));
    }
    if (s == null) {
      throw new UserError(
          what
              + " passes: every expectation held and no node failed, so there is nothing to"
              + " shrink (sim shrink takes a failing run: exit code 1 or 3 from sim run)");
    }
    return s;
  }

  private static List<String> quoted(List<String> texts) {
    return texts.stream().map(t -> "'" + t + "'").toList();
  }

  /** Writes the scenario found under a comment saying where it came from and what was changed. */
  private static void write(Request req, State result, List<String> changes, Symptom symptom) {
    List<String> comment = new ArrayList<>();
    comment.add(
        "Shrunk by sim shrink from "
            + req.source()
            + " with seed "
            + req.seed()
            + "; like the original, it fails "
            + symptom.describe()
            + ":");
    comment.add("  " + runCommand(req));
    comment.add("Made with: " + req.command());
    if (changes.isEmpty()) {
      comment.add("No change kept the failure: this is the original, written out.");
    } else {
      comment.add("Changed, each change kept only because the failure survived it:");
      for (String c : changes) {
        comment.add("  - " + c);
      }
    }
    comment.add("");
    String text = result.tree().yaml(comment);
    Path target = req.out();
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError("--out " + target + ": the folder " + parent + " does not exist");
    }
    try {
      RunFolder.writeAtomically(target, text);
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + e.getMessage());
    }
  }

  /**
   * Writes the scenario found once: at the end of the search, or from a shutdown hook when the
   * search is interrupted, with whatever was found by then.
   */
  private static final class Interrupted {
    final Thread hook;
    private final Request req;
    private final Symptom symptom;
    private final PrintWriter err;
    private State best;
    private List<String> changes = List.of();
    private boolean written;

    Interrupted(Request req, Symptom symptom, PrintWriter err) {
      this.req = req;
      this.symptom = symptom;
      this.err = err;
      this.hook = new Thread(this::onShutdown, "sim-shrink-interrupted");
    }

    synchronized void found(State state, List<String> soFar) {
      best = state;
      changes = List.copyOf(soFar);
    }

    synchronized void write(State state, List<String> all, boolean interrupted) {
      if (written) {
        return;
      }
      written = true;
      ShrinkJob.write(req, state, all, symptom);
      if (interrupted) {
        err.println(
            "sim: interrupted; wrote the smallest failing scenario found so far ("
                + changes.size()
                + " change"
                + (changes.size() == 1 ? "" : "s")
                + ") to "
                + req.out());
        err.flush();
      }
    }

    private void onShutdown() {
      State state;
      List<String> soFar;
      synchronized (this) {
        state = best;
        soFar = changes;
      }
      if (state != null) {
        try {
          write(state, soFar, true);
        } catch (RuntimeException e) {
          // Nothing more can be done while the JVM exits.
        }
      }
    }
  }

  /** Runs the written file as {@code sim run} would; its result, or null if it does not fail so. */
  private static RunResult verify(RunPipeline pipeline, Request req, Symptom symptom) {
    ScenarioSpec spec;
    try {
      spec = ScenarioLoader.load(req.out(), pipeline.types());
    } catch (ScenarioException e) {
      return null;
    }
    RunResult result = pipeline.run(spec, req.seed(), limits(req, null), null, RunInfo.NONE);
    return symptom.matches(result, spec) ? result : null;
  }

  private static String runCommand(Request req) {
    return "sim run " + req.out() + " --seed " + req.seed() + req.runFlags();
  }

  private static void printSummary(
      Request req,
      Shrinker.Result r,
      Symptom symptom,
      RunResult check,
      PrintWriter out,
      double wallSeconds) {
    State a = r.original();
    State b = r.result();
    if (r.changes().isEmpty()) {
      out.println("  (none: no change kept the failure)");
    }
    out.println(
        "Runs: "
            + r.runs()
            + " (the first included); "
            + r.kept()
            + " still failed and were kept; "
            + r.invalid()
            + " candidate"
            + (r.invalid() == 1 ? "" : "s")
            + " did not validate and did not run.");
    if (r.exhausted()) {
      out.println(
          "Stopped at the budget of "
              + req.maxRuns()
              + " runs (--max-runs): smaller, but maybe not as small as the steps would make it.");
    }
    out.println(
        "Before → after: "
            + Durations.format(a.spec().durationNanos())
            + " → "
            + Durations.format(b.spec().durationNanos())
            + " simulated, "
            + count(a.outcome().events())
            + " → "
            + count(b.outcome().events())
            + " events, "
            + a.nodes()
            + " → "
            + b.nodes()
            + " nodes, "
            + a.spec().faults().size()
            + " → "
            + b.spec().faults().size()
            + " faults.");
    double actual = symptom.nodeFailure() ? Double.NaN : symptom.actual(check);
    out.println(
        "Wrote "
            + req.out()
            + ": "
            + runCommand(req)
            + " fails "
            + symptom.describe()
            + actual(symptom, actual)
            + ".");
    out.println(
        String.format(
            Locale.ROOT,
            "Took %.1fs on %d thread%s.",
            wallSeconds,
            req.threads(),
            req.threads() == 1 ? "" : "s"));
    out.flush();
  }

  private static String actual(Symptom symptom, double actual) {
    if (symptom.nodeFailure()) {
      return "";
    }
    return " (actual " + (Double.isNaN(actual) ? "undefined" : number(actual)) + ")";
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(4))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
