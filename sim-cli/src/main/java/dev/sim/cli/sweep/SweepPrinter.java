package dev.sim.cli.sweep;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code sim sweep} prints when it is done: a summary on stdout (runs, points, seeds, how many
 * held, runs per second, wall time), the runs whose expectations failed with the {@code sim run}
 * command that replays each, and on stderr the runs that failed in the simulator, likewise.
 */
final class SweepPrinter {
  /** The most failed runs listed; the CSV has every one. */
  static final int MAX_LISTED = 20;

  private SweepPrinter() {}

  /** The first line of a sweep's summary: what ran, on how many threads, how fast. */
  static String header(SweepPlan plan, SweepRunner.Outcome outcome) {
    return String.format(
        Locale.ROOT,
        "%s sweep%s · %s on %s · %s wall · %s runs/s",
        plan.name(),
        plan.shard().whole() ? "" : ", shard " + plan.shard(),
        size(plan),
        count(outcome.threads(), "thread"),
        seconds(outcome.wallSeconds()),
        rate(outcome.rows().size(), outcome.wallSeconds()));
  }

  /** The sweep's size: points × seeds = runs, and the shard's share. */
  static String size(SweepPlan plan) {
    return count(plan.points().size(), "point")
        + " × "
        + count(plan.seeds().count(), "seed")
        + " ("
        + plan.seeds()
        + ") = "
        + count(plan.runs(), "run")
        + (plan.shard().whole()
            ? ""
            : String.format(Locale.ROOT, " (%,d in this shard)", plan.shardRuns()));
  }

  /**
   * Prints {@code header}, the summary and the failures of {@code outcome}.
   *
   * @param header the first line, e.g. {@link #header}
   */
  static void print(
      SweepPlan plan,
      SweepRunner.Outcome outcome,
      boolean untilFail,
      Path dir,
      String header,
      PrintWriter out,
      PrintWriter err) {
    List<RunRow> rows = outcome.rows();
    out.println(header);
    out.println();
    List<RunRow> failedExpectations = new ArrayList<>();
    List<RunRow> failedSimulations = new ArrayList<>();
    for (RunRow r : rows) {
      if (r.simulationFailed()) {
        failedSimulations.add(r);
      } else if (!r.held()) {
        failedExpectations.add(r);
      }
    }
    long held = rows.size() - failedExpectations.size() - failedSimulations.size();
    out.printf(
        Locale.ROOT,
        "  held       %s of %s: every expectation held%s%n",
        count(held, "run"),
        String.format(Locale.ROOT, "%,d", rows.size()),
        untilFail && outcome.firstFailingSeed() != null
            ? " (the search stopped at the failing seed)"
            : "");
    if (untilFail) {
      Long first = outcome.firstFailingSeed();
      long firstSeed = plan.seeds().first();
      if (first == null) {
        out.printf(Locale.ROOT, "  until-fail no seed of %s failed%n", plan.seeds());
      } else {
        long passed = first - firstSeed;
        out.printf(
            Locale.ROOT,
            "  until-fail the smallest failing seed is %d; %s%n",
            first,
            (passed == 0
                    ? "it is the first seed"
                    : count(passed, "seed")
                        + " before it ("
                        + (passed == 1 ? Long.toString(firstSeed) : firstSeed + ".." + (first - 1))
                        + ") passed at every point")
                + (plan.shard().whole()
                    ? ""
                    : " (in this shard's runs; sim merge gives the sweep's)"));
      }
    }
    if (!failedExpectations.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  failed     %s: an expectation did not hold; replay each with:%n",
          count(failedExpectations.size(), "run"));
      list(plan, failedExpectations, out);
    }
    if (!failedSimulations.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "  failed     %s in the simulator (listed on stderr)%n",
          count(failedSimulations.size(), "run"));
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "  wrote %s/ (%s, %s%s)%n",
        dir,
        SweepCsv.FILE,
        SweepJson.FILE,
        plan.shard().whole() ? ", " + SweepReport.PAGE + " and charts" : "");
    out.flush();
    if (!failedSimulations.isEmpty()) {
      err.printf(
          Locale.ROOT,
          "sim: %s failed in the simulator; replay each with:%n",
          count(failedSimulations.size(), "run"));
      list(plan, failedSimulations, err);
      err.flush();
    }
  }

  /** Lists failed runs, each with why and the command that replays it. */
  private static void list(SweepPlan plan, List<RunRow> failed, PrintWriter out) {
    for (int i = 0; i < failed.size() && i < MAX_LISTED; i++) {
      RunRow r = failed.get(i);
      SweepPlan.Point p = plan.points().get(r.point());
      String why = r.why() == null ? "" : r.why().text();
      if (why.isEmpty()) {
        why = r.simulationFailed() ? "stopped by " + r.stopReason() : "an expectation did not hold";
      }
      out.printf(
          Locale.ROOT,
          "    seed %d%s: %s%n",
          r.seed(),
          plan.varies().isEmpty() ? "" : " at " + values(plan, p),
          why);
      out.printf(Locale.ROOT, "      %s%n", plan.replay(p, r.seed()));
    }
    if (failed.size() > MAX_LISTED) {
      out.printf(
          Locale.ROOT,
          "    ... and %,d more (%s lists every run: expectationsOk, stopReason)%n",
          failed.size() - MAX_LISTED,
          SweepCsv.FILE);
    }
  }

  private static String values(SweepPlan plan, SweepPlan.Point p) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < plan.varies().size(); k++) {
      parts.add(plan.varies().get(k).path() + "=" + p.values().get(k));
    }
    return String.join(" ", parts);
  }

  static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  private static String seconds(double s) {
    return s >= 10
        ? String.format(Locale.ROOT, "%.1fs", s)
        : String.format(Locale.ROOT, "%.2fs", s);
  }

  private static String rate(long runs, double seconds) {
    double r = seconds > 0 ? runs / seconds : Double.NaN;
    return r >= 100
        ? String.format(Locale.ROOT, "%,.0f", r)
        : String.format(Locale.ROOT, "%.3g", r);
  }
}
