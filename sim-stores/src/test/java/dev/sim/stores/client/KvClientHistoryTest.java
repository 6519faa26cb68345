package dev.sim.stores.client;

import static dev.sim.stores.client.Histories.pairs;
import static dev.sim.stores.client.Histories.withF;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.requests;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.client.FakeStore.Answer;
import dev.sim.stores.client.Histories.Pair;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.testkit.Harness;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a kv-client writes in the history: one invoke and one completion per operation. */
class KvClientHistoryTest {
  static final KvClientType TYPE = new KvClientType();

  static Harness withStore(long seed, FakeStore.Policy policy, long delay, FakeStore.Log log) {
    return Harness.seed(seed)
        .latency(ms(1))
        .node("store", "store", () -> new FakeStore(policy, delay, log));
  }

  /** Answers from the request id: OK, FAIL, THROTTLED, UNAVAILABLE, UNKNOWN, or none. */
  static Answer assorted(long id) {
    return switch ((int) (id % 6)) {
      case 0 -> Answer.OK;
      case 1 -> Answer.of(KvStatus.FAIL);
      case 2 -> Answer.of(KvStatus.THROTTLED);
      case 3 -> Answer.of(KvStatus.UNAVAILABLE);
      case 4 -> Answer.of(KvStatus.UNKNOWN);
      default -> Answer.SILENT_APPLIED;
    };
  }

  @Test
  void shouldKeepTheHistoryWellFormedWhateverTheStoreAnswers() {
    FakeStore.Log log = new FakeStore.Log();
    RunResult r =
        withStore(1, (q, seen) -> assorted(q.id()), 0, log)
            .add("clients", 3, TYPE, KvSpecs.closed(4, null).everything().build())
            .run(s(5));
    Histories.assertWellFormed(r);
    List<Pair> ops = pairs(r);
    assertThat(ops).hasSizeGreaterThan(500);
    // Every status showed up, so every mapping was exercised.
    assertThat(ops.stream().filter(p -> p.is(OpType.OK)).count()).isPositive();
    assertThat(ops.stream().filter(p -> p.is(OpType.FAIL)).count()).isPositive();
    assertThat(ops.stream().filter(p -> p.is(OpType.INFO)).count()).isPositive();
    // 12 users: at most 12 outstanding at the end, one per user.
    assertThat(ops.stream().filter(p -> p.completion() == null).count()).isLessThanOrEqualTo(12);
    assertThat(counter(r, "kvOk") + counter(r, "kvFail") + counter(r, "kvInfo"))
        .isEqualTo(ops.stream().filter(p -> p.completion() != null).count());
  }

  @Test
  void shouldMapEachStatusToItsHistoryOutcome() {
    for (KvStatus status : KvStatus.values()) {
      RunResult r =
          withStore(2, (q, seen) -> Answer.of(status), 0, new FakeStore.Log())
              .add("client", 1, TYPE, KvSpecs.closed(1, null).registers(0.5, 0.5, 0).build())
              .run(s(1));
      OpType expected =
          switch (status) {
            case OK -> OpType.OK;
            case FAIL, THROTTLED, UNAVAILABLE -> OpType.FAIL;
            case UNKNOWN -> OpType.INFO;
          };
      List<Pair> done = pairs(r).stream().filter(p -> p.completion() != null).toList();
      assertThat(done).as("%s", status).hasSizeGreaterThan(100);
      assertThat(done).as("%s", status).allMatch(p -> p.type() == expected);
    }
  }

  @Test
  void shouldRecordATimedOutWriteAsInfoAndATimedOutReadAsFail() {
    RunResult r =
        withStore(3, (q, seen) -> Answer.SILENT, 0, new FakeStore.Log())
            .add(
                "client",
                1,
                TYPE,
                KvSpecs.closed(2, null).registers(0.5, 0.4, 0.1).timeout(ms(50)).build())
            .run(s(3));
    Histories.assertWellFormed(r);
    List<Pair> ops = pairs(r).stream().filter(p -> p.completion() != null).toList();
    assertThat(withF(ops, "read")).isNotEmpty().allMatch(p -> p.is(OpType.FAIL));
    assertThat(withF(ops, "write")).isNotEmpty().allMatch(p -> p.is(OpType.INFO));
    assertThat(withF(ops, "cas")).isNotEmpty().allMatch(p -> p.is(OpType.INFO));
    // Each completion came one timeout after its invoke.
    assertThat(ops).allMatch(p -> p.completion().time() - p.invoke().time() == ms(50));
    assertThat(requests(r).totals().timedOut()).isEqualTo(ops.size());
  }

