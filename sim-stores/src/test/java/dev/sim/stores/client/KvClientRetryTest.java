package dev.sim.stores.client;

import static dev.sim.stores.client.Histories.pairs;
import static dev.sim.stores.client.Histories.withF;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.requests;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.components.client.ClientParams;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.client.FakeStore.Answer;
import dev.sim.stores.client.Histories.Pair;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.testkit.Harness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries: idempotent operations only, each retried operation one operation in the history. */
class KvClientRetryTest {
  static final KvClientType TYPE = new KvClientType();

  static Harness withStore(long seed, FakeStore.Policy policy, FakeStore.Log log) {
    return Harness.seed(seed)
        .latency(ms(1))
        .node("store", "store", () -> new FakeStore(policy, 0, log));
  }

  @Test
  void shouldRetryThrottledWritesAndRecordEachOnceAsOk() {
    FakeStore.Log log = new FakeStore.Log();
    // The first two tries of every write are throttled, the third is accepted.
    RunResult r =
        withStore(11, (q, seen) -> seen < 2 ? Answer.of(KvStatus.THROTTLED) : Answer.OK, log)
            .add(
                "client",
                1,
                TYPE,
                KvSpecs.closed(3, null).registers(0, 1, 0).retries(3, ms(5)).build())
            .run(s(3));
    Histories.assertWellFormed(r);
    List<Pair> writes = withF(pairs(r), "write");
    List<Pair> done = writes.stream().filter(p -> p.completion() != null).toList();
    assertThat(done).hasSizeGreaterThan(100).allMatch(p -> p.is(OpType.OK));
    for (Pair p : done) {
      assertThat(log.count("write", p.invoke().value())).isEqualTo(3);
    }
    assertThat(counter(r, "kvRetries")).isBetween(2L * done.size(), 2L * writes.size());
    assertThat(requests(r).totals().attempts()).isBetween(3L * done.size(), 3L * writes.size());
    assertThat(requests(r).totals().offered()).isEqualTo(writes.size());
  }

  @Test
  void shouldNeverRetryACasOrAnIncrement() {
    FakeStore.Log log = new FakeStore.Log();
    RunResult r =
        withStore(12, (q, seen) -> Answer.of(KvStatus.UNAVAILABLE), log)
            .add(
                "client",
                1,
                TYPE,
                KvSpecs.closed(2, null)
                    .mix(
                        new KvClientParams.Mix(
                            new KvClientParams.RegisterShares(0.25, 0.25, 0.25),
                            null,
                            new KvClientParams.CounterShares(0.25, 0)))
                    .retries(2, ms(2))
                    .build())
            .run(s(2));
    for (Pair p : pairs(r)) {
      if (p.completion() == null) {
        continue;
      }
      assertThat(p.type()).isEqualTo(OpType.FAIL);
    }
    long cas = log.received.stream().filter(q -> q.f().equals("cas")).count();
    long incr = log.received.stream().filter(q -> q.f().equals("incr")).count();
    assertThat(cas).isEqualTo(withF(pairs(r), "cas").size());
    assertThat(incr).isEqualTo(withF(pairs(r), "incr").size());
    long writes = log.received.stream().filter(q -> q.f().equals("write")).count();
    assertThat(writes).isGreaterThan(2L * withF(pairs(r), "write").size());
  }

  @Test
  void shouldLeaveAWriteUnknownWhenAnEarlierTryMayHaveBeenAppliedThoughTheLastFailed() {
    // Try 1 times out (it may have been applied), tries 2 and 3 are refused: the write is info.
    RunResult r =
        withStore(
                13,
                (q, seen) -> seen == 0 ? Answer.SILENT_APPLIED : Answer.of(KvStatus.UNAVAILABLE),
                new FakeStore.Log())
            .add(
                "client",
                1,
                TYPE,
                KvSpecs.closed(1, null)
                    .registers(0, 1, 0)
                    .timeout(ms(20))
                    .retries(2, ms(1))
                    .build())
            .run(s(2));
    List<Pair> done = pairs(r).stream().filter(p -> p.completion() != null).toList();
    assertThat(done).hasSizeGreaterThan(20).allMatch(p -> p.is(OpType.INFO));
  }

