package dev.sim.stores.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.stores.protocol.DataKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersioningTest {
  private static final VersionVector NONE = VersionVector.EMPTY;

  @Test
  void shouldLetTheLaterStampWinUnderLww() {
    LwwState early = new LwwState(DataKind.REGISTER, 100, 0, 1, 1L);
    LwwState late = new LwwState(DataKind.REGISTER, 200, 1, 1, 2L);
    assertThat(early.merge(late)).isSameAs(late);
    assertThat(late.merge(early)).isSameAs(late);
    assertThat(late.merge(late)).isSameAs(late);
    // Same clock reading: the higher node index, then the higher sequence.
    LwwState tie = new LwwState(DataKind.REGISTER, 200, 2, 1, 3L);
    assertThat(late.merge(tie).value()).isEqualTo(3L);
    assertThat(late.merge(tie).digest()).isEqualTo(tie.merge(late).digest());
    assertThat(late.siblings()).isEqualTo(1);
  }

  @Test
  void shouldKeepConcurrentRegisterWritesAsSiblingsAndReadTheLatest() {
    SiblingState base = SiblingState.write(DataKind.REGISTER, NONE, 0, 1, 100, 1L);
    // Two coordinators that both saw base write concurrently.
    SiblingState a = SiblingState.write(DataKind.REGISTER, base.context(), 1, 5, 300, 2L);
    SiblingState b = SiblingState.write(DataKind.REGISTER, base.context(), 2, 9, 200, 3L);
    KeyState ab = base.merge(a).merge(b);
    KeyState ba = b.merge(base).merge(a);
    assertThat(ab).isEqualTo(ba);
    assertThat(ab.siblings()).isEqualTo(2);
    assertThat(ab.value()).isEqualTo(2L); // the sibling with the latest timestamp
    // A write that saw both supersedes both.
    SiblingState c =
        SiblingState.write(DataKind.REGISTER, ((SiblingState) ab).context(), 0, 2, 400, 4L);
    assertThat(ab.merge(c).siblings()).isEqualTo(1);
    assertThat(ab.merge(c).value()).isEqualTo(4L);
    // Merging an old state again brings nothing back: its versions were seen and superseded.
    assertThat(ab.merge(c).merge(a).merge(base)).isEqualTo(ab.merge(c));
  }

  @Test
  void shouldDropNoConcurrentVersionWhenDeliveredInAnyOrder() {
    SiblingState w1 = SiblingState.write(DataKind.REGISTER, NONE, 0, 1, 10, 1L);
    SiblingState w2 = SiblingState.write(DataKind.REGISTER, NONE, 1, 1, 20, 2L);
    KeyState r1 = w1.merge(w2);
    KeyState r2 = w2.merge(w1);
    assertThat(r1).isEqualTo(r2);
    assertThat(r1.siblings()).isEqualTo(2);
    assertThat(r1.valueDigest()).isNotEqualTo(w2.valueDigest());
  }

  @Test
  void shouldUnionConcurrentSetAddsAndCountEveryIncrementOnce() {
    SiblingState s1 = SiblingState.write(DataKind.SET, NONE, 0, 1, 10, List.of(1L));
    SiblingState s2 = SiblingState.write(DataKind.SET, NONE, 1, 1, 10, List.of(2L));
    assertThat(s1.merge(s2).value()).isEqualTo(List.of(1L, 2L));

    SiblingState c1 =
        SiblingState.write(DataKind.COUNTER, NONE, 0, 1, 10, PnCounter.ZERO.atLeast(0, 5, 0));
    SiblingState c2 =
        SiblingState.write(DataKind.COUNTER, NONE, 1, 1, 10, PnCounter.ZERO.atLeast(1, 3, 1));
    KeyState both = c1.merge(c2);
    assertThat(both.value()).isEqualTo(7L);
    // Node 0 increments again on top of what it saw: its own entry grows, node 1's stays.
    SiblingState c3 =
        SiblingState.write(
            DataKind.COUNTER,
            ((SiblingState) both).context(),
            0,
            2,
            20,
            ((SiblingState) both).counter().atLeast(0, 6, 0));
    assertThat(both.merge(c3).value()).isEqualTo(8L);
    assertThat(both.merge(c3).merge(c1).merge(c2).value()).isEqualTo(8L);
  }

  @Test
  void shouldNotMergeStatesOfDifferentKinds() {
    LwwState set = new LwwState(DataKind.SET, 1, 0, 1, List.of(1L));
    LwwState reg = new LwwState(DataKind.REGISTER, 9, 0, 2, 5L);
    assertThat(set.merge(reg)).isSameAs(set);
  }

  @Test
  void shouldGiveEqualValuesEqualValueDigestsWhateverTheirVersions() {
    LwwState a = new LwwState(DataKind.REGISTER, 1, 0, 1, 7L);
    LwwState b = new LwwState(DataKind.REGISTER, 2, 1, 4, 7L);
    SiblingState c = SiblingState.write(DataKind.REGISTER, NONE, 2, 3, 5, 7L);
    assertThat(a.valueDigest()).isEqualTo(b.valueDigest()).isEqualTo(c.valueDigest());
    assertThat(a.digest()).isNotEqualTo(b.digest());
    assertThat(new LwwState(DataKind.REGISTER, 1, 0, 1, 8L).valueDigest())
        .isNotEqualTo(a.valueDigest());
  }

  @Test
  void shouldTrackVersionVectorsEntryWise() {
    VersionVector v = NONE.with(2, 3).with(0, 1).with(2, 1);
    assertThat(v.get(2)).isEqualTo(3);
    assertThat(v.get(0)).isEqualTo(1);
    assertThat(v.get(1)).isZero();
    assertThat(v.covers(2, 3)).isTrue();
    assertThat(v.covers(2, 4)).isFalse();
    assertThat(v.join(NONE.with(1, 5)).toString()).isEqualTo("{0:1, 1:5, 2:3}");
  }
}
