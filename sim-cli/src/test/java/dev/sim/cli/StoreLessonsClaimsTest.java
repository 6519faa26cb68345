package dev.sim.cli;

import static dev.sim.cli.LessonRuns.SEEDS;
import static dev.sim.cli.LessonRuns.perSeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.ConsistencySummary.NodeOutcomes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The key-value store lessons' claims, checked over 20 seeds on what the checker found in each
 * run's history: clock skew under last-writer-wins loses acknowledged writes in every seed (and the
 * same workload without the skew loses none), siblings lose none; R = W = 1 reads stale data,
 * strict quorums never do; under a partition a sloppy quorum stays available and loses writes, a
 * strict one refuses and never reads stale data. Seeds run two at a time; failure messages name the
 * seeds, so {@code sim run FILE --seed N} reproduces them.
 */
class StoreLessonsClaimsTest {

  /** The clients cut off with store-1 and store-2 in the partition lessons. */
  static final Set<String> SMALL_SIDE = Set.of("clients-1", "clients-2");

  /**
   * What the checker found in each seed's run of {@code scenario} (with {@code overrides}, as
   * {@code --set} takes them), in seed order 1..SEEDS.
   */
  static List<ConsistencySummary> checked(String scenario, String... overrides) throws Exception {
    return perSeed(
        scenario,
        List.of(overrides),
        (s, r) ->
            r.consistency()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            scenario + " seed " + s + " recorded no operation history")));
  }

  /** The seeds (1-based) whose summary does not satisfy {@code claim}. */
  static List<Long> seedsFailing(
      List<ConsistencySummary> runs, Predicate<ConsistencySummary> claim) {
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      if (!claim.test(runs.get(i))) {
        seeds.add(i + 1L);
      }
    }
    return seeds;
  }

  static List<Double> each(List<ConsistencySummary> runs, ToDoubleFunction<ConsistencySummary> f) {
    return runs.stream().map(c -> f.applyAsDouble(c)).toList();
  }

  /** The fail share of the operations made by the client instances {@code side} accepts. */
  static double failShare(ConsistencySummary c, Predicate<String> side) {
    long fail = 0;
    long all = 0;
    for (NodeOutcomes n : c.byNode()) {
      if (side.test(n.node())) {
        fail += n.fail();
        all += n.ok() + n.fail() + n.info();
      }
    }
    return all == 0 ? Double.NaN : (double) fail / all;
  }

  static double smallSide(ConsistencySummary c) {
    return failShare(c, SMALL_SIDE::contains);
  }

  static double largeSide(ConsistencySummary c) {
    return failShare(c, n -> !SMALL_SIDE.contains(n));
  }

  // ------------------------------------------------------------------ clock skew

  @Test
  void clockSkewLwwShouldLoseAcknowledgedWritesInEverySeedWhileEveryOperationSaysOk()
      throws Exception {
    List<ConsistencySummary> runs = checked("clock-skew-lww");
    assertThat(seedsFailing(runs, c -> c.lostWrites() >= 50))
        .as(
            "seed= where clock-skew-lww lost fewer than 50 acknowledged writes; lost writes=%s",
            each(runs, ConsistencySummary::lostWrites))
        .isEmpty();
    assertThat(seedsFailing(runs, c -> c.okShare() == 1.0))
        .as(
            "seed= where not every operation of clock-skew-lww ended ok; ok shares=%s",
            each(runs, ConsistencySummary::okShare))
        .isEmpty();
    assertThat(seedsFailing(runs, c -> !c.valid()))
        .as("seed= where clock-skew-lww's history was valid")
        .isEmpty();
  }

  @Test
  void clockSkewLwwWithoutTheSkewShouldLoseNothingInEverySeed() throws Exception {
    // The control: the same file and seeds with the clock offset removed. If this lost writes,
    // the lesson could not blame the clock.
    List<ConsistencySummary> runs = checked("clock-skew-lww", "--unset clocks");
    assertThat(seedsFailing(runs, c -> c.lostWrites() == 0 && c.staleReads() == 0 && c.valid()))
        .as(
            "seed= where clock-skew-lww without the skew lost writes, read stale data or was "
                + "invalid; lost writes=%s, stale reads=%s",
            each(runs, ConsistencySummary::lostWrites), each(runs, ConsistencySummary::staleReads))
        .isEmpty();
  }

  @Test
  void clockSkewSiblingsShouldLoseNoWriteInAnySeed() throws Exception {
    List<ConsistencySummary> runs = checked("clock-skew-siblings");
    assertThat(seedsFailing(runs, c -> c.lostWrites() == 0 && c.valid()))
        .as(
            "seed= where clock-skew-siblings lost writes or was invalid; lost writes=%s",
            each(runs, ConsistencySummary::lostWrites))
        .isEmpty();
    assertThat(seedsFailing(runs, c -> c.okShare() == 1.0))
        .as("seed= where not every operation of clock-skew-siblings ended ok")
        .isEmpty();
  }

  // ------------------------------------------------------------------ quorums

  @Test
  void quorumR1W1ShouldReadStaleDataInEverySeed() throws Exception {
    List<ConsistencySummary> runs = checked("quorum-r1w1");
    assertThat(seedsFailing(runs, c -> c.staleReads() > 0 && !c.valid()))
        .as(
            "seed= where quorum-r1w1 read nothing stale or was valid; stale reads=%s",
            each(runs, ConsistencySummary::staleReads))
        .isEmpty();
  }

  @Test
  void quorumStrictShouldNeverReadStaleDataAndStayLinearizable() throws Exception {
    List<ConsistencySummary> runs = checked("quorum-strict");
    assertThat(seedsFailing(runs, c -> c.staleReads() == 0 && c.lostWrites() == 0 && c.valid()))
        .as(
            "seed= where quorum-strict read stale data, lost writes or was not valid; "
                + "stale reads=%s, verdicts=%s",
            each(runs, ConsistencySummary::staleReads),
            runs.stream().map(ConsistencySummary::verdict).toList())
        .isEmpty();
  }

  @Test
  void sloppyQuorumShouldStayAvailableThroughThePartitionAndLoseWrites() throws Exception {
    List<ConsistencySummary> runs = checked("quorum-sloppy-partition");
    assertThat(seedsFailing(runs, c -> c.okShare() >= 0.99 && smallSide(c) <= 0.01))
        .as(
            "seed= where the sloppy quorum refused more than 1%% of operations (or of the small "
                + "side's); ok shares=%s",
            each(runs, ConsistencySummary::okShare))
        .isEmpty();
    assertThat(seedsFailing(runs, c -> c.lostWrites() > 0 && c.staleReads() > 0 && !c.valid()))
        .as(
            "seed= where the sloppy quorum's history had no lost write or stale read; "
                + "lost writes=%s, stale reads=%s",
            each(runs, ConsistencySummary::lostWrites), each(runs, ConsistencySummary::staleReads))
        .isEmpty();
  }

  @Test
  void strictQuorumShouldRefuseDuringThePartitionAndNeverReadStale() throws Exception {
    List<ConsistencySummary> runs = checked("quorum-strict-partition");
    assertThat(seedsFailing(runs, c -> c.staleReads() == 0 && c.lostWrites() == 0))
        .as(
            "seed= where the strict quorum read stale data or lost writes; "
                + "stale reads=%s, lost writes=%s",
            each(runs, ConsistencySummary::staleReads), each(runs, ConsistencySummary::lostWrites))
        .isEmpty();
    // Linearizable in (nearly) every seed: a write that ended info may surface on one replica
    // after the heal, seen by one read and not the next (seed 5; the lesson says so).
    List<Long> invalid = seedsFailing(runs, ConsistencySummary::valid);
    assertThat(invalid.size())
        .as("seeds where the strict quorum's history was not linearizable: seed=%s", invalid)
        .isLessThanOrEqualTo(SEEDS / 10);
    // The price: the small side (two of five nodes) is refused most, but with per-key quorums
    // the large side is refused too, for the keys with two primaries on the small side.
    assertThat(seedsFailing(runs, c -> smallSide(c) >= 0.15 && largeSide(c) < smallSide(c)))
        .as(
            "seed= where the strict quorum refused under 15%% of the small side's operations, or "
                + "no more than the large side's; small side=%s, large side=%s",
            each(runs, StoreLessonsClaimsTest::smallSide),
            each(runs, StoreLessonsClaimsTest::largeSide))
        .isEmpty();
  }
}
