package dev.sim.stores.store;

import static dev.sim.stores.store.Rig.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.random.Distributions;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code put}: a client's whole copy of a set, as an offline app sends it on reconnect. */
class KvStorePutTest {
  private static final DataKind SET = DataKind.SET;

  /**
   * Client b adds 1 and 2, then goes offline with its copy {1, 2}. Meanwhile a adds 7, through
   * another coordinator, and is acknowledged. Back online, b puts its edited copy: 2 removed, 3
   * added, 7 never seen.
   */
  private static Rig offlineEdit(long seed, Params p) {
    return new Rig(seed, 3, p.build())
        .latency(Distributions.uniform(1 * Rig.MS, 10 * Rig.MS))
        .step("b", 10, store(2), "add", "s", 1L, SET)
        .step("b", 50, store(2), "add", "s", 2L, SET)
        .step("a", 200, store(1), "add", "s", 7L, SET)
        .step("b", 400, store(3), "put", "s", List.of(3L, 1L, 3L), SET)
        .step("c", 600, store(2), "read", "s", null, SET);
  }

  @Test
  void shouldLoseAnAcknowledgedAddToAPutUnderLww() {
    for (long seed = 1; seed <= 20; seed++) {
      Rig rig = offlineEdit(seed, Params.of());
      rig.run(1000);
      assertThat(rig.replyAt(200).status()).as("seed=%d", seed).isEqualTo(KvStatus.OK);
      KvReply put = rig.replyAt(400);
      assertThat(put.status()).isEqualTo(KvStatus.OK);
      assertThat(put.value())
          .as("the value written, as the set keeps it")
          .isEqualTo(List.of(1L, 3L));
      // The put replaced the set: a's acknowledged 7 is gone, and so is the 2 b removed.
      assertThat(rig.replyAt(600).value()).as("seed=%d", seed).isEqualTo(List.of(1L, 3L));
    }
  }

  @Test
  void shouldKeepBothSidesEditsUnderSiblings() {
    for (long seed = 1; seed <= 20; seed++) {
      Rig rig = offlineEdit(seed, Params.of().siblings());
      rig.run(1000);
      assertThat(rig.replyAt(200).status()).isEqualTo(KvStatus.OK);
      assertThat(rig.replyAt(400).status()).isEqualTo(KvStatus.OK);
      assertThat(rig.replyAt(400).value()).isEqualTo(List.of(1L, 3L));
      // Merged as a grow-only set: a's 7 and b's 3 both survive; b cannot remove its 2.
      assertThat(rig.replyAt(600).value()).as("seed=%d", seed).isEqualTo(List.of(1L, 2L, 3L, 7L));
    }
  }

  @Test
  void shouldKeepConcurrentPutsThroughDifferentCoordinatorsAsSiblings() {
    Rig rig =
        new Rig(1, 3, Params.of().siblings().w(1).r(3).build())
            .partition(0, 500, store(1), "a")
            .step("a", 100, store(1), "put", "s", List.of(1L, 2L), SET)
            .step("b", 100, store(2), "put", "s", List.of(1L, 3L), SET)
            .step("c", 1000, store(3), "read", "s", null, SET);
    rig.run(1500);
    KvReply read = rig.replyAt(1000);
    assertThat(read.siblings()).isEqualTo(2);
    assertThat(read.value()).isEqualTo(List.of(1L, 2L, 3L));
  }

  @Test
  void shouldRefuseAPutThatIsNotASetOfWholeNumbers() {
    Rig rig =
        new Rig(1, 3, Params.of().build())
            .step("c", 10, store(1), "put", "r", List.of(1L), DataKind.REGISTER)
            .step("c", 20, store(1), "put", "s", 5L, SET)
            .step("c", 30, store(1), "put", "s", List.of(1L, "x"), SET)
            .step("c", 40, store(1), "remove", "s", 1L, SET)
            .step("c", 50, store(1), "put", "s", List.of(), SET)
            .step("c", 100, store(1), "read", "s", null, SET);
    rig.run(300);
    assertThat(rig.replyAt(10).detail()).isEqualTo("put works on a set, not a register");
    assertThat(rig.replyAt(20).detail())
        .isEqualTo("put takes the set's elements as a list of whole numbers, found 5");
    assertThat(rig.replyAt(30).detail())
        .isEqualTo("put takes the set's elements as a list of whole numbers, found [1, x]");
    assertThat(rig.replyAt(40).detail())
        .isEqualTo("unknown operation 'remove': expected read, write, cas, add, incr or put");
    for (double at : new double[] {10, 20, 30, 40}) {
      assertThat(rig.replyAt(at).status()).isEqualTo(KvStatus.FAIL);
    }
    // An empty copy is a set too.
    assertThat(rig.replyAt(50).status()).isEqualTo(KvStatus.OK);
    assertThat(rig.replyAt(100).value()).isEqualTo(List.of());
  }
}
