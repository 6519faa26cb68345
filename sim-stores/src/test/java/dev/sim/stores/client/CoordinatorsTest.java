package dev.sim.stores.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.random.Rng;
import dev.sim.stores.client.KvClientParams.Coordinator;
import org.junit.jupiter.api.Test;

/** Which store member coordinates a try. */
class CoordinatorsTest {
  private static final int[] MEMBERS = {10, 11, 12};

  @Test
  void shouldAlwaysPickTheFixedMemberModuloTheGroupSize() {
    Coordinators c = new Coordinators(MEMBERS, Coordinator.FIXED, 4, 0.05, new Rng(1));
    for (int i = 0; i < 100; i++) {
      assertThat(c.id(c.pick())).isEqualTo(11);
    }
  }

  @Test
  void shouldSpreadRandomPicksEvenly() {
    Coordinators c = new Coordinators(MEMBERS, Coordinator.RANDOM, 0, 0.05, new Rng(2));
    int[] n = new int[3];
    for (int i = 0; i < 30_000; i++) {
      n[c.pick()]++;
    }
    for (int k : n) {
      assertThat(k / 30_000.0).isCloseTo(1 / 3.0, within(0.015));
    }
  }

  @Test
  void shouldPreferTheFastestMemberAndExploreTheOthersNowAndThen() {
    Coordinators c = new Coordinators(MEMBERS, Coordinator.NEAREST, 0, 0.1, new Rng(3));
    long[] latency = {5_000_000, 1_000_000, 9_000_000};
    int[] n = new int[3];
    for (int i = 0; i < 10_000; i++) {
      int m = c.pick();
      n[m]++;
      c.observe(m, latency[m]);
    }
    assertThat(n[1] / 10_000.0).isCloseTo(0.9, within(0.02));
    assertThat(n[0]).isPositive();
    assertThat(n[2]).isPositive();
    assertThat(c.estimateNanos(1)).isCloseTo(1_000_000, within(1.0));
  }

  @Test
  void shouldMoveAwayFromAMemberThatStartsTimingOut() {
    Coordinators c = new Coordinators(MEMBERS, Coordinator.NEAREST, 0, 0.05, new Rng(4));
    long[] latency = {1_000_000, 2_000_000, 3_000_000};
    for (int i = 0; i < 100; i++) {
      int m = c.pick();
      c.observe(m, latency[m]);
    }
    assertThat(c.pick()).isEqualTo(0);
    // Member 0 now times out after 100 ms each time.
    latency[0] = 100_000_000;
    int[] n = new int[3];
    for (int i = 0; i < 1000; i++) {
      int m = c.pick();
      n[m]++;
      c.observe(m, latency[m]);
    }
    assertThat(n[1]).isGreaterThan(800);
    assertThat(n[0]).isLessThan(100);
  }
}