  @Test
  void shouldFailAReadWhoseEveryTryTimedOut() {
    FakeStore.Log log = new FakeStore.Log();
    RunResult r =
        withStore(14, (q, seen) -> Answer.SILENT, log)
            .add(
                "client",
                1,
                TYPE,
                KvSpecs.closed(1, null)
                    .registers(1, 0, 0)
                    .timeout(ms(20))
                    .retries(2, ms(1))
                    .build())
            .run(s(2));
    List<Pair> done = pairs(r).stream().filter(p -> p.completion() != null).toList();
    assertThat(done).hasSizeGreaterThan(10).allMatch(p -> p.is(OpType.FAIL));
    assertThat(log.received).hasSizeGreaterThanOrEqualTo(3 * done.size());
  }

  @Test
  void shouldTakeALateOkOfAnEarlierTryAsTheOperationsOutcome() {
    FakeStore.Log log = new FakeStore.Log();
    // The store answers each write's first try OK after 30ms, past the 20ms timeout; the retry
    // gets no answer. The late OK completes the write, once.
    Harness h =
        Harness.seed(15)
            .latency(ms(1))
            .node(
                "store",
                "store",
                () ->
                    new FakeStore((q, seen) -> seen == 0 ? Answer.OK : Answer.SILENT, ms(30), log));
    RunResult r =
        h.add(
                "client",
                1,
                TYPE,
                KvSpecs.closed(1, null)
                    .registers(0, 1, 0)
                    .timeout(ms(20))
                    .retries(3, ms(1))
                    .build())
            .run(s(2));
    Histories.assertWellFormed(r);
    List<Pair> done = pairs(r).stream().filter(p -> p.completion() != null).toList();
    assertThat(done).hasSizeGreaterThan(20).allMatch(p -> p.is(OpType.OK));
    // 1 ms out, 30 ms in the store, 1 ms back: answered 32 ms after the invoke, after a retry.
    assertThat(done).allMatch(p -> p.completion().time() - p.invoke().time() == ms(32));
    // One retry each (and perhaps one for the write still open at the end).
    assertThat(counter(r, "kvRetries")).isBetween((long) done.size(), done.size() + 1L);
  }

  @Test
  void shouldIgnoreALateRefusalOfATryThatAlreadyTimedOut() {
    FakeStore.Log log = new FakeStore.Log();
    // Every answer comes 30 ms after the request, past the 20 ms timeout: the refusal of try 1
    // arrives while the client waits 50 ms to retry, and must not schedule a second retry.
    RunResult r =
        Harness.seed(17)
            .latency(ms(1))
            .node(
                "store",
                "store",
                () -> new FakeStore((q, seen) -> Answer.of(KvStatus.THROTTLED), ms(30), log))
            .add(
                "client",
                1,
                TYPE,
                KvSpecs.closed(1, null)
                    .registers(0, 1, 0)
                    .timeout(ms(20))
                    .retry(
                        new ClientParams.Retry(
                            1,
                            ClientParams.BackoffShape.CONSTANT,
                            ms(50),
                            0,
                            ClientParams.Jitter.NONE))
                    .build())
            .run(s(2));
    List<Pair> done = pairs(r).stream().filter(p -> p.completion() != null).toList();
    assertThat(done).hasSizeGreaterThan(10);
    for (Pair p : done) {
      assertThat(log.count("write", p.invoke().value())).isEqualTo(2);
      // Try 1 timed out (it may have been applied): unknown, though try 2 was refused.
      assertThat(p.type()).isEqualTo(OpType.INFO);
      // Sent, timed out at 20 ms, retried at 70 ms, timed out at 90 ms.
      assertThat(p.completion().time() - p.invoke().time()).isEqualTo(ms(90));
    }
  }

  @Test
  void shouldSendEveryTryToTheStoreAsTheSameOperation() {
    FakeStore.Log log = new FakeStore.Log();
    withStore(16, (q, seen) -> seen < 1 ? Answer.of(KvStatus.THROTTLED) : Answer.OK, log)
        .add("client", 1, TYPE, KvSpecs.closed(1, null).mix(setAdds()).retries(1, ms(1)).build())
        .run(s(1));
    // Each add went twice with the same element and a new request id.
    for (int i = 0; i + 1 < log.received.size(); i += 2) {
      KvRequest a = log.received.get(i);
      KvRequest b = log.received.get(i + 1);
      assertThat(b.value()).isEqualTo(a.value());
      assertThat(b.key()).isEqualTo(a.key());
      assertThat(b.id()).isNotEqualTo(a.id());
    }
  }

  private static KvClientParams.Mix setAdds() {
    return new KvClientParams.Mix(null, new KvClientParams.SetShares(1, 0), null);
  }
}
