package dev.sim.cli;

import static dev.sim.cli.LessonRuns.perSeed;
import static dev.sim.cli.LessonRuns.window;
import static dev.sim.cli.LessonRuns.yieldOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The criticality lessons' claims, checked over 20 seeds. A ring of 16 grid nodes, each node's load
 * spread over 4 neighbours when it fails; grid-5 crashes at 30s. With a capacity of 1.1× the load
 * the failure cascades: at least 15 of the 16 nodes go down (94%), all 16 are down at once before
 * 80s, and yield from 60s on is below 0.35. With 1.5× it stays local: grid-5 is the only node that
 * goes down, nothing trips, yield over the run is above 0.99 and 16 nodes answer again from 62s on.
 * Every failure message names the seeds and their figures.
 */
class CriticalityLessonClaimsTest {
  static final int NODES = 16;

  /** What one seed shows. */
  record Figures(
      long seed,
      int nodesDown,
      long trips,
      double yield,
      double yieldLate,
      double fewestUpBefore80s,
      double fewestUpAfter62s) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: %d of %d nodes went down, %d trips, yield %.4f (from 60s %.4f), fewest"
              + " nodes up before 80s %.1f, after 62s %.1f",
          seed,
          nodesDown,
          NODES,
          trips,
          yield,
          yieldLate,
          fewestUpBefore80s,
          fewestUpAfter62s);
    }
  }

  static List<Figures> runs(String scenario) throws Exception {
    return perSeed(scenario, List.of(), (s, r) -> figures(r));
  }

  /** The smallest window mean of the users' nodesUp gauge from fromS to toS. */
  static double fewestUp(RunResult r, double fromS, double toS) {
    double[] means =
        r.gauges().stream()
            .filter(g -> g.name().equals("nodesUp"))
            .findFirst()
            .orElseThrow()
            .mean();
    double min = Double.MAX_VALUE;
    for (int i = window(r, fromS); i < Math.min(window(r, toS), means.length); i++) {
      min = Math.min(min, means[i]);
    }
    return min;
  }

  static Figures figures(RunResult r) {
    TreeSet<Integer> down = new TreeSet<>();
    for (NodeEvent e : r.nodeEvents()) {
      if (e.kind().equals("crash")) {
        down.add(e.node());
      }
    }
    double end = r.simulatedNanos() / 1e9;
    return new Figures(
        r.seed(),
        down.size(),
        r.counters().getOrDefault("trips", 0L),
        r.requests().orElseThrow().yield(),
        yieldOf(r, 60, end),
        fewestUp(r, 31, 80),
        fewestUp(r, 62, end));
  }

  static void assertEvery(List<Figures> runs, Predicate<Figures> claim, String what) {
    List<Figures> broken = runs.stream().filter(claim.negate()).toList();
    assertThat(broken).as(what + "; broken in: " + broken).isEmpty();
  }

  @Test
  void aThinMarginCascadesThroughTheRing() throws Exception {
    List<Figures> runs = runs("criticality");
    assertEvery(runs, f -> f.nodesDown() >= 15, "at least 15 of 16 nodes (94%) go down");
    assertEvery(runs, f -> f.fewestUpBefore80s() == 0, "all 16 nodes are down at once before 80s");
    assertEvery(runs, f -> f.trips() >= 15, "at least 15 overload trips");
    assertEvery(runs, f -> f.yield() < 0.5, "yield over the run below 0.5");
    assertEvery(
        runs, f -> f.yieldLate() < 0.35, "yield from 60s on below 0.35: repairs do not help");
  }

  @Test
  void aWideMarginKeepsTheFailureLocal() throws Exception {
    List<Figures> runs = runs("criticality-fixed");
    assertEvery(runs, f -> f.nodesDown() == 1, "only the crashed grid-5 goes down");
    assertEvery(runs, f -> f.trips() == 0, "no node trips");
    assertEvery(runs, f -> f.yield() > 0.99, "yield over the run above 0.99");
    assertEvery(runs, f -> f.fewestUpBefore80s() >= 15, "at least 15 nodes up throughout");
    assertEvery(runs, f -> f.fewestUpAfter62s() == NODES, "all 16 nodes up again from 62s on");
  }
}
