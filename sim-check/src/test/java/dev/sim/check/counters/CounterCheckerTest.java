package dev.sim.check.counters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Rec;
import dev.sim.check.Verdict;
import org.junit.jupiter.api.Test;

class CounterCheckerTest {
  @Test
  void shouldAcceptAReadOfEveryIncrementCompletedBeforeIt() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "incr", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "incr", 2L).at(3).ok(0, 2L);
    r.at(4).inv(1, "read", null).at(5).ok(1, 3L);
    CounterResult c = CounterChecker.check(null, r.ops());
    assertThat(c.verdict()).isEqualTo(Verdict.VALID);
    assertThat(c.reads()).isEqualTo(1);
  }

  @Test
  void shouldRejectAReadBelowTheAcknowledgedSumWithItsBounds() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "incr", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "incr", 1L).at(3).ok(0, 1L);
    r.at(4).inv(1, "read", null).at(5).ok(1, 1L);
    CounterResult c = CounterChecker.check(null, r.ops());
    assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
    CounterResult.OutOfBounds b = c.outOfBounds().get(0);
    assertThat(b.lower()).isEqualTo(2);
    assertThat(b.upper()).isEqualTo(2);
    assertThat(c.largestShortfall()).isEqualTo(1);
    assertThat(c.readsBelow()).isEqualTo(1);
    assertThat(CounterChecker.describe(c).get(0))
        .contains("returned 1")
        .contains("could only return 2")
        .contains("acknowledged before it began are missing");
  }

  @Test
  void shouldRejectAReadAboveEverythingThatCouldHaveApplied() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "incr", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "read", null).at(3).ok(1, 5L);
    CounterResult c = CounterChecker.check(null, r.ops());
    assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(c.outOfBounds().get(0).upper()).isEqualTo(1);
    assertThat(c.largestShortfall()).isZero();
  }

  @Test
  void shouldAcceptAReadThatIsValidOnlyBecauseOfAnInfoIncrement() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "incr", 1L).at(1).ok(0, 1L);
    // Timed out: it may have applied, long before the read.
    r.at(2).inv(0, "incr", 10L).at(3).info(0, null);
    r.at(8).inv(1, "read", null).at(9).ok(1, 11L);
    assertThat(CounterChecker.check(null, r.ops()).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldRejectTheSameReadWhenThatIncrementFailed() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "incr", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "incr", 10L).at(3).fail(0, null);
    r.at(8).inv(1, "read", null).at(9).ok(1, 11L);
    CounterResult c = CounterChecker.check(null, r.ops());
    assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(c.outOfBounds().get(0).upper()).isEqualTo(1);
  }

  @Test
  void shouldLetAConcurrentIncrementCountOrNot() {
    Rec r = new Rec(2);
    r.at(0).inv(1, "read", null);
    r.at(1).inv(0, "incr", 4L);
    r.at(2).ok(0, 4L);
    r.at(3).ok(1, 0L);
    r.at(4).inv(1, "read", null);
    r.at(5).ok(1, 4L);
    assertThat(CounterChecker.check(null, r.ops()).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldNotCountAnIncrementInvokedAfterTheReadCompleted() {
    Rec r = new Rec(2);
    r.at(0).inv(1, "read", null).at(1).ok(1, 4L);
    r.at(2).inv(0, "incr", 4L).at(3).ok(0, 4L);
    assertThat(CounterChecker.check(null, r.ops()).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void shouldBoundNegativeAmountsFromBelow() {
    Rec r = new Rec(3);
    r.at(0).inv(0, "incr", 5L).at(1).ok(0, 5L);
    // A decrement still outstanding at the end: it may have applied.
    r.at(2).inv(2, "incr", -3L);
    r.at(3).inv(1, "read", null).at(4).ok(1, 2L);
    r.at(5).inv(1, "read", null).at(6).ok(1, 1L);
    CounterResult c = CounterChecker.check(null, r.ops());
    assertThat(c.outOfBounds()).hasSize(1);
    CounterResult.OutOfBounds b = c.outOfBounds().get(0);
    assertThat(b.value()).isEqualTo(1);
    assertThat(b.lower()).isEqualTo(2);
    assertThat(b.upper()).isEqualTo(5);
  }
}
