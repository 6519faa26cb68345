package dev.sim.stores.client;

import static dev.sim.stores.client.OfflineEdits.adds;
import static dev.sim.stores.client.OfflineEdits.elements;
import static dev.sim.stores.client.OfflineEdits.finalReads;
import static dev.sim.stores.client.OfflineEdits.received;
import static dev.sim.stores.client.OfflineEdits.setEditors;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.max;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.OpType;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.client.FakeStore.Answer;
import dev.sim.stores.client.FakeStore.Put;
import dev.sim.stores.client.Histories.Pair;
import dev.sim.stores.client.KvClientParams.OfflineSync;
import dev.sim.stores.protocol.KvRequest;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code offlineSync}: two clients add to the same set while one of them ({@code b}) is offline
 * from 2 s to 4 s. With {@code put} (the default) {@code b} uploads its local copy on reconnect,
 * and the store's handling of a put decides whether {@code a}'s edits of the meantime survive; with
 * {@code replay} its adds are sent one by one and nothing is lost. The workload stops at 6 s and
 * both clients read every key back at 7 s.
 */
class KvClientOfflineSyncTest {
  static final long OFF = s(2);
  static final long ON = s(4);
  static final long FINAL = s(7);

  private static RunResult run(long seed, FakeStore.Log log, Put put, KvClientParams p) {
    FakeStore store = new FakeStore((q, seen) -> Answer.OK, 0, log, put);
    return OfflineEdits.run(seed, store, p, p, OFF, ON).run(s(8));
  }

  @Test
  void shouldSyncEachSetEditedOfflineWithOnePutOfItsLocalCopyOnReconnect() {
    FakeStore.Log log = new FakeStore.Log();
    RunResult r = run(61, log, Put.UNION, setEditors(2).build());
    OfflineEdits.assertEachCompletesOnce(r);
    List<Pair> offline = adds(r, "b", OFF, ON);
    // Two users, a turn every 10 ms, 80% adds: some 320 adds made offline, over both keys.
    assertThat(offline).hasSizeGreaterThan(250);
    List<KvRequest> puts = received(log, "put");
    assertThat(puts).extracting(KvRequest::key).containsExactlyInAnyOrder("s0", "s1");
    assertThat(counter(r, "offlineSyncs")).isEqualTo(2);
    assertThat(counter(r, "offlineQueued")).isEqualTo(offline.size());
    for (KvRequest put : puts) {
      List<Pair> ofKey = offline.stream().filter(p -> p.invoke().key().equals(put.key())).toList();
      // The put carries every add the user made offline to that set, on top of what b knew.
      assertThat(new TreeSet<Object>((List<?>) put.value())).containsAll(elements(ofKey));
      // Each of those adds completes ok, all at once: when the put's answer came back.
      assertThat(ofKey).allMatch(p -> p.is(OpType.OK));
      assertThat(ofKey.stream().map(p -> p.completion().time()).distinct()).hasSize(1);
      assertThat(ofKey.get(0).completion().time()).isGreaterThan(ON);
    }
    // Not one of the offline adds reached the store as an add of its own.
    TreeSet<Long> sentAsAdds = new TreeSet<>();
    received(log, "add").forEach(q -> sentAsAdds.add((Long) q.value()));
    assertThat(sentAsAdds).doesNotContainAnyElementsOf(elements(offline));
  }

  @Test
  void shouldLoseTheOtherClientsAcknowledgedAddsWhenTheStoreReplacesTheSetOnPut() {
    FakeStore.Log log = new FakeStore.Log();
    // One key: b's put goes at 4 s, before any read b makes online can refresh its copy.
    RunResult r = run(62, log, Put.REPLACE, setEditors(1).build());
    OfflineEdits.assertEachCompletesOnce(r);
    List<Pair> aMeanwhile = adds(r, "a", OFF, ON).stream().filter(p -> p.is(OpType.OK)).toList();
    assertThat(aMeanwhile).hasSizeGreaterThan(250);
    List<Pair> bOffline = adds(r, "b", OFF, ON);
    assertThat(bOffline).isNotEmpty().allMatch(p -> p.is(OpType.OK));
    List<Pair> aAfter = adds(r, "a", ON + ms(1), s(6));
    for (String reader : List.of("a", "b")) {
      TreeSet<Long> s0 = finalReads(r, reader, FINAL).get("s0");
      // The store acknowledged every one of a's adds, and b's put wiped them all out...
      assertThat(s0).doesNotContainAnyElementsOf(elements(aMeanwhile));
      // ...keeping b's offline edits and what a added once the put was in.
      assertThat(s0).containsAll(elements(bOffline));
      assertThat(s0).containsAll(elements(aAfter));
    }
  }

