package dev.sim.check.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Operations;
import dev.sim.check.Rec;
import org.junit.jupiter.api.Test;

class RegisterFiguresTest {
  private static RegisterFigures.Result figures(Rec r) {
    return RegisterFigures.compute("x", Operations.pair(r.ops()));
  }

  @Test
  void shouldFindNothingInAHistoryWhereEveryReadSeesTheLatestWrite() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "read", null).at(3).ok(1, 1L);
    r.at(4).inv(0, "write", 2L).at(5).ok(0, 2L);
    r.at(6).inv(1, "read", null).at(7).ok(1, 2L);
    RegisterFigures.Result f = figures(r);
    assertThat(f.staleReads()).isZero();
    assertThat(f.lost()).isEmpty();
  }

  @Test
  void shouldCountAReadOfAnOlderValueAfterANewerWriteCompletedAsStale() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "write", 2L).at(3).ok(0, 2L);
    r.at(4).inv(1, "read", null).at(5).ok(1, 1L);
    r.at(6).inv(1, "read", null).at(7).ok(1, 2L);
    RegisterFigures.Result f = figures(r);
    assertThat(f.staleReads()).isEqualTo(1);
    // Write 2 was read again afterwards: stale, not lost.
    assertThat(f.lost()).isEmpty();
  }

  @Test
  void shouldCountNotFoundAfterAnAcknowledgedWriteAsStale() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "read", null).at(3).ok(1, null);
    assertThat(figures(r).staleReads()).isEqualTo(1);
    assertThat(figures(r).lost()).extracting(LostWrite::value).containsExactly(1L);
  }

  @Test
  void shouldCallAWriteLostWhenTheStoreWentBackToAnOlderValueForGoodWithTimes() {
    // The clock-skew story: write 1 through a coordinator whose clock is ahead wins over write 2.
    Rec r = new Rec(3);
    r.at(0).inv(0, "write", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "write", 2L).at(3).ok(1, 2L);
    r.at(4).inv(2, "read", null).at(5).ok(2, 2L);
    r.at(10).inv(2, "read", null).at(11).ok(2, 1L);
    r.at(12).inv(2, "read", null).at(13).ok(2, 1L);
    RegisterFigures.Result f = figures(r);
    assertThat(f.lost()).hasSize(1);
    LostWrite l = f.lost().get(0);
    assertThat(l.value()).isEqualTo(2L);
    assertThat(l.key()).isEqualTo("x");
    assertThat(l.writtenNanos()).isEqualTo(3_000_000L);
    assertThat(l.lostNanos()).isEqualTo(10_000_000L);
    assertThat(f.staleReads()).isEqualTo(2);
  }

  @Test
  void shouldNotCallAWriteLostWhenANewerOrConcurrentWriteSupersededIt() {
    Rec r = new Rec(3);
    r.at(0).inv(0, "write", 1L);
    r.at(1).inv(1, "write", 2L);
    r.at(2).ok(0, 1L);
    r.at(3).ok(1, 2L);
    // Concurrent writes: either order is fine, so reading 1 afterwards loses nothing.
    r.at(4).inv(2, "read", null).at(5).ok(2, 1L);
    r.at(6).inv(0, "write", 3L).at(7).ok(0, 3L);
    r.at(8).inv(2, "read", null).at(9).ok(2, 3L);
    RegisterFigures.Result f = figures(r);
    assertThat(f.lost()).isEmpty();
    assertThat(f.staleReads()).isZero();
  }

  @Test
  void shouldNotTreatAValueOfAnInfoWriteAsDefinitelyOlder() {
    Rec r = new Rec(3);
    r.at(0).inv(0, "write", 1L).at(1).info(0, null);
    r.at(2).inv(1, "write", 2L).at(3).ok(1, 2L);
    // The info write may have taken effect after write 2: reading 1 is no proof of loss.
    r.at(4).inv(2, "read", null).at(5).ok(2, 1L);
    RegisterFigures.Result f = figures(r);
    assertThat(f.lost()).isEmpty();
    assertThat(f.staleReads()).isZero();
  }

  @Test
  void shouldTreatAnOkCasAsAWriteOfItsNewValue() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "cas", java.util.List.of(1L, 5L)).at(3).ok(0, java.util.List.of(1L, 5L));
    r.at(4).inv(1, "read", null).at(5).ok(1, 1L);
    RegisterFigures.Result f = figures(r);
    assertThat(f.staleReads()).isEqualTo(1);
    assertThat(f.lost()).extracting(LostWrite::value).containsExactly(5L);
  }
}
