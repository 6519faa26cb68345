package dev.sim.stores.client;

import static dev.sim.stores.client.Histories.pairs;
import static dev.sim.stores.client.Histories.withF;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.max;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.OpType;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.network.Network;
import dev.sim.stores.client.Histories.Pair;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offline periods: the network cut and the node told, as the {@code offline} fault does it, here
 * from the harness so that the test can watch each step.
 */
class KvClientOfflineTest {
  static final KvClientType TYPE = new KvClientType();
  static final long OFF = s(2);
  static final long ON = s(4);

  /** A store and one client, the client offline from 2 s to 4 s. */
  static Harness offlineRun(long seed, FakeStore.Log log, KvClientParams params) {
    return offlineRun(seed, log, params, 0);
  }

  /** The same with a store that answers {@code delayNanos} after each request arrives. */
  static Harness offlineRun(long seed, FakeStore.Log log, KvClientParams params, long delayNanos) {
    Harness h = Harness.seed(seed);
    Network net =
        Network.builder()
            .latencyNanos(Distributions.constant(ms(1)))
            .build(h.configure().streams());
    h.transport(net);
    h.node(
        "store", "store", () -> new FakeStore((q, seen) -> FakeStore.Answer.OK, delayNanos, log));
    h.add("client", 1, TYPE, params);
    long[] handle = new long[1];
    h.at(
        OFF,
        "offline client",
        () -> {
          handle[0] = net.partition(new int[][] {{h.id("client")}});
          h.controls("client").setOffline(true);
        });
    h.at(
        ON,
        "online client",
        () -> {
          net.heal(handle[0]);
          h.controls("client").setOffline(false);
        });
    return h;
  }

  private static boolean invokedOffline(Pair p) {
    return p.invoke().time() >= OFF && p.invoke().time() < ON;
  }

  @Test
  void shouldQueueWritesMadeOfflineAndCompleteThemWhenTheStoreAcknowledgesThemAfterReconnect() {
    FakeStore.Log log = new FakeStore.Log();
    KvClientParams p =
        KvSpecs.closed(2, Distributions.constant(ms(10))).registers(0.5, 0.5, 0).build();
    RunResult r = offlineRun(31, log, p).run(s(6));
    Histories.assertWellFormed(r);
    List<Pair> offline = pairs(r).stream().filter(KvClientOfflineTest::invokedOffline).toList();
    List<Pair> writes = withF(offline, "write");
    List<Pair> reads = withF(offline, "read");
    // The users kept working while offline: two users, a turn every ~10 ms.
    assertThat(offline.size()).isBetween(350, 400);
    // Writes: invoked when made, ok only once the store acknowledged them after reconnect.
    assertThat(writes).isNotEmpty().allMatch(w -> w.is(OpType.OK));
    assertThat(writes).allMatch(w -> w.completion().time() > ON);
    assertThat(counter(r, "offlineQueued")).isEqualTo(writes.size());
    assertThat(max(gauge(r, "client", "offlineQueue").max())).isPositive();
    // Reads: failed at once, since nothing can be read offline.
    assertThat(reads).isNotEmpty().allMatch(x -> x.is(OpType.FAIL));
    assertThat(reads).allMatch(x -> x.completion().time() == x.invoke().time());
  }

  @Test
  void shouldSendTheQueuedWritesOneAtATimeInTheOrderTheyWereMade() {
    FakeStore.Log log = new FakeStore.Log();
    // 3 users, a write each per 10 ms: 600 writes made offline, synced in 1.2 s.
    KvClientParams p = KvSpecs.closed(3, Distributions.constant(ms(10))).registers(0, 1, 0).build();
    RunResult r = offlineRun(32, log, p).run(s(6));
    List<Long> made = new ArrayList<>();
    for (Pair w : withF(pairs(r), "write")) {
      if (invokedOffline(w)) {
        made.add((Long) w.invoke().value());
      }
    }
    List<Long> arrived = new ArrayList<>();
    List<Long> at = new ArrayList<>();
    for (int i = 0; i < log.received.size(); i++) {
      KvRequest q = log.received.get(i);
      if (made.contains((Long) q.value())) {
        arrived.add((Long) q.value());
        at.add(log.receivedAt.get(i));
      }
    }
    assertThat(arrived).isEqualTo(made);
    // One at a time: each 2 ms (a round trip) after the one before.
    for (int i = 1; i < at.size(); i++) {
      assertThat(at.get(i) - at.get(i - 1)).isEqualTo(ms(2));
    }
    assertThat(max(gauge(r, "client", "offlineQueue").max())).isPositive();
  }

  @Test
  void shouldMoveAUserWhoseWriteWasQueuedToANewProcess() {
    KvClientParams p = KvSpecs.closed(1, Distributions.constant(ms(10))).registers(0, 1, 0).build();
    RunResult r = offlineRun(33, new FakeStore.Log(), p).run(s(6));
    List<Pair> offline = pairs(r).stream().filter(KvClientOfflineTest::invokedOffline).toList();
    // One user, every write queued: each on a process of its own, overlapping the next ones.
    assertThat(offline.stream().map(w -> w.invoke().process()).distinct().count())
        .isEqualTo(offline.size());
    assertThat(offline).hasSizeGreaterThan(150);
  }

  @Test
  void shouldResendAnIdempotentWriteCaughtInFlightByTheCutAfterReconnect() {
    // The store takes 20 ms, so about 4 writes are in flight at 2 s. They time out offline and
    // their retries wait in the queue, before the writes made offline after them.
    KvClientParams p =
        KvSpecs.open(200).registers(0, 1, 0).timeout(ms(100)).retries(2, ms(1)).build();
    RunResult r = offlineRun(34, new FakeStore.Log(), p, ms(20)).run(s(15));
    Histories.assertWellFormed(r);
    List<Pair> writes = pairs(r).stream().filter(x -> x.completion() != null).toList();
    assertThat(writes).allMatch(w -> w.is(OpType.OK));
    List<Pair> caught =
        writes.stream().filter(w -> w.invoke().time() < OFF && w.completion().time() > ON).toList();
    assertThat(caught).isNotEmpty();
    assertThat(counter(r, "kvRetries")).isGreaterThanOrEqualTo(caught.size());
  }

  @Test
  void shouldRecordAnIncrementCaughtInFlightByTheCutAsUnknown() {
    KvClientParams p =
        KvSpecs.open(200)
            .mix(new KvClientParams.Mix(null, null, new KvClientParams.CounterShares(1, 0)))
            .timeout(ms(100))
            .build();
    RunResult r = offlineRun(35, new FakeStore.Log(), p, ms(20)).run(s(15));
    List<Pair> caught =
        pairs(r).stream()
            .filter(x -> x.invoke().time() < OFF && x.invoke().time() > OFF - ms(21))
            .toList();
    assertThat(caught).isNotEmpty().allMatch(x -> x.is(OpType.INFO));
    // Increments made offline are queued and applied once back online.
    assertThat(pairs(r).stream().filter(KvClientOfflineTest::invokedOffline))
        .isNotEmpty()
        .allMatch(x -> x.is(OpType.OK) && x.completion().time() > ON);
  }

  @Test
  void shouldKeepOfferingAnOpenLoopWhileOffline() {
    KvClientParams p = KvSpecs.constant(100).registers(0.5, 0.5, 0).build();
    RunResult r = offlineRun(36, new FakeStore.Log(), p).run(s(6));
    long offline = pairs(r).stream().filter(KvClientOfflineTest::invokedOffline).count();
    assertThat(offline).isEqualTo(200);
    assertThat(counter(r, "droppedArrivals")).isZero();
  }
}
