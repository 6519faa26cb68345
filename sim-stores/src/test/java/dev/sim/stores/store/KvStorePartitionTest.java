package dev.sim.stores.store;

import static dev.sim.stores.store.Rig.digestOf;
import static dev.sim.stores.store.Rig.replicaDigest;
import static dev.sim.stores.store.Rig.store;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.max;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partitions: unknown and unavailable answers, hinted handoff, read repair, anti-entropy. */
class KvStorePartitionTest {
  private static final DataKind REG = DataKind.REGISTER;
  private static final List<String> FIVE =
      List.of("store-1", "store-2", "store-3", "store-4", "store-5");

  @Test
  void shouldAnswerUnknownNotFailWhenPwIsMissedAfterSomeReplicasStoredIt() {
    // PW = 3 with store-3 cut off: the first write reaches store-1 and store-2, which store it,
    // and times out on store-3. It must not be FAIL (Riak's classic trap): it is stored.
    Rig rig =
        new Rig(1, 3, Params.of().w(3).pw(3).build())
            .partition(0, 5000, store(3))
            .step("c", 100, store(1), "write", "x", 7L, REG)
            .step("c", 400, store(1), "write", "x", 8L, REG);
    RunResult r = rig.run(1000);
    KvReply first = rig.replyAt(100);
    assertThat(first.status()).isEqualTo(KvStatus.UNKNOWN);
    assertThat(first.detail())
        .isEqualTo("2 replicas (2 primaries) hold it, short of W = 3, PW = 3; it may still spread");
    assertThat(replicaDigest(r, store(1), "x")).isEqualTo(digestOf(7L));
    assertThat(replicaDigest(r, store(2), "x")).isEqualTo(digestOf(7L));
    assertThat(replicaDigest(r, store(3), "x")).isNull();
    // By then store-3 is suspected: the second write is refused up front and applied nowhere.
    KvReply second = rig.replyAt(400);
    assertThat(second.status()).isEqualTo(KvStatus.UNAVAILABLE);
    assertThat(second.detail())
        .isEqualTo("2 replicas (2 primaries) reachable; a write needs 3 (3 primaries)");
    assertThat(counter(r, StoreMetrics.UNKNOWN)).isEqualTo(1);
    assertThat(counter(r, StoreMetrics.UNAVAILABLE)).isEqualTo(1);
    assertThat(counter(r, StoreMetrics.FAIL)).isZero();
  }

  @Test
  void shouldRefuseReadsThatCannotReachRReplicas() {
    Rig rig =
        new Rig(1, 3, Params.of().r(3).build())
            .partition(0, 5000, store(3))
            .step("c", 100, store(1), "read", "x", null, REG)
            .step("c", 300, store(1), "read", "x", null, REG);
    rig.run(600);
    assertThat(rig.replyAt(100).status()).isEqualTo(KvStatus.UNAVAILABLE);
    assertThat(rig.replyAt(100).detail()).contains("answered within replicaTimeout");
    assertThat(rig.replyAt(300).status()).isEqualTo(KvStatus.UNAVAILABLE);
    assertThat(rig.replyAt(300).detail()).contains("reachable");
  }

  /** Key k's walk on the five-node ring, as store instance names. */
  private static List<String> walk(String key) {
    List<String> out = new ArrayList<>();
    for (int i : new Ring(FIVE, 32).walk(key)) {
      out.add(FIVE.get(i));
    }
    return out;
  }

  private static Rig handoffRig(boolean sloppy, boolean crashFallback) {
    List<String> w = walk("k");
    Params p = Params.of().w(2);
    if (sloppy) {
      p.sloppy();
    }
    Rig rig =
        new Rig(1, 5, p.build())
            .windowsMs(100)
            .partition(100, 2000, w.get(1), w.get(2))
            .step("c", 200, w.get(0), "write", "k", 1L, REG)
            .step("c", 600, w.get(0), "write", "k", 2L, REG);
    if (crashFallback) {
      rig.crash(1000, 1500, w.get(3));
    }
    return rig;
  }

