package dev.sim.cli;

import static dev.sim.cli.LessonRuns.perSeed;
import static dev.sim.cli.LessonRuns.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The paxos-duel lesson's claims over 20 seeds: without back-off the two proposers preempt each
 * other for the whole run and nothing is chosen; with randomized back-off, or a distinguished
 * proposer, a value is chosen within tens of milliseconds. Each failure names the seeds and their
 * figures, so {@code sim run FILE --seed N} reproduces it.
 */
class PaxosLessonClaimsTest {
  static final String LEADER = "{policy: leader, leader: alice, proposers: [alice, bob]}";

  /** What one seed's run shows: ballots, nacks, chosen, when, and each proposer's last round. */
  record Duel(
      long seed,
      long ballots,
      long bobBallots,
      long nacks,
      long chosen,
      long chosenAtMs,
      double aliceRound,
      double bobRound) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: ballots %d (bob %d), nacks %d, chosen %d at %dms, rounds %.0f/%.0f",
          seed,
          ballots,
          bobBallots,
          nacks,
          chosen,
          chosenAtMs,
          aliceRound,
          bobRound);
    }
  }

  static List<Duel> runs(String scenario, String... sets) throws Exception {
    return perSeed(scenario, List.of(sets), (s, r) -> duel(s, r));
  }

  static Duel duel(long seed, RunResult r) {
    assertThat(r.failure()).as("seed %d: %s", seed, r.stopDetail()).isNull();
    long bob =
        r.counterSeries().stream()
            .filter(c -> c.group().equals("bob") && c.name().equals("ballots"))
            .flatMapToLong(c -> Arrays.stream(c.perWindow()))
            .sum();
    return new Duel(
        seed,
        r.counters().getOrDefault("ballots", 0L),
        bob,
        r.counters().getOrDefault("nacks", 0L),
        r.counters().getOrDefault("chosen", 0L),
        r.counters().getOrDefault("chosenAtMs", 0L),
        lastRound(r, "alice"),
        lastRound(r, "bob"));
  }

  static double lastRound(RunResult r, String node) {
    for (GaugeSeriesData g : r.gauges()) {
      if (g.nodeName().equals(node) && g.name().equals("round")) {
        return Arrays.stream(g.max()).filter(v -> !Double.isNaN(v)).max().orElse(0);
      }
    }
    return 0;
  }

  @Test
  void withoutBackOffTheProposersShouldDuelForTheWholeRunInEverySeed() throws Exception {
    List<Duel> runs = runs("paxos-duel");
    assertThat(where(runs, d -> d.chosen() != 0)).as("seeds where a value was chosen").isEmpty();
    // Both climb, taking turns, by about 52 rounds a second, for the whole 10 seconds.
    assertThat(where(runs, d -> !(d.aliceRound() >= 400 && d.bobRound() >= 400)))
        .as("seeds where a proposer stopped climbing: %s", runs)
        .isEmpty();
    assertThat(where(runs, d -> !(d.ballots() >= 400 && d.nacks() >= d.ballots())))
        .as("seeds with fewer than 400 ballots, or a ballot that was never refused: %s", runs)
        .isEmpty();
  }

  @Test
  void withRandomizedBackOffAValueShouldBeChosenWithinAFewBallotsInEverySeed() throws Exception {
    List<Duel> runs = runs("paxos-duel-fixed");
    assertThat(where(runs, d -> !(d.chosen() == 1 && d.chosenAtMs() <= 150 && d.ballots() <= 8)))
        .as("seeds where nothing was chosen by 150ms within 8 ballots: %s", runs)
        .isEmpty();
    // The description's one-line fix: back-off on one proposer alone ends the duel too.
    List<Duel> one = runs("paxos-duel", "nodes.alice.backoff={policy: random, max: 40ms}");
    assertThat(where(one, d -> !(d.chosen() == 1 && d.chosenAtMs() <= 300)))
        .as("seeds where back-off on alice alone did not end the duel by 300ms: %s", one)
        .isEmpty();
  }

  @Test
  void withADistinguishedProposerOneBallotShouldChooseInEverySeed() throws Exception {
    List<Duel> runs =
        runs("paxos-duel-fixed", "nodes.alice.backoff=" + LEADER, "nodes.bob.backoff=" + LEADER);
    assertThat(where(runs, d -> !(d.chosen() == 1 && d.ballots() == 1 && d.bobBallots() == 0)))
        .as("seeds where the leader did not choose alone in one ballot: %s", runs)
        .isEmpty();
    assertThat(where(runs, d -> d.chosenAtMs() > 60)).as("%s", runs).isEmpty();
  }

  @Test
  void theDescriptionsVariantsShouldDoWhatTheySay() throws Exception {
    // A back-off too short to spread the proposers apart: the duel is back for the whole run.
    List<Duel> shortBackOff =
        runs("paxos-duel-fixed", "nodes.alice.backoff.max=2ms", "nodes.bob.backoff.max=2ms");
    assertThat(where(shortBackOff, d -> d.chosen() != 0)).as("%s", shortBackOff).isEmpty();
    // Take away either ingredient of the livelock and it ends by luck within a second.
    for (String ingredient :
        List.of("nodes.acceptor.persist=0s", "nodes.acceptor.notifyPreempted=false")) {
      List<Duel> runs = runs("paxos-duel", ingredient);
      assertThat(where(runs, d -> !(d.chosen() == 1 && d.chosenAtMs() < 1000)))
          .as("%s: %s", ingredient, runs)
          .isEmpty();
    }
  }
}
