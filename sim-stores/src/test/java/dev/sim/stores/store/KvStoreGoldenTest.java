package dev.sim.stores.store;

import static dev.sim.stores.store.Rig.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.protocol.DataKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden runs: their event counts and trace hashes are pinned, so a change that alters what a store
 * does, event for event, shows here. The values were taken from the store as it was before replica
 * operations had a service time: with the default instant service the store must still run exactly
 * as it did. A deliberate change of behaviour updates them, and says why in its commit. Tagged
 * golden, so CI runs it on JDK 25 as well.
 */
@Tag("golden")
class KvStoreGoldenTest {
  private static final DataKind REG = DataKind.REGISTER;
  private static final DataKind SET = DataKind.SET;

  /** A partition, sloppy quorum with hints, siblings, anti-entropy, a limit, random latency. */
  private static RunResult partitioned(Params p) {
    Rig rig =
        new Rig(7, 5, p.sloppy().siblings().antiEntropyMs(300).limit(50).build())
            .latency(Distributions.uniform(1 * Rig.MS, 10 * Rig.MS))
            .partition(100, 1500, store(1), "a");
    for (int i = 0; i < 40; i++) {
      rig.step("a", 200 + 10 * i, store(1), "write", "k" + (i % 4), (long) i, REG);
      rig.step("b", 200 + 10 * i, store(2 + i % 4), "add", "s", 100L + i, SET);
    }
    for (int i = 0; i < 4; i++) {
      rig.step("b", 2500 + 10 * i, store(3), "read", "k" + i, null, REG);
    }
    return rig.run(4000);
  }

  /** Last-writer-wins with a skewed clock, a strict PW, a crash and restart. */
  private static RunResult crashed() {
    Rig rig =
        new Rig(3, 3, Params.of().w(3).pw(2).build())
            .latency(Distributions.uniform(1 * Rig.MS, 20 * Rig.MS))
            .skew(store(2), 300)
            .crash(400, 900, store(3));
    for (int i = 0; i < 50; i++) {
      rig.step("c", 20.0 * i, store(1 + i % 3), "write", "x", (long) i, REG);
      rig.step("d", 5 + 20.0 * i, store(1 + (i + 1) % 3), "read", "x", null, REG);
      rig.step("e", 7 + 20.0 * i, store(1 + (i + 2) % 3), "add", "s", (long) i, SET);
    }
    return rig.run(2000);
  }

  @Test
  void shouldRunThePartitionedStoreEventForEventAsBefore() {
    RunResult r = partitioned(Params.of());
    assertThat(r.events() + " " + r.traceHash()).isEqualTo("849 fba430ae724c9e6d");
    // An explicit 0s service is instant too, whatever the workers and queue limit say.
    RunResult zero = partitioned(Params.of().serviceMs(0).workers(2).queueLimit(0));
    assertThat(zero.traceHash()).isEqualTo(r.traceHash());
  }

  @Test
  void shouldRunTheCrashedStoreEventForEventAsBefore() {
    RunResult r = crashed();
    assertThat(r.events() + " " + r.traceHash()).isEqualTo("1350 fe93915530b65950");
  }
}
