package dev.sim.stores.client;

import static dev.sim.stores.client.Histories.pairs;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.requests;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.api.Group;
import dev.sim.components.client.ClientParams;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.client.FakeStore.Answer;
import dev.sim.stores.client.Histories.Pair;
import dev.sim.stores.client.KvClientParams.Coordinator;
import dev.sim.stores.client.KvClientParams.KeyDistribution;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Offered load, keys and coordinators as a run shows them. */
class KvClientWorkloadTest {
  static final KvClientType TYPE = new KvClientType();

  static Harness echo(long seed) {
    return Harness.seed(seed)
        .latency(ms(1))
        .node("store", "store", () -> FakeStore.echo(new FakeStore.Log()));
  }

  private static long invokes(RunResult r) {
    return Histories.ops(r).stream().filter(Op::isInvoke).count();
  }

  @Test
  void shouldOfferAnOpenLoopAtItsRate() {
    RunResult r = echo(21).add("clients", 2, TYPE, KvSpecs.open(250).build()).run(s(20));
    // Two Poisson streams of 250/s for 20 s: 10000 expected, standard deviation 100.
    assertThat(invokes(r)).isBetween(9600L, 10400L);
    assertThat(requests(r).totals().offered()).isEqualTo(invokes(r));
    RunResult even = echo(21).add("client", 1, TYPE, KvSpecs.constant(100).build()).run(s(10));
    assertThat(invokes(even)).isBetween(999L, 1000L);
  }

  @Test
  void shouldFollowARateProfileAndMarkItsSurge() {
    KvSpecs spec = KvSpecs.constant(1);
    spec.load =
        new ClientParams.Load(
            ClientParams.Arrivals.CONSTANT,
            null,
            List.of(
                new ClientParams.ProfileStep(0, 100, 0),
                new ClientParams.ProfileStep(s(5), 300, 0)),
            0,
            null);
    assertThat(TYPE.check(spec.build())).isEmpty();
    RunResult r = echo(31).add("client", 1, TYPE, spec.build()).run(s(10));
    long before = Histories.ops(r).stream().filter(o -> o.isInvoke() && o.time() < s(5)).count();
    long after = Histories.ops(r).stream().filter(o -> o.isInvoke() && o.time() >= s(5)).count();
    assertThat(before).isBetween(499L, 501L);
    assertThat(after).isBetween(1499L, 1501L);
    List<Annotation> marks = TYPE.marks(spec.build(), new Group("client", List.of("client")));
    assertThat(marks).extracting(Annotation::label).containsExactly("load 100→300/s");
  }

  @Test
  void shouldPaceAClosedLoopByLatencyAndThinkTime() {
    // Each cycle: 1 ms out, 1 ms back, 8 ms of thought: 100 operations per second per user.
    RunResult r =
        echo(22)
            .add("client", 1, TYPE, KvSpecs.closed(5, Distributions.constant(ms(8))).build())
            .run(s(10));
    assertThat(invokes(r)).isBetween(4990L, 5000L);
    assertThat(requests(r).latencyMs().p50()).isCloseTo(2.0, within(0.1));
  }

  @Test
  void shouldDropArrivalsWhenMaxOutstandingOperationsAreOutstanding() {
    // The store never answers: each operation holds its user for the 1 s timeout.
    RunResult r =
        Harness.seed(23)
            .latency(ms(1))
            .node(
                "store",
                "store",
                () -> new FakeStore((q, seen) -> Answer.SILENT, 0, new FakeStore.Log()))
            .add("client", 1, TYPE, KvSpecs.constant(100).timeout(s(1)).maxOutstanding(10).build())
            .run(s(10));
    Histories.assertWellFormed(r);
    // 10 outstanding per second of timeout: about 100 invoked, the other ~900 dropped.
    assertThat(invokes(r)).isBetween(95L, 105L);
    assertThat(counter(r, "droppedArrivals")).isBetween(890L, 905L);
    assertThat(requests(r).totals().offered())
        .isEqualTo(invokes(r) + counter(r, "droppedArrivals"));
    assertThat(maxConcurrent(Histories.ops(r))).isEqualTo(10);
  }

  /** The most operations outstanding at once. */
  private static int maxConcurrent(List<Op> ops) {
    int open = 0;
    int max = 0;
    for (Op op : ops) {
      open += op.isInvoke() ? 1 : -1;
      max = Math.max(max, open);
    }
    return max;
  }

  @Test
  void shouldSendAHotShareOfOperationsToTheHotKey() {
    KvSpecs spec = KvSpecs.open(2000).keys(10);
    spec.keyDistribution = KeyDistribution.HOT;
    spec.hot = 0.8;
    RunResult r = echo(24).add("client", 1, TYPE, spec.build()).run(s(5));
    long total = invokes(r);
    long hot = Histories.ops(r).stream().filter(o -> o.isInvoke() && o.key().equals("r0")).count();
    assertThat((double) hot / total).isCloseTo(0.8, within(0.015));
  }

