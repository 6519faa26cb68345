package dev.sim.stores.client;

import static dev.sim.stores.client.OfflineEdits.adds;
import static dev.sim.stores.client.OfflineEdits.elements;
import static dev.sim.stores.client.OfflineEdits.finalReads;
import static dev.sim.stores.client.OfflineEdits.received;
import static dev.sim.stores.client.OfflineEdits.setEditors;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.OpType;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.client.FakeStore.Answer;
import dev.sim.stores.client.FakeStore.Put;
import dev.sim.stores.client.Histories.Pair;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What becomes of the adds a put carries when the put is not simply acknowledged: refused, unknown,
 * timed out, retried, or overtaken by a second offline period.
 */
class KvClientOfflineSyncOutcomeTest {
  /** A store that answers a put as {@code put} says and everything else OK, applying both. */
  private static FakeStore store(FakeStore.Log log, FakeStore.Policy put, long delayNanos) {
    return new FakeStore(
        (q, seen) -> q.f().equals("put") ? put.answer(q, seen) : Answer.OK,
        delayNanos,
        log,
        Put.UNION);
  }

  private static List<Pair> withType(List<Pair> pairs, OpType t) {
    return pairs.stream().filter(p -> p.is(t)).toList();
  }

  @Test
  void shouldFailTheAddsOfARefusedPutAndDropThemFromTheLocalCopy() {
    FakeStore.Log log = new FakeStore.Log();
    int[] puts = {0};
    // The first put is refused, the second (after the second offline period) acknowledged.
    FakeStore st =
        store(log, (q, seen) -> ++puts[0] == 1 ? Answer.of(KvStatus.UNAVAILABLE) : Answer.OK, 0);
    // Adds only: no read refreshes b's copy between the two periods, only the refusal can.
    KvClientParams p = setEditors(1).sets(1, 0).build();
    RunResult r = OfflineEdits.run(71, st, p, p, s(2), s(3), s(4), s(5)).run(s(8));
    OfflineEdits.assertEachCompletesOnce(r);
    List<Pair> first = adds(r, "b", s(2), s(3));
    List<Pair> second = adds(r, "b", s(4), s(5));
    assertThat(first).hasSizeGreaterThan(100).allMatch(x -> x.is(OpType.FAIL));
    assertThat(second).hasSizeGreaterThan(100).allMatch(x -> x.is(OpType.OK));
    List<KvRequest> sent = received(log, "put");
    assertThat(sent).hasSize(2);
    // The app gave up the refused edits: the next put does not bring them back.
    TreeSet<Object> secondPut = new TreeSet<>((List<?>) sent.get(1).value());
    assertThat(secondPut)
        .containsAll(elements(second))
        .doesNotContainAnyElementsOf(elements(first));
    assertThat(finalReads(r, "b", s(7)).get("s0")).doesNotContainAnyElementsOf(elements(first));
  }

  @Test
  void shouldRecordTheAddsOfAPutAnsweredUnknownAsInfo() {
    FakeStore.Log log = new FakeStore.Log();
    FakeStore st = store(log, (q, seen) -> Answer.of(KvStatus.UNKNOWN), 0);
    KvClientParams p = setEditors(1).build();
    RunResult r = OfflineEdits.run(72, st, p, p, s(2), s(4)).run(s(8));
    OfflineEdits.assertEachCompletesOnce(r);
    List<Pair> offline = adds(r, "b", s(2), s(4));
    assertThat(offline).hasSizeGreaterThan(250).allMatch(x -> x.is(OpType.INFO));
    assertThat(counter(r, "kvInfo")).isEqualTo(offline.size());
  }

  @Test
  void shouldRecordTheAddsOfAPutThatTimedOutAsInfo() {
    FakeStore.Log log = new FakeStore.Log();
    FakeStore st = store(log, (q, seen) -> Answer.SILENT_APPLIED, 0);
    KvClientParams p = setEditors(1).build();
    RunResult r = OfflineEdits.run(73, st, p, p, s(2), s(4)).run(s(8));
    OfflineEdits.assertEachCompletesOnce(r);
    List<Pair> offline = adds(r, "b", s(2), s(4));
    assertThat(offline).hasSizeGreaterThan(250).allMatch(x -> x.is(OpType.INFO));
    // After the whole timeout, with no retry configured: one try only.
    assertThat(offline).allMatch(x -> x.completion().time() == s(4) + ms(100));
    assertThat(received(log, "put")).hasSize(1);
  }

  @Test
  void shouldRetryAPutLikeTheAddsItCarries() {
    FakeStore.Log log = new FakeStore.Log();
    int[] puts = {0};
    FakeStore st = store(log, (q, seen) -> ++puts[0] == 1 ? Answer.SILENT : Answer.OK, 0);
    KvClientParams p = setEditors(1).retries(2, ms(1)).build();
    RunResult r = OfflineEdits.run(74, st, p, p, s(2), s(4)).run(s(8));
    OfflineEdits.assertEachCompletesOnce(r);
    List<Pair> offline = adds(r, "b", s(2), s(4));
    assertThat(offline).hasSizeGreaterThan(250).allMatch(x -> x.is(OpType.OK));
    assertThat(offline).allMatch(x -> x.completion().time() > s(4) + ms(100));
    assertThat(received(log, "put")).hasSize(2);
    assertThat(counter(r, "offlineSyncs")).isEqualTo(1);
    assertThat(counter(r, "kvRetries")).isPositive();
  }

  @Test
  void shouldCallTheAddsOfARefusedPutInfoWhenAnEarlierPutAlreadyCarriedThem() {
    FakeStore.Log log = new FakeStore.Log();
    int[] puts = {0};
    // Answers take 50 ms. b is back at 3 s and sends its put; the second cut at 3.02 s swallows
    // the answer, so the put times out offline and waits to be retried. The adds b makes from
    // then on go into a second put. At 3.5 s the first put's retry carries the whole copy, those
    // adds included, and is acknowledged; the second put, sent after it, is refused every try.
    FakeStore st =
        store(
            log, (q, seen) -> ++puts[0] >= 3 ? Answer.of(KvStatus.UNAVAILABLE) : Answer.OK, ms(50));
    KvClientParams p = setEditors(1).retries(3, ms(1)).build();
    RunResult r = OfflineEdits.run(75, st, p, p, s(2), s(3), s(3) + ms(20), s(3.5)).run(s(8));
    OfflineEdits.assertEachCompletesOnce(r);
    // The first put's two tries, then the second put's four (a refusal is retried too).
    assertThat(received(log, "put")).hasSize(6);
    List<Pair> first = adds(r, "b", s(2), s(3));
    assertThat(first).hasSizeGreaterThan(100).allMatch(x -> x.is(OpType.OK));
    List<Pair> second = adds(r, "b", s(3) + ms(20), s(3.5));
    assertThat(second).hasSizeGreaterThan(50);
    // Their own put was refused, but the store holds them: fail would be a lie, info is honest.
    assertThat(withType(second, OpType.INFO)).hasSameSizeAs(second);
    assertThat(log.sets.get("s0")).containsAll(elements(second));
  }
}
