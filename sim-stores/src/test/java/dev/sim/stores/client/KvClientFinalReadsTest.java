package dev.sim.stores.client;

import static dev.sim.stores.client.Histories.pairs;
import static dev.sim.stores.client.Histories.withF;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeControls;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.client.FakeStore.Answer;
import dev.sim.stores.client.Histories.Pair;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.testkit.Harness;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The final-read phase, and an application that does not check the store's answers. */
class KvClientFinalReadsTest {
  static final KvClientType TYPE = new KvClientType();

  @Test
  void shouldStopThenReadBackEveryKeyItUsedBeforeTheRunEnds() {
    FakeStore.Log log = new FakeStore.Log();
    RunResult r =
        Harness.seed(41)
            .latency(ms(1))
            .node("store", "store", () -> FakeStore.echo(log))
            .add(
                "clients", 2, TYPE, KvSpecs.open(200).everything().keys(6).finalReads(s(2)).build())
            .run(s(10));
    Histories.assertWellFormed(r);
    List<Pair> ops = pairs(r);
    // The workload stops at 8 s; the final reads go at 9 s.
    List<Pair> late = ops.stream().filter(p -> p.invoke().time() >= s(8)).toList();
    assertThat(late).allMatch(p -> p.invoke().time() == s(9) && p.invoke().f().equals("read"));
    assertThat(late).allMatch(p -> p.is(OpType.OK));
    for (String client : List.of("clients-1", "clients-2")) {
      Set<String> used = new TreeSet<>();
      Set<String> readBack = new TreeSet<>();
      Set<Integer> processes = new HashSet<>();
      for (Pair p : ops) {
        if (!client.equals(p.invoke().node())) {
          continue;
        }
        if (p.invoke().time() < s(8)) {
          used.add(p.invoke().key());
        } else {
          readBack.add(p.invoke().key());
          processes.add(p.invoke().process());
        }
      }
      assertThat(used).hasSize(18);
      assertThat(readBack).isEqualTo(used);
      // Each on a process of its own.
      assertThat(processes).hasSize(18);
    }
    // The final reads see what the store holds: the last write of each register.
    for (Pair p : late) {
      if (p.invoke().key().startsWith("r")) {
        assertThat(p.completion().value()).isEqualTo(log.registers.get(p.invoke().key()));
      }
    }
  }

  @Test
  void shouldRefuseFinalReadsWithoutKnowingTheEndOfTheRun() {
    KvClientParams p = KvSpecs.open(10).finalReads(s(2)).build();
    BuildContext noEnd = BuildContext.of("client", "client", 0, new NodeControls());
    RunResult r =
        Harness.seed(42)
            .latency(ms(1))
            .node("store", "store", () -> FakeStore.echo(new FakeStore.Log()))
            .node("client", "client", () -> TYPE.create(p, noEnd))
            .runAllowingFailure(s(5));
    assertThat(r.failure()).isNotNull();
    assertThat(r.stopDetail()).contains("finalReads needs the end of the run");
  }

  @Test
  void shouldRecordEveryThrottledWriteOkWhenTheApplicationIgnoresTheAnswers() {
    FakeStore.Log log = new FakeStore.Log();
    // A store over its limit: every write is refused and nothing is applied; reads work.
    FakeStore.Policy throttled =
        (q, seen) -> q.f().equals("read") ? Answer.OK : Answer.of(KvStatus.THROTTLED);
    RunResult r =
        Harness.seed(43)
            .latency(ms(1))
            .node("store", "store", () -> new FakeStore(throttled, 0, log))
            .add(
                "workers",
                2,
                TYPE,
                KvSpecs.open(100)
                    .mix(new KvClientParams.Mix(null, new KvClientParams.SetShares(1, 0), null))
                    .keys(3)
                    .checkAnswers(false)
                    .retries(3, ms(5))
                    .finalReads(s(2))
                    .build())
            .run(s(10));
    Histories.assertWellFormed(r);
    List<Pair> adds = withF(pairs(r), "add");
    // The application's view: every record written, no retry, no failure.
    assertThat(adds).hasSizeGreaterThan(1400).allMatch(p -> p.is(OpType.OK));
    assertThat(counter(r, "recordsWritten")).isEqualTo(adds.size());
    assertThat(counter(r, "kvRetries")).isZero();
    assertThat(counter(r, "kvFail")).isZero();
    // The store holds none of them, and the final reads say so.
    assertThat(log.sets).isEmpty();
    List<Pair> reads = withF(pairs(r), "read");
    assertThat(reads).hasSize(6).allMatch(p -> p.is(OpType.OK));
    assertThat(reads).allMatch(p -> ((List<?>) p.completion().value()).isEmpty());
  }

  @Test
  void shouldCountOnlyAcknowledgedWritesWhenTheApplicationChecksTheAnswers() {
    FakeStore.Policy halfThrottled =
        (q, seen) -> q.id() % 2 == 0 ? Answer.OK : Answer.of(KvStatus.THROTTLED);
    RunResult r =
        Harness.seed(44)
            .latency(ms(1))
            .node("store", "store", () -> new FakeStore(halfThrottled, 0, new FakeStore.Log()))
            .add("workers", 1, TYPE, KvSpecs.open(100).registers(0, 1, 0).build())
            .run(s(10));
    long ok = pairs(r).stream().filter(p -> p.is(OpType.OK)).count();
    long fail = pairs(r).stream().filter(p -> p.is(OpType.FAIL)).count();
    assertThat(counter(r, "recordsWritten")).isEqualTo(ok);
    assertThat(fail).isGreaterThan(400);
    assertThat(Harness.requests(r).totals().rejected()).isEqualTo(fail);
  }

  @Test
  void shouldReadBackTheKeysUsedBeforeACrashAfterARestart() {
    FakeStore.Log log = new FakeStore.Log();
    RunResult r =
        Harness.seed(45)
            .latency(ms(1))
            .node("store", "store", () -> FakeStore.echo(log))
            .add("client", 1, TYPE, KvSpecs.open(100).keys(50).finalReads(s(2)).build())
            .crash(s(3), "client")
            .restart(s(3.5), "client")
            .run(s(10));
    Set<String> usedBeforeCrash = new TreeSet<>();
    Set<String> readBack = new TreeSet<>();
    for (Op op : Histories.ops(r)) {
      if (op.isInvoke() && op.time() < s(3)) {
        usedBeforeCrash.add(op.key());
      }
      if (op.isInvoke() && op.time() == s(9)) {
        readBack.add(op.key());
      }
    }
    assertThat(readBack).containsAll(usedBeforeCrash);
    assertThat(usedBeforeCrash).hasSizeGreaterThan(30);
  }

  @Test
  void shouldRejectFinalReadsShorterThanTwoTimeouts() {
    assertThatThrownBy(
            () ->
                Harness.seed(46)
                    .add(
                        "client", 1, TYPE, KvSpecs.open(10).timeout(s(1)).finalReads(s(1)).build()))
        .hasMessageContaining("finalReads")
        .hasMessageContaining("twice the timeout (2s)");
  }
}
