package dev.sim.cli;

import static dev.sim.cli.LessonRuns.SEEDS;
import static dev.sim.cli.LessonRuns.perSeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.result.ConsistencySummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raft-election lessons' claims over 20 seeds, the shape of Figure 16 of the Raft paper: a
 * narrow election timeout range (150-151ms) gives split votes and long outages in every seed, the
 * paper's 150-300ms elects quickly, and 12-24ms on a fast network elects in tens of milliseconds.
 * The lessons' clients are left out here (the claims are about elections), which keeps the runs
 * short.
 */
class RaftLessonClaimsTest {

  /** Each election's mean outage in ms, and the split votes, per seed. */
  record Elections(long seed, long elected, long split, double meanOutageMs) {}

  static List<Elections> runs(String scenario) throws Exception {
    return perSeed(
        scenario,
        List.of("nodes.clients=null"),
        (s, r) -> {
          assertThat(r.failure()).as("seed %d", s).isNull();
          long elected = r.counters().getOrDefault("leadersElected", 0L);
          long outage = r.counters().getOrDefault("timeWithoutLeaderMs", 0L);
          return new Elections(
              s,
              elected,
              r.counters().getOrDefault("splitVotes", 0L),
              elected == 0 ? Double.POSITIVE_INFINITY : (double) outage / elected);
        });
  }

  @Test
  void theNarrowRangeSplitsVotesAndTheWideOneElectsQuickly() throws Exception {
    List<Elections> narrow = runs("raft-election-narrow");
    List<Elections> wide = runs("raft-election");
    List<Elections> fast = runs("raft-election-fast");
    for (int i = 0; i < SEEDS; i++) {
      Elections n = narrow.get(i);
      Elections w = wide.get(i);
      Elections f = fast.get(i);
      assertThat(n.split()).as("narrow, split votes: %s", n).isGreaterThanOrEqualTo(50);
      assertThat(n.meanOutageMs()).as("narrow, mean outage: %s", n).isGreaterThan(1000);
      assertThat(w.split()).as("wide, split votes: %s", w).isLessThanOrEqualTo(8);
      assertThat(w.elected()).as("wide, elections: %s", w).isGreaterThanOrEqualTo(18);
      assertThat(w.meanOutageMs()).as("wide, mean outage: %s", w).isBetween(100.0, 500.0);
      assertThat(f.elected()).as("fast, elections: %s", f).isGreaterThanOrEqualTo(18);
      assertThat(f.meanOutageMs()).as("fast, mean outage: %s", f).isLessThan(60.0);
    }
  }

  /** One seed of a partition lesson: ok shares during the partition per side, and the checker's. */
  record Sides(long seed, double smallOk, double largeOk, ConsistencySummary c) {}

  static List<Sides> partitionRuns(String scenario) throws Exception {
    return perSeed(
        scenario,
        List.of(),
        (s, r) -> {
          assertThat(r.failure()).as("seed %d", s).isNull();
          // Operations that ended during the partition (10s to 30s), after its first second.
          long[] ended = new long[2];
          long[] ok = new long[2];
          for (Op op : r.history().ops()) {
            if (op.type() == OpType.INVOKE || op.time() < 11e9 || op.time() >= 30e9) {
              continue;
            }
            int side = op.node().equals("clients-1") || op.node().equals("clients-2") ? 0 : 1;
            ended[side]++;
            if (op.type() == OpType.OK) {
              ok[side]++;
            }
          }
          return new Sides(
              s,
              (double) ok[0] / ended[0],
              (double) ok[1] / ended[1],
              r.consistency().orElseThrow());
        });
  }

  @Test
  void theCpStoreRefusesOnTheSmallSideAndStaysLinearizable() throws Exception {
    for (Sides x : partitionRuns("partition-cp-vs-ap")) {
      assertThat(x.smallOk()).as("small side's yield during the partition: %s", x).isLessThan(0.05);
      assertThat(x.largeOk())
          .as("large side's yield during the partition: %s", x)
          .isGreaterThan(0.9);
      assertThat(x.c().verdict()).as("verdict: %s", x).isEqualTo("valid");
      assertThat(x.c().lostWrites() + x.c().staleReads()).as("anomalies: %s", x).isZero();
    }
  }

  @Test
  void theApStoreAnswersEveryoneAndLosesWrites() throws Exception {
    for (Sides x : partitionRuns("partition-cp-vs-ap-dynamo")) {
      assertThat(x.smallOk())
          .as("small side's yield during the partition: %s", x)
          .isGreaterThan(0.95);
      assertThat(x.largeOk())
          .as("large side's yield during the partition: %s", x)
          .isGreaterThan(0.95);
      assertThat(x.c().valid()).as("verdict: %s", x).isFalse();
      assertThat(x.c().lostWrites()).as("lost writes: %s", x).isPositive();
    }
  }
}