  @Test
  void shouldPickZipfKeysFromItsOwnStreamLeavingTheArrivalsAlone() {
    KvSpecs zipf = KvSpecs.open(2000).keys(50);
    zipf.keyDistribution = KeyDistribution.ZIPF;
    zipf.exponent = 1.2;
    RunResult z = echo(25).add("client", 1, TYPE, zipf.build()).run(s(5));
    RunResult u = echo(25).add("client", 1, TYPE, KvSpecs.open(2000).keys(50).build()).run(s(5));
    TreeMap<String, Integer> counts = new TreeMap<>();
    for (Op o : Histories.ops(z)) {
      if (o.isInvoke()) {
        counts.merge(o.key(), 1, Integer::sum);
      }
    }
    KeyChooser c = KeyChooser.zipf(50, 1.2);
    long total = invokes(z);
    assertThat((double) counts.get("r0") / total).isCloseTo(c.probability(0), within(0.02));
    assertThat((double) counts.get("r1") / total).isCloseTo(c.probability(1), within(0.015));
    // Same seed, other keys: the invokes come at the very same times.
    assertThat(times(z)).isEqualTo(times(u));
  }

  private static List<Long> times(RunResult r) {
    List<Long> t = new ArrayList<>();
    for (Op o : Histories.ops(r)) {
      if (o.isInvoke()) {
        t.add(o.time());
      }
    }
    return t;
  }

  @Test
  void shouldSpreadAGroupOfFixedClientsOverTheStoreMembersByIndex() {
    List<FakeStore.Log> logs = new ArrayList<>();
    Harness h = Harness.seed(26).latency(ms(1));
    for (int i = 0; i < 3; i++) {
      FakeStore.Log log = new FakeStore.Log();
      logs.add(log);
      h.node("store-" + (i + 1), "store", () -> FakeStore.echo(log));
    }
    h.add("clients", 3, TYPE, KvSpecs.closed(1, Distributions.constant(ms(10))).build()).run(s(2));
    for (FakeStore.Log log : logs) {
      assertThat(log.received).hasSizeGreaterThan(100);
    }
    // Each member heard one client only: its requests' values come from one value range.
    for (FakeStore.Log log : logs) {
      assertThat(
              log.received.stream()
                  .filter(q -> q.value() != null)
                  .map(q -> (Long) q.value() / Values.STRIDE)
                  .distinct()
                  .count())
          .isEqualTo(1);
    }
  }

  @Test
  void shouldSendMostTriesToTheNearestMember() {
    List<FakeStore.Log> logs = new ArrayList<>();
    Harness h = Harness.seed(27).latency(ms(1));
    long[] delays = {ms(8), ms(1), ms(4)};
    for (int i = 0; i < 3; i++) {
      FakeStore.Log log = new FakeStore.Log();
      logs.add(log);
      long d = delays[i];
      h.node("store-" + (i + 1), "store", () -> new FakeStore((q, seen) -> Answer.OK, d, log));
    }
    KvSpecs spec = KvSpecs.closed(2, null).coordinator(Coordinator.NEAREST);
    RunResult r = h.add("client", 1, TYPE, spec.build()).run(s(5));
    long total = logs.stream().mapToLong(l -> l.received.size()).sum();
    assertThat((double) logs.get(1).received.size() / total).isCloseTo(0.95, within(0.02));
    assertThat(logs.get(0).received).isNotEmpty();
    assertThat(requests(r).latencyMs().p50()).isCloseTo(3.0, within(0.1));
  }

  @Test
  void shouldGiveTheSameHistoryForTheSameSeed() {
    KvSpecs spec =
        KvSpecs.open(300).everything().retries(2, ms(3)).timeout(ms(30)).finalReads(s(1));
    spec.coordinator = Coordinator.RANDOM;
    RunResult a = assortedRun(28, spec);
    RunResult b = assortedRun(28, spec);
    RunResult c = assortedRun(29, spec);
    assertThat(Histories.ops(a)).isEqualTo(Histories.ops(b));
    assertThat(a.traceHash()).isEqualTo(b.traceHash());
    assertThat(Histories.ops(a)).isNotEqualTo(Histories.ops(c));
    assertThat(pairs(a)).hasSizeGreaterThan(1000);
  }

  private static RunResult assortedRun(long seed, KvSpecs spec) {
    Harness h = Harness.seed(seed).latency(ms(1));
    for (int i = 0; i < 2; i++) {
      h.node(
          "store-" + (i + 1),
          "store",
          () ->
              new FakeStore(
                  (q, seen) -> KvClientHistoryTest.assorted(q.id()), ms(2), new FakeStore.Log()));
    }
    return h.add("clients", 2, TYPE, spec.build()).run(s(5));
  }

  @Test
  void shouldRecordOperationsAsRequestsForTheYieldAndLatencyCharts() {
    RunResult r = echo(30).add("client", 1, TYPE, KvSpecs.open(100).build()).run(s(5));
    assertThat(requests(r).totals().ok()).isEqualTo(counter(r, "kvOk"));
    assertThat(requests(r).yield()).isCloseTo(1.0, within(1e-9));
    List<Pair> done = pairs(r).stream().filter(p -> p.completion() != null).toList();
    assertThat(counter(r, "kvReads") + counter(r, "kvWrites")).isEqualTo(pairs(r).size());
    assertThat(done).isNotEmpty();
  }
}
