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
import org.junit.jupiter.api.Test;

class KvStoreQuorumTest {
  private static final DataKind REG = DataKind.REGISTER;

  @Test
  void shouldReadBackAWriteThroughAnotherCoordinator() {
    Rig rig =
        new Rig(1, 3, Params.of().build())
            .step("c", 10, store(1), "write", "x", 42L, REG)
            .step("c", 100, store(2), "read", "x", null, REG)
            .step("c", 110, store(3), "read", "missing", null, REG);
    RunResult r = rig.run(500);
    assertThat(rig.replyAt(10).status()).isEqualTo(KvStatus.OK);
    KvReply read = rig.replyAt(100);
    assertThat(read.status()).isEqualTo(KvStatus.OK);
    assertThat(read.value()).isEqualTo(42L);
    assertThat(read.siblings()).isEqualTo(1);
    assertThat(rig.replyAt(110).value()).isNull();
    // Every replica holds the write (N = 3 of 3 nodes), and the store reported both reads.
    for (int i = 1; i <= 3; i++) {
      assertThat(Rig.replicaDigest(r, store(i), "x")).isEqualTo(Rig.digestOf(42L));
    }
    assertThat(r.history().siblingReads()).isEqualTo(2);
  }

  @Test
  void shouldAnswerAWriteOnlyOnceWReplicasHoldIt() {
    // Latency 5 ms each way: W = 1 is answered by the coordinator's own replica at once, W = 3
    // only after the two remote acknowledgements have come back (10 ms).
    Rig one =
        new Rig(1, 3, Params.of().w(1).build()).step("c", 10, store(1), "write", "x", 1L, REG);
    one.run(200);
    Rig all =
        new Rig(1, 3, Params.of().w(3).build()).step("c", 10, store(1), "write", "x", 1L, REG);
    all.run(200);
    Outcome fast = one.outcomes.get(0);
    Outcome slow = all.outcomes.get(0);
    assertThat(fast.answeredNanos() - fast.sentNanos()).isEqualTo(10 * Rig.MS);
    assertThat(slow.answeredNanos() - slow.sentNanos()).isEqualTo(20 * Rig.MS);
  }

  /** Stale reads: reads sent after a write was acknowledged that return an older value. */
  private static long staleReads(long seed, int r, int w) {
    Rig rig =
        new Rig(seed, 3, Params.of().r(r).w(w).build())
            .latency(Distributions.uniform(1 * Rig.MS, 20 * Rig.MS));
    // The writer writes 1, 2, 3, ... through store-1 every 30 ms; the reader reads through the
    // other coordinators every 3 ms.
    for (int i = 1; i <= 100; i++) {
      rig.step("writer", 30.0 * i, store(1), "write", "k", (long) i, REG);
    }
    for (int i = 0; i < 1000; i++) {
      rig.step("reader", 1 + 3.0 * i, store(2 + i % 2), "read", "k", null, REG);
    }
    rig.run(3000);
    List<Outcome> writes = rig.of("write");
    long stale = 0;
    for (Outcome read : rig.of("read")) {
      long acked = 0;
      for (Outcome wr : writes) {
        if (wr.reply().status() == KvStatus.OK && wr.answeredNanos() < read.sentNanos()) {
          acked = Math.max(acked, (Long) wr.step().request().value());
        }
      }
      Object v = read.reply().value();
      if (read.reply().status() == KvStatus.OK && (v == null ? 0 : (Long) v) < acked) {
        stale++;
      }
    }
    return stale;
  }

  @Test
  void shouldServeStaleReadsWithOneReplicaEach() {
    long total = 0;
    for (long seed = 1; seed <= 20; seed++) {
      long stale = staleReads(seed, 1, 1);
      assertThat(stale).as("seed=%d", seed).isPositive();
      total += stale;
    }
    assertThat(total).isGreaterThan(150);
  }

  @Test
  void shouldServeNoStaleReadWhenReadAndWriteQuorumsOverlap() {
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(staleReads(seed, 2, 2)).as("seed=%d R=2 W=2", seed).isZero();
      assertThat(staleReads(seed, 1, 3)).as("seed=%d R=1 W=3", seed).isZero();
    }
  }

  @Test
  void shouldCompareAndSetOnTheValueItReads() {
    Rig rig =
        new Rig(1, 3, Params.of().build())
            .step("c", 10, store(1), "write", "x", 1L, REG)
            .step("c", 100, store(2), "cas", "x", List.of(1L, 2L), REG)
            .step("c", 200, store(3), "cas", "x", List.of(1L, 3L), REG)
            .step("c", 300, store(1), "read", "x", null, REG)
            .step("c", 310, store(1), "cas", "fresh", java.util.Arrays.asList(null, 5L), REG)
            .step("c", 400, store(2), "read", "fresh", null, REG);
    rig.run(600);
    assertThat(rig.replyAt(100).status()).isEqualTo(KvStatus.OK);
    KvReply stale = rig.replyAt(200);
    assertThat(stale.status()).isEqualTo(KvStatus.FAIL);
    assertThat(stale.detail()).contains("the value read was 2");
    assertThat(rig.replyAt(300).value()).isEqualTo(2L);
    assertThat(rig.replyAt(310).status()).isEqualTo(KvStatus.OK);
    assertThat(rig.replyAt(400).value()).isEqualTo(5L);
  }

  @Test
  void shouldFailRequestsItCannotRunWithTheReason() {
    Rig rig =
        new Rig(1, 3, Params.of().build())
            .step("c", 10, store(1), "add", "x", 1L, DataKind.REGISTER)
            .step("c", 20, store(1), "delete", "x", null, DataKind.REGISTER)
            .step("c", 30, store(1), "write", "s", 1L, DataKind.REGISTER)
            .step("c", 100, store(1), "add", "s", 1L, DataKind.SET)
            .step("c", 200, store(1), "read", "s", null, DataKind.SET);
    rig.run(400);
    assertThat(rig.replyAt(10).detail()).isEqualTo("add works on a set, not a register");
    assertThat(rig.replyAt(20).detail()).startsWith("unknown operation 'delete'");
    assertThat(rig.replyAt(100).status()).isEqualTo(KvStatus.FAIL);
    assertThat(rig.replyAt(100).detail()).isEqualTo("the key holds a register");
    assertThat(rig.replyAt(200).status()).isEqualTo(KvStatus.FAIL);
  }
}
