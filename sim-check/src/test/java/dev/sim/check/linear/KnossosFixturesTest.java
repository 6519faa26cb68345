package dev.sim.check.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Model;
import dev.sim.check.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Histories from Knossos's test data with the verdicts Knossos's own tests expect, and where those
 * tests name the operation that cannot be linearized, the same operation as our stuck one (Knossos
 * names its completion; we name the invoke).
 */
class KnossosFixturesTest {
  static KeyResult check(KnossosFixture f) {
    LinearResult r = Linearizability.check(f.ops(), Model.CAS_REGISTER, Duration.ofSeconds(30));
    assertThat(r.keys()).hasSize(1);
    return r.keys().get(0);
  }

  static void assertStuckAt(KnossosFixture f, KeyResult k, int knossosCompletion) {
    assertThat(k.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(f.knossosIndex().get(f.completionOf(k.stuckOp()))).isEqualTo(knossosCompletion);
    new Replay(f.ops(), null).stateAfter(k.longestPrefix());
    assertThat(new Replay(f.ops(), null).canFollow(k.longestPrefix(), k.stuckOp())).isFalse();
  }

  @Test
  void shouldRejectImmediateFailure() {
    // A read of 3 while the only write of 3 failed.
    KnossosFixture f = KnossosFixture.load("immediate-failure");
    KeyResult k = check(f);
    assertStuckAt(f, k, 3);
    assertThat(k.longestPrefix()).containsExactly(0); // the initial write of 0
    assertThat(k.explanation()).endsWith("failed, so it never took effect");
  }

  @Test
  void shouldRejectRethinkFailMinimal() {
    // The value is 0, then a write of 4 concurrent with a read of 3 that nothing wrote.
    KnossosFixture f = KnossosFixture.load("rethink-fail-minimal");
    KeyResult k = check(f);
    assertStuckAt(f, k, 4);
    assertThat(k.explanation()).endsWith("; no operation wrote 3 to the register");
  }

  @Test
  void shouldRejectBadAnalysis() {
    KnossosFixture f = KnossosFixture.load("bad-analysis");
    KeyResult k = check(f);
    assertStuckAt(f, k, 14); // process 21's read of 2
    // Knossos's previous ok: process 19's read of 0 (index 11), the last op placed before it.
    assertThat(
            f.knossosIndex()
                .get(f.completionOf(k.longestPrefix().get(k.longestPrefix().size() - 1))))
        .isEqualTo(11);
  }

  @Test
  void shouldRejectCasFailure() {
    KnossosFixture f = KnossosFixture.load("cas-failure");
    KeyResult k = check(f);
    assertStuckAt(f, k, 491); // process 70's read of 0
    assertThat(k.explanation()).contains("read of the register (process 70,").contains("holds 2");
  }

  @Test
  void shouldRejectRethinkFailSmaller() {
    KnossosFixture f = KnossosFixture.load("rethink-fail-smaller");
    KeyResult k = check(f);
    assertStuckAt(f, k, 217); // process 12's read of 3
  }

  @Test
  void shouldAcceptTheGoodOnes() {
    for (String name :
        new String[] {"cas-register-bug", "memstress3-0", "mongodb-v0-ack-rollback-9"}) {
      KnossosFixture f = KnossosFixture.load(name);
      KeyResult k = check(f);
      assertThat(k.verdict()).as(name).isEqualTo(Verdict.VALID);
      new Replay(f.ops(), null).assertComplete(k.longestPrefix());
    }
  }
}