  @Test
  void shouldMoveAUserToANewProcessAfterInfoAndKeepItAfterOkOrFail() {
    RunResult r =
        withStore(4, (q, seen) -> assorted(q.id()), 0, new FakeStore.Log())
            .add("client", 1, TYPE, KvSpecs.closed(1, null).registers(0.5, 0.5, 0).build())
            .run(s(2));
    List<Pair> ops = pairs(r);
    // One user, so operations follow each other; each starts on the process of the one before
    // unless that one ended info.
    for (int i = 1; i < ops.size(); i++) {
      Pair prev = ops.get(i - 1);
      Pair next = ops.get(i);
      assertThat(next.invoke().time()).isGreaterThanOrEqualTo(prev.completion().time());
      if (prev.is(OpType.INFO)) {
        assertThat(next.invoke().process()).isNotEqualTo(prev.invoke().process());
      } else {
        assertThat(next.invoke().process()).isEqualTo(prev.invoke().process());
      }
    }
    assertThat(ops.stream().filter(p -> p.is(OpType.INFO)).count()).isGreaterThan(10);
  }

  @Test
  void shouldGiveEveryWriteAValueUniqueInTheRun() {
    RunResult r =
        withStore(5, (q, seen) -> Answer.OK, 0, new FakeStore.Log())
            .add("clients", 3, TYPE, KvSpecs.open(300).everything().build())
            .add("more", 2, TYPE, KvSpecs.closed(3, null).everything().build())
            .run(s(3));
    Set<Long> seen = new HashSet<>();
    int writes = 0;
    for (Op op : Histories.ops(r)) {
      if (!op.isInvoke()) {
        continue;
      }
      Long v =
          switch (op.f()) {
            case "write", "add" -> op.longValue();
            case "cas" -> (Long) ((List<?>) op.value()).get(1);
            default -> null;
          };
      if (v != null) {
        writes++;
        assertThat(seen.add(v)).as("value %d written twice", v).isTrue();
      }
    }
    assertThat(writes).isGreaterThan(1000);
  }

  @Test
  void shouldCompareAndSetFromAValueTheClientSawForThatKey() {
    RunResult r =
        withStore(6, (q, seen) -> Answer.OK, 0, new FakeStore.Log())
            .add(
                "client", 1, TYPE, KvSpecs.closed(1, null).registers(0.3, 0.3, 0.4).keys(3).build())
            .run(s(2));
    Set<String> keyWithValue = new HashSet<>();
    int casFromSeen = 0;
    for (Pair p : pairs(r)) {
      Op inv = p.invoke();
      if (inv.f().equals("cas")) {
        Object old = ((List<?>) inv.value()).get(0);
        if (old == null) {
          assertThat(keyWithValue)
              .as("cas from null after a value was seen")
              .doesNotContain(inv.key());
        } else {
          casFromSeen++;
        }
        // With one user and an honest store a cas from the latest value succeeds.
      }
      if (p.is(OpType.OK) && (inv.f().equals("write") || inv.f().equals("cas"))) {
        keyWithValue.add(inv.key());
      }
    }
    assertThat(casFromSeen).isGreaterThan(50);
    List<Pair> cas = withF(pairs(r), "cas");
    assertThat(cas.stream().filter(p -> p.is(OpType.OK)).count()).isPositive();
    assertThat(cas.stream().filter(p -> p.is(OpType.FAIL)).count()).isPositive();
  }

  @Test
  void shouldSendTheKindOfDataEachKeyHoldsAndKeepKeysApartByKind() {
    FakeStore.Log log = new FakeStore.Log();
    withStore(7, (q, seen) -> Answer.OK, 0, log)
        .add(
            "client",
            1,
            TYPE,
            KvSpecs.closed(2, Distributions.constant(ms(1))).everything().build())
        .run(s(2));
    assertThat(log.received).hasSizeGreaterThan(100);
    assertThat(log.received)
        .allMatch(
            q ->
                switch (q.kind()) {
                  case REGISTER ->
                      q.key().startsWith("r") && List.of("read", "write", "cas").contains(q.f());
                  case SET -> q.key().startsWith("s") && List.of("read", "add").contains(q.f());
                  case COUNTER ->
                      q.key().startsWith("c") && List.of("read", "incr").contains(q.f());
                });
    assertThat(log.received).anyMatch(q -> q.f().equals("incr") && q.value().equals(1L));
  }
}
