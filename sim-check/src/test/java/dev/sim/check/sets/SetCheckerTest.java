package dev.sim.check.sets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Rec;
import dev.sim.check.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetCheckerTest {
  @Test
  void shouldAcceptReadsThatHoldEveryAcknowledgedElement() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "add", 2L).at(3).ok(0, 2L);
    r.at(4).inv(1, "read", null).at(5).ok(1, List.of(1L, 2L));
    SetResult s = SetChecker.check(null, r.ops());
    assertThat(s.verdict()).isEqualTo(Verdict.VALID);
    assertThat(s.lost()).isEmpty();
    assertThat(s.vanished()).isEmpty();
    assertThat(s.neverRead()).isEmpty();
    assertThat(s.operations()).isEqualTo(3);
  }

  @Test
  void shouldReportAnAcknowledgedAddMissingFromALaterReadAsLostWithWhen() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "add", 2L).at(3).ok(0, 2L);
    r.at(10).inv(1, "read", null).at(12).ok(1, List.of(1L));
    SetResult s = SetChecker.check("s", r.ops());
    assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(s.lost()).hasSize(1);
    SetResult.Lost l = s.lost().get(0);
    assertThat(l.element()).isEqualTo(2L);
    assertThat(l.add().completeNanos()).isEqualTo(3_000_000L);
    assertThat(l.read().invokeNanos()).isEqualTo(10_000_000L);
    assertThat(s.staleReads()).isEqualTo(1);
    assertThat(SetChecker.describe(s).get(0))
        .contains("element 2 was lost")
        .contains("acknowledged at 3ms")
        .contains("invoked at 10ms")
        .contains("returned [1] without it");
  }

  @Test
  void shouldNotCallAnElementLostWhenTheReadBeganBeforeTheAddCompleted() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", 1L);
    r.at(1).inv(1, "read", null);
    r.at(2).ok(0, 1L);
    r.at(3).ok(1, List.of());
    SetResult s = SetChecker.check(null, r.ops());
    assertThat(s.verdict()).isEqualTo(Verdict.VALID);
    assertThat(s.neverRead()).containsExactly(1L);
  }

  @Test
  void shouldReportAnElementThatWasReadAndThenMissingAsVanished() {
    Rec r = new Rec(3);
    // The add is info: its element may or may not be there, but once read it must stay.
    r.at(0).inv(0, "add", 5L).at(1).info(0, null);
    r.at(2).inv(1, "read", null).at(3).ok(1, List.of(5L));
    r.at(4).inv(2, "read", null).at(5).ok(2, List.of());
    SetResult s = SetChecker.check(null, r.ops());
    assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(s.lost()).isEmpty();
    assertThat(s.vanished()).hasSize(1);
    assertThat(s.vanished().get(0).element()).isEqualTo(5L);
    assertThat(s.vanished().get(0).seenIn().process()).isEqualTo(1);
    assertThat(s.vanished().get(0).missingFrom().process()).isEqualTo(2);
    assertThat(SetChecker.describe(s).get(0)).contains("element 5 vanished");
  }

  @Test
  void shouldNotCallAnElementVanishedWhenTheLaterReadWasConcurrent() {
    Rec r = new Rec(3);
    r.at(0).inv(0, "add", 5L).at(1).info(0, null);
    r.at(2).inv(1, "read", null);
    r.at(3).inv(2, "read", null);
    r.at(4).ok(1, List.of(5L));
    r.at(5).ok(2, List.of());
    assertThat(SetChecker.check(null, r.ops()).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldAcceptAnInfoAddThatShowsUpAndCountIt() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", 9L).at(1).info(0, null);
    r.at(2).inv(1, "read", null).at(3).ok(1, List.of(9L));
    SetResult s = SetChecker.check(null, r.ops());
    assertThat(s.verdict()).isEqualTo(Verdict.VALID);
    assertThat(s.infoAddsSeen()).isEqualTo(1);
  }

  @Test
  void shouldListOkAddsNoReadReturnedAsNeverReadWithoutFailing() {
    Rec r = new Rec(2);
    r.at(0).inv(1, "read", null).at(1).ok(1, List.of());
    r.at(2).inv(0, "add", 3L).at(3).ok(0, 3L);
    r.at(4).inv(0, "add", 4L).at(5).ok(0, 4L);
    SetResult s = SetChecker.check(null, r.ops());
    assertThat(s.verdict()).isEqualTo(Verdict.VALID);
    assertThat(s.neverRead()).containsExactly(3L, 4L);
  }

  @Test
  void shouldReportAnElementOnlyAFailedAddHadAsUnexpected() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", 3L).at(1).fail(0, null);
    r.at(2).inv(1, "read", null).at(3).ok(1, List.of(3L));
    SetResult s = SetChecker.check(null, r.ops());
    assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(s.unexpected()).extracting(SetResult.Unexpected::element).containsExactly(3L);
  }

  @Test
  void shouldIgnoreReadsThatDidNotEndOk() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "read", null).at(3).fail(1, null);
    r.at(4).inv(1, "read", null).at(5).info(1, null);
    assertThat(SetChecker.check(null, r.ops()).verdict()).isEqualTo(Verdict.VALID);
  }
}
