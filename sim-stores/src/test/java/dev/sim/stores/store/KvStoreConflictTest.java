package dev.sim.stores.store;

import static dev.sim.stores.store.Rig.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.stores.store.ScriptedClient.Outcome;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Conflicts: last-writer-wins by a skewed local clock against siblings. */
class KvStoreConflictTest {
  private static final DataKind SET = DataKind.SET;
  private static final DataKind REG = DataKind.REGISTER;

  /** Acknowledged adds missing from the final read, for one run. */
  private static long lostAdds(long seed, Params p, long skewMs) {
    Rig rig = new Rig(seed, 3, p.build()).latency(Distributions.uniform(1 * Rig.MS, 10 * Rig.MS));
    if (skewMs != 0) {
      rig.skew(store(3), skewMs);
    }
    // Two clients take turns adding unique elements to one set through different coordinators,
    // 50 ms apart: about enough for one read-modify-write to end before the next begins.
    for (int i = 0; i < 30; i++) {
      rig.step("a", 100.0 * i, store(1), "add", "s", 1000L + i, SET);
      rig.step("b", 50 + 100.0 * i, store(3), "add", "s", 2000L + i, SET);
    }
    rig.step("reader", 3000, store(2), "read", "s", null, SET);
    rig.run(4000);
    KvReply read = rig.replyAt(3000);
    assertThat(read.status()).isEqualTo(KvStatus.OK);
    @SuppressWarnings("unchecked")
    TreeSet<Long> found = new TreeSet<>((List<Long>) read.value());
    long lost = 0;
    for (Outcome o : rig.of("add")) {
      // Every add was acknowledged: the logs say ok.
      assertThat(o.reply().status()).isEqualTo(KvStatus.OK);
      if (!found.contains((Long) o.step().request().value())) {
        lost++;
      }
    }
    assertThat(rig.of("add")).hasSize(60);
    return lost;
  }

  @Test
  void shouldLoseAcknowledgedAddsUnderLwwWithAClockAheadAndKeepThemAllAsSiblings() {
    for (long seed = 1; seed <= 20; seed++) {
      // store-1 stamps its adds up to 500 ms behind store-3's last one, so once store-3 has
      // written, almost every add through store-1 is acknowledged and then loses.
      assertThat(lostAdds(seed, Params.of(), 500))
          .as("lww, store-3 500 ms ahead, seed=%d", seed)
          .isGreaterThanOrEqualTo(20);
      // Taking turns, with true clocks, last-writer-wins loses nothing here...
      assertThat(lostAdds(seed, Params.of(), 0)).as("lww, true clocks, seed=%d", seed).isZero();
      // ...and siblings lose nothing even with the skew.
      assertThat(lostAdds(seed, Params.of().siblings(), 500)).as("siblings seed=%d", seed).isZero();
    }
  }

  private static Rig sequentialWrites(Params p, long skewMs) {
    Rig rig = new Rig(1, 3, p.build());
    if (skewMs != 0) {
      rig.skew(store(3), skewMs);
    }
    // One client, one write at a time, each after the previous was acknowledged.
    return rig.step("c", 100, store(3), "write", "x", 1L, REG)
        .step("c", 200, store(1), "write", "x", 2L, REG)
        .step("c", 400, store(2), "read", "x", null, REG);
  }

  @Test
  void shouldLetTheFastClockWinOverALaterAcknowledgedWrite() {
    Rig skewed = sequentialWrites(Params.of(), 500);
    skewed.run(600);
    assertThat(skewed.replyAt(200).status()).isEqualTo(KvStatus.OK);
    assertThat(skewed.replyAt(400).value()).isEqualTo(1L);

    Rig straight = sequentialWrites(Params.of(), 0);
    straight.run(600);
    assertThat(straight.replyAt(400).value()).isEqualTo(2L);

    Rig siblings = sequentialWrites(Params.of().siblings(), 500);
    siblings.run(600);
    assertThat(siblings.replyAt(400).value()).isEqualTo(2L);
    assertThat(siblings.replyAt(400).siblings()).isEqualTo(1);
  }

  private static Rig splitBrain(Params p) {
    // store-1 alone on one side, W = 1: both sides accept a write to x.
    return new Rig(1, 3, p.w(1).r(3).build())
        .partition(0, 500, store(1), "a")
        .step("a", 100, store(1), "write", "x", 1L, REG)
        .step("b", 100, store(2), "write", "x", 2L, REG)
        .step("c", 2000, store(3), "read", "x", null, REG)
        .step("c", 2100, store(3), "write", "x", 3L, REG)
        .step("c", 2200, store(1), "read", "x", null, REG);
  }

  @Test
  void shouldKeepConcurrentWritesAsSiblingsUntilAWriteThatSawBoth() {
    Rig rig = splitBrain(Params.of().siblings());
    RunResult r = rig.run(3000);
    KvReply read = rig.replyAt(2000);
    assertThat(read.siblings()).isEqualTo(2);
    // Both were written at 105 ms by their coordinators' clocks; the tie goes to store-2.
    assertThat(read.value()).isEqualTo(2L);
    KvReply after = rig.replyAt(2200);
    assertThat(after.value()).isEqualTo(3L);
    assertThat(after.siblings()).isEqualTo(1);
    assertThat(r.history().siblingsMax()).isEqualTo(2);
    assertThat(r.history().siblingReads()).isEqualTo(2);

    Rig lww = splitBrain(Params.of());
    RunResult l = lww.run(3000);
    assertThat(lww.replyAt(2000).siblings()).isEqualTo(1);
    assertThat(l.history().siblingsMax()).isEqualTo(1);
  }

  @Test
  void shouldCountEveryIncrementThroughEveryCoordinatorInSiblingsMode() {
    for (Params p : List.of(Params.of().siblings(), Params.of())) {
      Rig rig = new Rig(3, 3, p.build()).latency(Distributions.uniform(1 * Rig.MS, 20 * Rig.MS));
      for (int i = 0; i < 30; i++) {
        rig.step("a", 10.0 * i, store(1), "incr", "n", 1L, DataKind.COUNTER);
        rig.step("b", 10.0 * i, store(2), "incr", "n", 2L, DataKind.COUNTER);
        rig.step("d", 10.0 * i, store(3), "incr", "n", -1L, DataKind.COUNTER);
      }
      rig.step("reader", 2000, store(1), "read", "n", null, DataKind.COUNTER);
      rig.run(3000);
      long ok = rig.of("incr").stream().filter(o -> o.reply().status() == KvStatus.OK).count();
      Object count = rig.replyAt(2000).value();
      if (p.conflicts == KvStoreParams.Conflicts.SIBLINGS) {
        assertThat(ok).isEqualTo(90);
        assertThat(count).isEqualTo(30L * (1 + 2 - 1));
      } else {
        assertThat((Long) count).isLessThan(60L); // concurrent read-modify-writes clobber
      }
    }
  }
}
