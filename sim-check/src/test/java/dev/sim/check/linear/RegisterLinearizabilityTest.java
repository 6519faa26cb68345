package dev.sim.check.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.check.Model;
import dev.sim.check.Verdict;
import dev.sim.kernel.history.Op;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written register histories: each rule of the checker, valid and invalid. */
class RegisterLinearizabilityTest {
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  static KeyResult only(List<Op> ops, Model model) {
    LinearResult r = Linearizability.check(ops, model, TIMEOUT);
    assertThat(r.keys()).hasSize(1);
    assertThat(r.verdict()).isEqualTo(r.keys().get(0).verdict());
    return r.keys().get(0);
  }

  static KeyResult only(List<Op> ops) {
    return only(ops, Model.REGISTER);
  }

  @Test
  void shouldFindAnOrderForConcurrentWritesAndReads() {
    TestHistory h = new TestHistory();
    int w1 = h.write(0, "x", 1);
    int w2 = h.write(1, "x", 2);
    int r1 = h.read(2, "x");
    h.ok(0);
    h.ok(1);
    h.ok(2, 1L); // only "write 2, write 1, read 1" explains this read ...
    int r2 = h.read(3, "x");
    h.ok(3, 1L); // ... and this one.

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.VALID);
    assertThat(k.key()).isEqualTo("x");
    assertThat(k.operations()).isEqualTo(4);
    assertThat(k.longestPrefix()).containsExactly(w2, w1, r1, r2);
    assertThat(k.stuckOp()).isEqualTo(-1);
    assertThat(k.explanation()).isEmpty();
  }

  @Test
  void shouldRejectAStaleReadAfterACompletedWrite() {
    TestHistory h = new TestHistory();
    int w1 = h.write(0, "x", 1);
    h.ok(0);
    int w2 = h.write(0, "x", 2);
    h.ok(0);
    int r = h.read(1, "x");
    h.ok(1, 1L);

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(k.longestPrefix()).containsExactly(w1, w2);
    assertThat(k.stuckOp()).isEqualTo(r);
    assertThat(k.explanation())
        .isEqualTo(
            "read of x (process 1, index 4) returned 1, but after the 2 operations the checker could"
                + " place before it, x holds 2 (write 2 by process 0, index 2); in that order the write"
                + " of 1 (index 0) came earlier and was overwritten");
  }

  @Test
  void shouldRejectAReadOfAValueNeverWritten() {
    TestHistory h = new TestHistory();
    int w = h.write(0, "x", 1);
    h.ok(0);
    int r = h.read(1, "x");
    h.ok(1, 3L);

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(k.longestPrefix()).containsExactly(w);
    assertThat(k.stuckOp()).isEqualTo(r);
    assertThat(k.explanation()).endsWith("; no operation wrote 3 to x");
  }

  @Test
  void shouldRejectAReadOfNothingAfterAWrite() {
    TestHistory h = new TestHistory();
    h.write(0, null, 1);
    h.ok(0);
    int r = h.read(1, null);
    h.ok(1, null);

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(k.key()).isNull();
    assertThat(k.stuckOp()).isEqualTo(r);
    assertThat(k.explanation())
        .startsWith("read of the register (process 1, index 2) returned nothing (null)")
        .contains("the register holds 1");
  }

  @Test
  void shouldAcceptAReadExplainedOnlyByAnInfoWriteTakingEffect() {
    TestHistory h = new TestHistory();
    int w = h.write(0, "x", 1);
    h.info(0); // timed out: it may have happened
    int r = h.read(1, "x");
    h.ok(1, 1L);

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.VALID);
    assertThat(k.longestPrefix()).containsExactly(w, r);
  }

  @Test
  void shouldRejectTheSameReadWhenTheWriteFailed() {
    TestHistory h = new TestHistory();
    int w = h.write(0, "x", 1);
    h.fail(0); // it definitely did not happen
    int r = h.read(1, "x");
    h.ok(1, 1L);

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(k.operations()).isEqualTo(2);
    assertThat(k.longestPrefix()).isEmpty();
    assertThat(k.stuckOp()).isEqualTo(r);
    assertThat(k.explanation())
        .isEqualTo(
            "read of x (process 1, index 2) returned 1, but after the 0 operations the checker could"
                + " place before it, x holds nothing yet (null: never written); the only"
                + " write of 1 (index "
                + w
                + ") failed, so it never took effect");
  }

  @Test
  void shouldAcceptAReadExplainedOnlyByAnInfoWriteNeverTakingEffect() {
    TestHistory h = new TestHistory();
    int w1 = h.write(0, "x", 1);
    h.ok(0);
    h.write(1, "x", 2); // invoked after write 1 completed: had it happened, x would be 2
    h.info(1);
    int r = h.read(2, "x");
    h.ok(2, 1L);

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.VALID);
    assertThat(k.longestPrefix()).containsExactly(w1, r);
  }

  @Test
  void shouldLetAnUncompletedInvokeAtTheEndTakeEffectOrNot() {
    for (long seen : new long[] {1, 2}) {
      TestHistory h = new TestHistory();
      h.write(0, "x", 1);
      h.ok(0);
      int w2 = h.write(1, "x", 2); // never completes
      int r = h.read(2, "x");
      h.ok(2, seen);

      KeyResult k = only(h.ops());

      assertThat(k.verdict()).as("read %d", seen).isEqualTo(Verdict.VALID);
      assertThat(k.longestPrefix())
          .as("read %d", seen)
          .isEqualTo(seen == 2 ? List.of(0, w2, r) : List.of(0, r));
    }
  }

  @Test
  void shouldRejectGoingBackAfterAPendingWriteWasSeen() {
    TestHistory h = new TestHistory();
    h.write(0, "x", 1);
    h.ok(0);
    int w2 = h.write(1, "x", 2); // never completes
    h.read(2, "x");
    h.ok(2, 2L);
    int r = h.read(3, "x");
    h.ok(3, 1L);

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(k.stuckOp()).isEqualTo(r);
    assertThat(k.longestPrefix()).contains(w2);
    assertThat(k.explanation()).contains("x holds 2 (write 2 by process 1, index 2, which may or");
  }

  @Test
  void shouldIgnoreAnInfoReadWhateverItSays() {
    TestHistory h = new TestHistory();
    h.write(0, "x", 1);
    h.ok(0);
    h.read(1, "x");
    h.info(1, 99L);
    h.read(2, "x");
    h.ok(2, 1L);

    KeyResult k = only(h.ops());

    assertThat(k.verdict()).isEqualTo(Verdict.VALID);
    assertThat(k.longestPrefix()).containsExactly(0, 4);
  }

  @Test
  void shouldApplyASuccessfulCasAndIgnoreAFailedOne() {
    TestHistory h = new TestHistory();
    int c1 = h.cas(0, "x", null, 1L); // from the initial null
    h.ok(0);
    h.cas(0, "x", 5L, 6L);
    h.fail(0); // x was not 5
    int r = h.read(1, "x");
    h.ok(1, 1L);

    KeyResult k = only(h.ops(), Model.CAS_REGISTER);

    assertThat(k.verdict()).isEqualTo(Verdict.VALID);
    assertThat(k.longestPrefix()).containsExactly(c1, r);
  }

  @Test
  void shouldRejectACasThatSucceededFromTheWrongValue() {
    TestHistory h = new TestHistory();
    int w = h.write(0, "x", 1);
    h.ok(0);
    int c = h.cas(1, "x", 5L, 6L);
    h.ok(1);

    KeyResult k = only(h.ops(), Model.CAS_REGISTER);

    assertThat(k.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(k.longestPrefix()).containsExactly(w);
    assertThat(k.stuckOp()).isEqualTo(c);
    assertThat(k.explanation())
        .startsWith("cas of x from 5 to 6 (process 1, index 2) succeeded, but after the 1")
        .endsWith("; no operation wrote 5 to x");
  }

  @Test
  void shouldRejectAReadOfAFailedCasValue() {
    TestHistory h = new TestHistory();
    h.write(0, "x", 1);
    h.ok(0);
    h.cas(0, "x", 1L, 2L);
    h.fail(0);
    int r = h.read(1, "x");
    h.ok(1, 2L);

    KeyResult k = only(h.ops(), Model.CAS_REGISTER);

    assertThat(k.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(k.stuckOp()).isEqualTo(r);
    assertThat(k.explanation())
        .endsWith("the only write of 2 (index 2) failed, so it never took effect");
  }

  @Test
  void shouldNotForceAPendingCasThatCannotApply() {
    TestHistory h = new TestHistory();
    h.write(0, "x", 1);
    h.ok(0);
    h.cas(1, "x", 3L, 4L); // pending to the end; x is 1, so it can only not have happened
    h.read(2, "x");
    h.ok(2, 1L);

    KeyResult k = only(h.ops(), Model.CAS_REGISTER);

    assertThat(k.verdict()).isEqualTo(Verdict.VALID);
    assertThat(k.longestPrefix()).containsExactly(0, 3);
  }

  @Test
  void shouldLetAnInfoCasTakeEffectOrNot() {
    TestHistory took = new TestHistory();
    took.write(0, "x", 1);
    took.ok(0);
    int c = took.cas(1, "x", 1L, 2L);
    took.info(1);
    took.read(2, "x");
    took.ok(2, 2L);
    assertThat(only(took.ops(), Model.CAS_REGISTER).longestPrefix()).containsExactly(0, c, 4);

    TestHistory didNot = new TestHistory();
    didNot.write(0, "x", 1);
    didNot.ok(0);
    didNot.cas(1, "x", 1L, 2L);
    didNot.info(1);
    didNot.read(2, "x");
    didNot.ok(2, 1L);
    assertThat(only(didNot.ops(), Model.CAS_REGISTER).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldCheckKeysIndependentlyInOrderOfFirstAppearance() {
    TestHistory h = new TestHistory();
    h.write(0, "y", 1);
    h.write(1, "x", 1);
    h.ok(0);
    h.ok(1);
    int bad = h.read(0, "x");
    h.ok(0, 7L); // x was never 7
    h.read(1, "y");
    h.ok(1, 1L);
    h.write(2, "z", 5);
    h.ok(2);

    LinearResult r = Linearizability.check(h.ops(), Model.REGISTER, TIMEOUT);

    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.keys()).extracting(KeyResult::key).containsExactly("y", "x", "z");
    assertThat(r.keys())
        .extracting(KeyResult::verdict)
        .containsExactly(Verdict.VALID, Verdict.INVALID, Verdict.VALID);
    assertThat(r.keys().get(1).stuckOp()).isEqualTo(bad);
    assertThat(r.keys().get(0).stuckOp()).isEqualTo(-1);
    assertThat(r.elapsedNanos()).isPositive();
  }

  @Test
  void shouldSayUnknownNotValidWhenTheDeadlineHasPassed() {
    List<Op> ops = SimulatedRegisters.history(7, SimulatedRegisters.Options.register(10, 1, 400));

    LinearResult zero = Linearizability.check(ops, Model.REGISTER, Duration.ZERO);
    LinearResult nano = Linearizability.check(ops, Model.REGISTER, Duration.ofNanos(1));

    for (LinearResult r : List.of(zero, nano)) {
      assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(r.keys().get(0).verdict()).isEqualTo(Verdict.UNKNOWN);
      assertThat(r.keys().get(0).stuckOp()).isEqualTo(-1);
      assertThat(r.keys().get(0).explanation())
          .startsWith("no verdict within the 0 ms deadline")
          .endsWith("check again with a longer --timeout");
    }
    // And with time it is decided: the history is linearizable.
    assertThat(Linearizability.check(ops, Model.REGISTER, TIMEOUT).verdict())
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldSayValidForAnEmptyHistoryAndForOneWithoutOkOperations() {
    assertThat(Linearizability.check(List.of(), Model.REGISTER, TIMEOUT).verdict())
        .isEqualTo(Verdict.VALID);
    TestHistory h = new TestHistory();
    h.write(0, "x", 1);
    h.info(0);
    h.read(1, "x");
    h.fail(1);
    assertThat(only(h.ops()).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldRefuseHistoriesThatBreakTheFormat() {
    TestHistory orphan = new TestHistory();
    orphan.orphan(4, "read");
    assertThatThrownBy(() -> Linearizability.check(orphan.ops(), Model.REGISTER, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("history index 0: process 4 completed read (ok) without an invoke outstanding");

    TestHistory twice = new TestHistory();
    twice.write(1, "x", 1);
    twice.read(1, "x");
    assertThatThrownBy(() -> Linearizability.check(twice.ops(), Model.REGISTER, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "history index 1: process 1 invoked read while its write (index 0)");

    TestHistory cas = new TestHistory();
    cas.cas(0, "x", 1L, 2L);
    assertThatThrownBy(() -> Linearizability.check(cas.ops(), Model.REGISTER, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("check the history with the cas-register model");

    TestHistory add = new TestHistory();
    add.invoke(0, "add", "x", 1L);
    assertThatThrownBy(() -> Linearizability.check(add.ops(), Model.CAS_REGISTER, TIMEOUT))
        .hasMessage(
            "history index 0: unknown function 'add' for the cas-register model (expected read,"
                + " write or cas)");

    List<Op> swapped = new java.util.ArrayList<>(twice.ops());
    java.util.Collections.reverse(swapped);
    assertThatThrownBy(() -> Linearizability.check(swapped, Model.REGISTER, TIMEOUT))
        .hasMessage(
            "history index 0: indices must increase through the history, but this line follows"
                + " index 1");

    assertThatThrownBy(() -> Linearizability.check(List.of(), Model.SET, TIMEOUT))
        .hasMessageContaining("not set");
  }
}
