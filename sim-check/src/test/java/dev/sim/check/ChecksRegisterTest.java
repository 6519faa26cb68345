package dev.sim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facade on registers, through the linearizability search: these need {@code
 * Linearizability.check}, written beside this on another branch.
 */
class ChecksRegisterTest {
  static final Duration MINUTE = Duration.ofSeconds(60);

  @Test
  void shouldCallASequentialRegisterHistoryValid() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", "x", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "read", "x", null).at(3).ok(1, 1L);
    CheckReport c = Checks.check(r.data(), null, MINUTE);
    assertThat(c.verdict()).isEqualTo(Verdict.VALID);
    assertThat(c.model()).isEqualTo("register");
    assertThat(c.keys().get(0).operations()).isEqualTo(2);
  }

  @Test
  void shouldCallAStaleReadInvalidAndMarkTheOperationThatCannotBePlaced() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", "x", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "write", "x", 2L).at(3).ok(0, 2L);
    r.at(4).inv(1, "read", "x", null).at(5).ok(1, 1L);
    CheckReport c = Checks.check(r.data(), null, MINUTE);
    assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
    KeyCheck k = c.witness();
    assertThat(k.key()).isEqualTo("x");
    assertThat(k.stuckOp()).isEqualTo(4);
    assertThat(k.longestPrefix()).containsExactly(0, 2);
    assertThat(k.explanation()).isNotEmpty();
    assertThat(c.figures().staleReads()).isEqualTo(1);
  }

  @Test
  void shouldMapIndicesBackWhenOtherKeysInterleave() {
    Rec r = new Rec(3);
    r.at(0).inv(2, "add", "s", 1L).at(1).ok(2, 1L);
    r.at(2).inv(0, "write", "x", 1L).at(3).ok(0, 1L);
    r.at(4).inv(2, "add", "s", 2L).at(5).ok(2, 2L);
    r.at(6).inv(0, "write", "x", 2L).at(7).ok(0, 2L);
    r.at(8).inv(1, "read", "x", null).at(9).ok(1, 1L);
    CheckReport c = Checks.check(r.data(), null, MINUTE);
    KeyCheck x = c.keys().stream().filter(k -> "x".equals(k.key())).findFirst().orElseThrow();
    assertThat(x.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(x.stuckOp()).isEqualTo(8);
    assertThat(x.longestPrefix()).containsExactly(2, 6);
  }

  @Test
  void shouldAcceptAReadThatIsValidOnlyBecauseAnInfoWriteMayHaveHappened() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", "x", 1L).at(1).info(0, null);
    r.at(5).inv(1, "read", "x", null).at(6).ok(1, 1L);
    assertThat(Checks.check(r.data(), Model.REGISTER, MINUTE).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void shouldCheckCasAgainstTheCurrentValue() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", "x", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "cas", "x", List.of(2L, 3L)).at(3).ok(1, List.of(2L, 3L));
    assertThat(Checks.check(r.data(), null, MINUTE).verdict()).isEqualTo(Verdict.INVALID);
  }
}
