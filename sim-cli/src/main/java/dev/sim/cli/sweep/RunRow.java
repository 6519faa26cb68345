package dev.sim.cli.sweep;

import dev.sim.cli.ExitCodes;
import dev.sim.cli.RunPipeline;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.LatencySummary;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RequestTotals;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.time.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures one run of a sweep leaves behind: one row of {@code sweep.csv}. A sweep keeps these,
 * never the run results, so that its memory grows by a few hundred bytes a run.
 *
 * @param point the point's index, from 0
 * @param seed the run's seed
 * @param figures the values of {@link #FIGURES}, in that order ({@code NaN} where undefined)
 * @param held whether the run ended normally and every expectation held (what exit code 0 means for
 *     {@code sim run}); false too when it failed in the simulator
 * @param simulationFailed whether it failed in the simulator (exit code 1 for {@code sim run})
 * @param traceHash the run's trace hash
 * @param stopReason why it ended
 * @param counterNames the names of the counters it reported, sorted, shared between rows with the
 *     same names
 * @param counterValues their values, in the same order
 * @param consistency the checkers' figures, or null for a run that recorded no history
 * @param why for a run that did not hold, what went wrong; null for one that held
 */
public record RunRow(
    int point,
    long seed,
    double[] figures,
    boolean held,
    boolean simulationFailed,
    String traceHash,
    StopReason stopReason,
    String[] counterNames,
    long[] counterValues,
    Consistency consistency,
    Why why) {

  /**
   * The figures every row has, in {@code sweep.csv}'s order; those from {@link #COUNTS} are counts.
   */
  public static final List<String> FIGURES =
      List.of(
          "yield",
          "harvest",
          "latencyP50Ms",
          "latencyP99Ms",
          "latencyMaxMs",
          "offered",
          "ok",
          "failed",
          "timedOut",
          "rejected",
          "attempts");

  /** The index of the first figure that is a whole count rather than a fraction or a time. */
  public static final int COUNTS = 5;

  /**
   * The contract's scalar figures of the consistency section.
   *
   * @param model the model checked
   * @param valid whether the verdict is valid
   * @param ops operations in the history
   * @param lostWrites acknowledged writes lost
   * @param staleReads reads older than a write that had finished
   * @param siblingsMax the most concurrent versions one read found
   * @param divergentKeys keys whose replicas disagreed at the end
   * @param verdict valid, invalid or unknown
   */
  public record Consistency(
      String model,
      boolean valid,
      long ops,
      long lostWrites,
      long staleReads,
      long siblingsMax,
      long divergentKeys,
      String verdict) {
    /** The names of the numeric figures, in {@code sweep.csv}'s order after model and valid. */
    public static final List<String> NUMBERS =
        List.of("ops", "lostWrites", "staleReads", "siblingsMax", "divergentKeys");

    /** The {@code i}-th of {@link #NUMBERS}. */
    public long number(int i) {
      return switch (i) {
        case 0 -> ops;
        case 1 -> lostWrites;
        case 2 -> staleReads;
        case 3 -> siblingsMax;
        case 4 -> divergentKeys;
        default -> throw new IndexOutOfBoundsException(i);
      };
    }
  }

  /**
   * Why a run did not hold, for the failure list.
   *
   * @param failedExpectations each failed expectation with what was measured, e.g. {@code yield >=
   *     0.99 (actual 0.93)}
   * @param failure for a run that failed in the simulator, one line saying how, else null
   */
  public record Why(List<String> failedExpectations, String failure) {
    /** Copies the list. */
    public Why {
      failedExpectations = List.copyOf(failedExpectations);
    }

    /** Both in one line: the failure first, then each failed expectation, or "" for neither. */
    public String text() {
      List<String> parts = new ArrayList<>();
      if (failure != null) {
        parts.add(failure);
      }
      parts.addAll(failedExpectations);
      return String.join("; ", parts);
    }
  }

  /**
   * The row of {@code result}.
   *
   * @param names counter name lists seen so far, so that rows share them (any thread may call)
   */
  public static RunRow of(int point, RunResult result, Map<List<String>, String[]> names) {
    RequestSummary requests = result.requestsOrNone();
    RequestTotals q = requests.totals();
    LatencySummary l = requests.latencyMs();
    double[] figures = {
      requests.yield(),
      requests.harvest(),
      l.p50(),
      l.p99(),
      l.max(),
      q.offered(),
      q.ok(),
      q.failed(),
      q.timedOut(),
      q.rejected(),
      q.attempts()
    };
    int code = RunPipeline.exitCode(result);
    // The run result keeps its counters sorted by name.
    List<String> counterList = new ArrayList<>(result.counters().keySet());
    String[] counterNames = names.computeIfAbsent(counterList, k -> k.toArray(new String[0]));
    long[] counterValues = new long[counterNames.length];
    for (int i = 0; i < counterNames.length; i++) {
      counterValues[i] = result.counters().get(counterNames[i]);
    }
    Consistency consistency = result.consistency().map(RunRow::consistency).orElse(null);
    Why why = code == ExitCodes.OK ? null : why(result, code);
    return new RunRow(
        point,
        result.seed(),
        figures,
        code == ExitCodes.OK,
        code == ExitCodes.SIMULATION_FAILED,
        result.traceHash(),
        result.stopReason(),
        counterNames,
        counterValues,
        consistency,
        why);
  }

  /** The value of counter {@code name}, 0 when the run did not report it. */
  public long counter(String name) {
    for (int i = 0; i < counterNames.length; i++) {
      if (counterNames[i].equals(name)) {
        return counterValues[i];
      }
    }
    return 0;
  }

  private static Consistency consistency(ConsistencySummary c) {
    return new Consistency(
        c.model(),
        c.valid(),
        c.ops(),
        c.lostWrites(),
        c.staleReads(),
        c.siblingsMax(),
        c.divergentKeys(),
        c.verdict());
  }

  private static Why why(RunResult result, int code) {
    List<String> failed = new ArrayList<>();
    for (ExpectationResult e : result.expectations()) {
      if (!e.ok()) {
        boolean ms = e.check().strip().startsWith("latency") && !Double.isNaN(e.actual());
        failed.add(e.check() + " (actual " + shown(e.actual()) + (ms ? "ms" : "") + ")");
      }
    }
    String failure = null;
    if (code == ExitCodes.SIMULATION_FAILED) {
      Failure f = result.failure();
      failure =
          f != null
              ? "node "
                  + f.nodeName()
                  + " threw at simulated "
                  + Durations.format(f.timeNanos())
                  + " while handling "
                  + f.event()
                  + ": "
                  + f.message()
              : "the run did not reach its duration: " + result.stopDetail();
    }
    return new Why(failed, failure);
  }

  /** A measured value as {@code sim run}'s summary shows it: four significant digits. */
  private static String shown(double v) {
    if (Double.isNaN(v)) {
      return "n/a, nothing measured";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.4g", v);
  }
}