  @Test
  void shouldKeepBothClientsAddsWhenTheStoreMergesAPutByUnion() {
    FakeStore.Log log = new FakeStore.Log();
    RunResult r = run(62, log, Put.UNION, setEditors(1).build());
    OfflineEdits.assertEachCompletesOnce(r);
    List<Pair> okAdds =
        Histories.withF(Histories.pairs(r), "add").stream().filter(p -> p.is(OpType.OK)).toList();
    List<Pair> aMeanwhile = adds(r, "a", OFF, ON).stream().filter(p -> p.is(OpType.OK)).toList();
    assertThat(aMeanwhile).hasSizeGreaterThan(250);
    assertThat(received(log, "put")).hasSize(1);
    for (String reader : List.of("a", "b")) {
      assertThat(finalReads(r, reader, FINAL).get("s0")).containsAll(elements(okAdds));
    }
  }

  @Test
  void shouldReplayTheQueuedAddsOneByOneWithOfflineSyncReplay() {
    FakeStore.Log log = new FakeStore.Log();
    // The store replaces on put, and it does not matter: replay sends no put.
    KvClientParams p = setEditors(1).offlineSync(OfflineSync.REPLAY).build();
    RunResult r = run(62, log, Put.REPLACE, p);
    OfflineEdits.assertEachCompletesOnce(r);
    assertThat(received(log, "put")).isEmpty();
    assertThat(counter(r, "offlineSyncs")).isZero();
    List<Pair> bOffline = adds(r, "b", OFF, ON);
    assertThat(bOffline).hasSizeGreaterThan(250).allMatch(x -> x.is(OpType.OK));
    // Each completes on its own answer, one round trip after the one before.
    assertThat(bOffline.stream().map(x -> x.completion().time()).distinct())
        .hasSize(bOffline.size());
    TreeSet<Long> sentAsAdds = new TreeSet<>();
    received(log, "add").forEach(q -> sentAsAdds.add((Long) q.value()));
    assertThat(sentAsAdds).containsAll(elements(bOffline));
    List<Pair> okAdds =
        Histories.withF(Histories.pairs(r), "add").stream().filter(x -> x.is(OpType.OK)).toList();
    assertThat(finalReads(r, "a", FINAL).get("s0")).containsAll(elements(okAdds));
  }

  @Test
  void shouldStillSendQueuedRegisterWritesAsWritesAlongsideTheSetPuts() {
    FakeStore.Log log = new FakeStore.Log();
    KvClientParams p =
        setEditors(2)
            .mix(
                new KvClientParams.Mix(
                    new KvClientParams.RegisterShares(0, 0.5, 0),
                    new KvClientParams.SetShares(0.5, 0),
                    null))
            .build();
    RunResult r = run(63, log, Put.REPLACE, p);
    OfflineEdits.assertEachCompletesOnce(r);
    List<Pair> writes =
        Histories.pairs(r).stream()
            .filter(x -> x.invoke().node().equals("b") && x.invoke().f().equals("write"))
            .filter(x -> x.invoke().time() >= OFF && x.invoke().time() < ON)
            .toList();
    assertThat(writes).hasSizeGreaterThan(100).allMatch(x -> x.is(OpType.OK));
    TreeSet<Long> sentAsWrites = new TreeSet<>();
    received(log, "write").forEach(q -> sentAsWrites.add((Long) q.value()));
    assertThat(sentAsWrites).containsAll(elements(writes));
    assertThat(received(log, "put")).hasSize(2);
    // The queue's gauge counts operations of the history: each write, and each add a put carries.
    int queued = writes.size() + adds(r, "b", OFF, ON).size();
    assertThat(max(gauge(r, "b", "offlineQueue").max())).isEqualTo(queued);
    assertThat(counter(r, "offlineQueued")).isEqualTo(queued);
  }
}