  @Test
  void shouldKeepWritingThroughFallbacksAndHandTheHintsOffAfterTheHeal() {
    List<String> w = walk("k");
    for (boolean crash : new boolean[] {false, true}) {
      Rig rig = handoffRig(true, crash);
      RunResult r = rig.run(4000);
      // Two primaries cut off: the first write waits out the replica timeout, then fallbacks
      // stand in and acknowledge; the second goes to the fallbacks at once.
      assertThat(rig.replyAt(200).status()).isEqualTo(KvStatus.OK);
      assertThat(rig.replyAt(600).status()).isEqualTo(KvStatus.OK);
      var second = rig.outcomes.get(1);
      assertThat(second.answeredNanos() - second.sentNanos()).isEqualTo(20 * Rig.MS);
      // The fallbacks held hints (durably: a crash of one loses none), and handed them off once
      // the primaries were back; every primary ends with the last write.
      assertThat(max(gauge(r, w.get(3), StoreMetrics.HINTS).max())).isEqualTo(1);
      assertThat(counter(r, StoreMetrics.HANDOFFS)).as("crash=%s", crash).isEqualTo(2);
      for (int i = 0; i < 3; i++) {
        assertThat(replicaDigest(r, w.get(i), "k")).as(w.get(i)).isEqualTo(digestOf(2L));
      }
      for (int i = 3; i < 5; i++) {
        double[] pending = gauge(r, w.get(i), StoreMetrics.HINTS).max();
        assertThat(pending[pending.length - 1]).isZero();
        assertThat(replicaDigest(r, w.get(i), "k")).isNull();
      }
    }
  }

  @Test
  void shouldNotCountFallbacksTowardsPrimaryReads() {
    List<String> w = walk("k");
    Rig rig =
        new Rig(1, 5, Params.of().sloppy().pr(2).build())
            .partition(100, 2000, w.get(1), w.get(2))
            .step("c", 200, w.get(0), "read", "k", null, REG)
            .step("c", 600, w.get(0), "read", "k", null, REG);
    rig.run(1000);
    // Fallbacks answer and make R = 2, but only one primary did: no read.
    assertThat(rig.replyAt(200).status()).isEqualTo(KvStatus.UNAVAILABLE);
    assertThat(rig.replyAt(200).detail())
        .isEqualTo(
            "3 replicas (1 primary) answered within replicaTimeout; a read needs 2 (2 primaries)");
    KvReply second = rig.replyAt(600);
    assertThat(second.status()).isEqualTo(KvStatus.UNAVAILABLE);
    assertThat(second.detail())
        .isEqualTo("3 replicas (1 primary) reachable; a read needs 2 (2 primaries)");
  }

  @Test
  void shouldNotCountFallbacksWithoutASloppyQuorum() {
    Rig rig = handoffRig(false, false);
    RunResult r = rig.run(4000);
    assertThat(rig.replyAt(200).status()).isEqualTo(KvStatus.UNKNOWN);
    assertThat(rig.replyAt(600).status()).isEqualTo(KvStatus.UNAVAILABLE);
    assertThat(counter(r, StoreMetrics.HANDOFFS)).isZero();
  }

  private static Rig repairRig(Params p) {
    return new Rig(1, 3, p.build())
        .windowsMs(100)
        .partition(0, 500, store(3))
        .step("c", 100, store(1), "write", "x", 1L, REG)
        .step("c", 110, store(1), "write", "y", 2L, REG)
        .step("c", 2000, store(1), "read", "x", null, REG);
  }

  @Test
  void shouldRepairAStaleReplicaOnRead() {
    RunResult r = repairRig(Params.of()).run(3000);
    assertThat(counter(r, StoreMetrics.READ_REPAIRS)).isEqualTo(1);
    assertThat(replicaDigest(r, store(3), "x")).isEqualTo(digestOf(1L));
    // Nobody read y: it stays missing on store-3 without anti-entropy.
    assertThat(replicaDigest(r, store(3), "y")).isNull();

    RunResult off = repairRig(Params.of().noReadRepair()).run(3000);
    assertThat(counter(off, StoreMetrics.READ_REPAIRS)).isZero();
    assertThat(replicaDigest(off, store(3), "x")).isNull();
  }

  private static Rig entropyRig(Params p) {
    Rig rig = new Rig(2, 3, p.build()).windowsMs(100).partition(0, 1000, store(3));
    for (int i = 0; i < 20; i++) {
      rig.step("c", 100 + 10 * i, store(1 + i % 2), "write", "key-" + i, (long) i, REG);
    }
    return rig;
  }

  @Test
  void shouldConvergeReplicasAfterAPartitionByAntiEntropy() {
    RunResult r = entropyRig(Params.of().antiEntropyMs(200)).run(3000);
    for (int i = 0; i < 20; i++) {
      String key = "key-" + i;
      for (int s = 1; s <= 3; s++) {
        assertThat(replicaDigest(r, store(s), key))
            .as(store(s) + " " + key)
            .isEqualTo(digestOf((long) i));
      }
    }
    assertThat(counter(r, StoreMetrics.AE_REPAIRS)).isEqualTo(20);
    double[] divergent = gauge(r, store(3), StoreMetrics.DIVERGENT).max();
    assertThat(max(divergent)).isEqualTo(20);
    assertThat(divergent[divergent.length - 1]).isZero();

    RunResult off = entropyRig(Params.of()).run(3000);
    assertThat(off.history().replicas().get(store(3))).isEmpty();
    assertThat(counter(off, StoreMetrics.AE_REPAIRS)).isZero();
  }
}
