package dev.sim.stores.store;

import static dev.sim.stores.store.Rig.store;
import static dev.sim.testkit.Harness.counter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.stores.store.ScriptedClient.Outcome;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Throughput limits, capacity, and durability across crashes. */
class KvStoreLimitsTest {
  private static final DataKind SET = DataKind.SET;
  private static final DataKind REG = DataKind.REGISTER;

  @Test
  void shouldThrottleBeyondTheLimitAndApplyNothingThrottled() {
    Rig rig = new Rig(1, 3, Params.of().siblings().limit(10).build());
    for (int i = 0; i < 50; i++) {
      rig.step("c", 10.0 * i, store(1), "add", "s", (long) i, SET);
    }
    rig.step("reader", 2000, store(2), "read", "s", null, SET);
    RunResult r = rig.run(3000);
    List<Outcome> adds = rig.of("add");
    long throttled = adds.stream().filter(o -> o.reply().status() == KvStatus.THROTTLED).count();
    // A full bucket of 10, then 10 per second over the half second of adds: about 15 pass.
    assertThat(throttled).isBetween(33L, 37L);
    assertThat(counter(r, StoreMetrics.THROTTLED)).isEqualTo(throttled);
    TreeSet<Long> acked = new TreeSet<>();
    for (Outcome o : adds) {
      if (o.reply().status() == KvStatus.OK) {
        acked.add((Long) o.step().request().value());
      }
    }
    // store-2 has its own bucket: its read passes, and finds exactly the acknowledged adds.
    assertThat(rig.replyAt(2000).value()).isEqualTo(List.copyOf(acked));
  }

  @Test
  void shouldFailNewKeysOnceEveryReplicaIsFull() {
    Rig rig =
        new Rig(1, 3, Params.of().capacity(2).build())
            .step("c", 10, store(1), "write", "a", 1L, REG)
            .step("c", 20, store(1), "write", "b", 2L, REG)
            .step("c", 30, store(2), "write", "c", 3L, REG)
            .step("c", 40, store(3), "write", "a", 4L, REG)
            .step("c", 100, store(1), "read", "c", null, REG)
            .step("c", 110, store(1), "read", "a", null, REG);
    RunResult r = rig.run(300);
    KvReply full = rig.replyAt(30);
    assertThat(full.status()).isEqualTo(KvStatus.FAIL);
    assertThat(full.detail()).isEqualTo("every replica refused: replica full (capacity 2 keys)");
    assertThat(rig.replyAt(40).status()).isEqualTo(KvStatus.OK);
    assertThat(rig.replyAt(100).value()).isNull();
    assertThat(rig.replyAt(110).value()).isEqualTo(4L);
    assertThat(r.history().replicas().get(store(2))).containsOnlyKeys("a", "b");
  }

  @Test
  void shouldKeepDataAcrossCrashesAndForgetWhatWasInFlight() {
    // store-1 takes a write at 98 ms and crashes at 100 ms, before its peers' acknowledgements
    // (due at 108 ms) arrive: the client never hears back. Then every node crashes and restarts.
    Rig rig =
        new Rig(1, 3, Params.of().siblings().build())
            .step("c", 10, store(1), "write", "x", 1L, REG)
            .step("c", 93, store(1), "write", "x", 2L, REG)
            .crash(100, 200, store(1))
            .crash(300, 400, store(2))
            .crash(300, 400, store(3))
            .crash(300, 400, store(1))
            .step("c", 500, store(1), "read", "x", null, REG)
            .step("c", 600, store(1), "write", "x", 3L, REG)
            .step("c", 700, store(2), "read", "x", null, REG);
    rig.run(1000);
    assertThat(rig.replyAt(10).status()).isEqualTo(KvStatus.OK);
    assertThat(rig.outcomes).noneMatch(o -> o.step().atNanos() == 93 * Rig.MS);
    assertThat(rig.replyAt(500).value()).isEqualTo(2L);
    // store-1's write sequence survived too: its new write is a new version, superseding the
    // one it wrote before the crashes rather than colliding with it.
    KvReply last = rig.replyAt(700);
    assertThat(last.value()).isEqualTo(3L);
    assertThat(last.siblings()).isEqualTo(1);
  }
}
