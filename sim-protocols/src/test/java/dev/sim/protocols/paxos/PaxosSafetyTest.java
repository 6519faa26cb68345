package dev.sim.protocols.paxos;

import static dev.sim.testkit.Harness.counter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.node.InvariantViolation;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.result.RunResult;
import dev.sim.network.Network;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invariant "at most one value chosen" over many seeds of a small, hostile run: three proposers
 * with three different values, three acceptors, two learners, a network that loses, duplicates and
 * reorders (latency 1–30ms), and crashes with restarts of acceptors and proposers drawn from the
 * seed. The correct acceptor never breaks it; an acceptor that forgets its promise on restart does,
 * and the failing seed replays to the same failure.
 */
class PaxosSafetyTest {
  private static final long MS = 1_000_000L;
  private static final long RUN = 400 * MS;
  private static final int SEEDS = 1000;
  private static final String[] CRASHABLE = {
    "acceptor-1", "acceptor-2", "acceptor-3", "proposer-1", "proposer-2", "proposer-3"
  };

  /** One hostile run of {@code seed} with acceptors of type {@code acceptor}. */
  static Harness hostile(long seed, PaxosAcceptorType acceptor) {
    ProposerParams proposer =
        new ProposerParams(
            List.of("acceptor"),
            null,
            0,
            40 * MS,
            new ProposerParams.Backoff(BackoffPolicy.RANDOM, 0, 20 * MS, null, 500 * MS, null));
    Harness h =
        Harness.seed(seed)
            .add("proposer", 3, new PaxosProposerType(), proposer)
            .add("acceptor", 3, acceptor, new AcceptorParams(List.of("learner"), 0, true))
            .add("learner", 2, new PaxosLearnerType(), new LearnerParams(List.of("acceptor")))
            .network(
                Network.builder()
                    .latencyNanos(Distributions.uniform(1 * MS, 30 * MS))
                    .lossProbability(0.1)
                    .duplicateProbability(0.1));
    // Crashes and restarts from the seed's own stream (not the run's), one node down at a time
    // each, so no crash hits a node that is already down.
    Rng faults = new Rng(seed * 0x9E3779B97F4A7C15L + 7);
    long[] upAgain = new long[CRASHABLE.length];
    for (int i = 0; i < 6; i++) {
      int n = faults.nextInt(CRASHABLE.length);
      long at = (long) (faults.nextDouble() * 250) * MS;
      if (at < upAgain[n]) {
        continue;
      }
      long back = at + (1 + (long) (faults.nextDouble() * 40)) * MS;
      h.crash(at, CRASHABLE[n]).restart(back, CRASHABLE[n]);
      upAgain[n] = back + 1;
    }
    return h;
  }

  @Test
  void shouldNeverChooseTwoValuesUnderLossDuplicationReorderingCrashesAndRestarts() {
    int chosen = 0;
    long crashes = 0;
    List<Long> undecided = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      RunResult r = hostile(seed, new PaxosAcceptorType()).runAllowingFailure(RUN);
      assertThat(r.failure())
          .as("seed=%d: %s", seed, r.failure() == null ? "" : r.failure().message())
          .isNull();
      assertThat(counter(r, "chosen")).as("seed=%d", seed).isLessThanOrEqualTo(1);
      if (counter(r, "chosen") == 1) {
        chosen++;
      } else {
        undecided.add(seed);
      }
      crashes += r.nodeEvents().size();
    }
    // Not vacuous: the faults happened, and nearly every run still chose its value.
    assertThat(crashes).isGreaterThan(SEEDS);
    assertThat(chosen).as("undecided seeds %s", undecided).isGreaterThan(SEEDS * 9 / 10);
  }

  @Test
  void shouldCatchAnAcceptorThatForgetsItsPromiseWithAReplayableSeed() {
    long failing = -1;
    RunResult first = null;
    for (long seed = 1; seed <= 20 * SEEDS && failing < 0; seed++) {
      RunResult r = hostile(seed, PaxosAcceptorType.forgettingPromises()).runAllowingFailure(RUN);
      if (r.failure() != null) {
        failing = seed;
        first = r;
      }
    }
    assertThat(failing).as("a seed where the forgetful acceptor breaks the invariant").isPositive();
    assertThat(first.failure().message())
        .startsWith(InvariantViolation.PREFIX + PaxosObserver.INVARIANT + "' broken");
    RunResult again =
        hostile(failing, PaxosAcceptorType.forgettingPromises()).runAllowingFailure(RUN);
    assertThat(again.failure()).as("seed=%d replays", failing).isNotNull();
    assertThat(again.failure().message()).isEqualTo(first.failure().message());
    assertThat(again.failure().timeNanos()).isEqualTo(first.failure().timeNanos());
    assertThat(again.traceHash()).isEqualTo(first.traceHash());
    // The correct acceptor, on the very same seed and faults, keeps the invariant.
    assertThat(hostile(failing, new PaxosAcceptorType()).runAllowingFailure(RUN).failure())
        .isNull();
  }
}
