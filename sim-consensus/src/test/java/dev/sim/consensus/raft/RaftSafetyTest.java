package dev.sim.consensus.raft;

import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import org.junit.jupiter.api.Test;

/**
 * The invariants over many seeds of a five-node cluster under crashes, restarts, partitions, loss,
 * duplication and reordering: never broken by the real thing, and caught in the broken variant.
 */
class RaftSafetyTest {
  @Test
  void aThousandSeedsOfChaosBreakNoInvariant() {
    long elected = 0;
    long committed = 0;
    for (long seed = 1; seed <= 1000; seed++) {
      RunResult r = Rig.chaos(seed, Rig.params(), s(5));
      assertThat(r.failure())
          .as("seed %d: %s", seed, r.failure() == null ? "" : r.failure().message())
          .isNull();
      elected += counter(r, RaftMetrics.ELECTED);
      committed += counter(r, RaftMetrics.COMMITTED);
    }
    // The chaos did not stop the cluster from working: leaders came and went, entries committed.
    assertThat(elected).isGreaterThan(3000);
    assertThat(committed).isGreaterThan(30_000);
  }

  /** The unsafe variant under frequent crashes with quick restarts, which is when it shows. */
  private static RunResult broken(long seed) {
    return Rig.chaos(seed, Rig.forgetVotes(), s(3), ms(60), ms(1), ms(20), false);
  }

  @Test
  void forgettingVotesIsCaughtWithAReplayableSeed() {
    long found = -1;
    String message = null;
    for (long seed = 1; seed <= 300 && found < 0; seed++) {
      RunResult r = broken(seed);
      if (r.failure() != null) {
        found = seed;
        message = r.failure().message();
      }
    }
    System.out.println("forgetVotesOnRestart broke Raft with seed " + found + ": " + message);
    assertThat(found).as("a seed that breaks the unsafe variant").isPositive();
    assertThat(message).contains("InvariantViolation: invariant '", "' broken: ");
    // Replaying the seed breaks it again, the same way at the same time.
    RunResult first = broken(found);
    RunResult again = broken(found);
    assertThat(again.failure().message()).isEqualTo(first.failure().message());
    assertThat(again.failure().timeNanos()).isEqualTo(first.failure().timeNanos());
  }

  @Test
  void theSameQuickCrashesBreakNothingWhenVotesAreDurable() {
    RaftParams safe = new RaftParams(Rig.forgetVotes().electionTimeout(), ms(50), 64, true, null);
    for (long seed = 1; seed <= 200; seed++) {
      RunResult r = Rig.chaos(seed, safe, s(3), ms(60), ms(1), ms(20), false);
      assertThat(r.failure()).as("seed %d", seed).isNull();
    }
  }
}
