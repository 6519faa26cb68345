package dev.sim.stores.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The local copy of a set: the last value read, plus the own adds that read may not reflect. */
class LocalSetsTest {
  private static Operation add(long seq, String key, long element) {
    return new Operation(seq, OpKind.SET_ADD, key, element, 0, null);
  }

  @Test
  void shouldBeTheLastReadPlusTheOwnAddsAcknowledgedAfterThatReadWasMade() {
    LocalSets sets = new LocalSets();
    // Add 7 acked when 2 operations had been invoked, add 8 when 5 had.
    sets.acked("s0", 7, 2);
    sets.acked("s0", 8, 5);
    // Read number 4 returned [1, 2]: made after 7 was acked, so it speaks for 7 (the store lost
    // it, and the app believes the store); made before 8 was acked, so 8 stays.
    sets.read("s0", List.of(1L, 2L), 4);
    assertThat(sets.elements("s0")).containsExactly(1L, 2L, 8L);
  }

  @Test
  void shouldIgnoreAReadOlderThanTheOneItAlreadyApplied() {
    LocalSets sets = new LocalSets();
    sets.read("s0", List.of(1L, 2L, 3L), 9);
    sets.read("s0", List.of(1L), 6);
    assertThat(sets.elements("s0")).containsExactly(1L, 2L, 3L);
  }

  @Test
  void shouldKeepOfflineEditsThroughAReadUntilTheyAreSyncedOrDropped() {
    LocalSets sets = new LocalSets();
    Operation a = add(3, "s0", 30);
    Operation b = add(4, "s0", 40);
    sets.edit(a);
    sets.edit(b);
    sets.read("s0", List.of(1L), 5);
    assertThat(sets.elements("s0")).containsExactly(1L, 30L, 40L);
    assertThat(sets.pending("s0")).containsExactly(a, b);
    sets.acked("s0", 30, 6);
    sets.discard("s0", 40);
    assertThat(sets.elements("s0")).containsExactly(1L, 30L);
    assertThat(sets.pending("s0")).isEmpty();
    assertThat(sets.elements("s1")).isEmpty();
  }
}
