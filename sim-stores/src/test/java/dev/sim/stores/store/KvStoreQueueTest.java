package dev.sim.stores.store;

import static dev.sim.stores.store.Rig.store;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.max;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.Param;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.stores.store.ScriptedClient.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Service time, workers and the queue limit: a hot key's replicas queue while the rest idle. */
class KvStoreQueueTest {
  private static final DataKind REG = DataKind.REGISTER;
  private static final DataKind SET = DataKind.SET;
  private static final List<String> FIVE =
      List.of("store-1", "store-2", "store-3", "store-4", "store-5");
  private static final String HOT = "customer-1";

  /**
   * One big customer writes to its key every millisecond through every coordinator in turn, while
   * 40 small ones write once each, every 10 ms. A replica operation takes 2 ms; the coordinators
   * wait for as long as it takes.
   */
  private static Rig hotShard(int workers) {
    Params p = Params.of().serviceMs(2).workers(workers).replicaTimeoutMs(10_000);
    Rig rig = new Rig(1, 5, p.build()).windowsMs(100);
    for (int i = 0; i < 400; i++) {
      rig.step("big", 1.0 * i, store(1 + i % 5), "write", HOT, (long) i, REG);
    }
    for (int i = 0; i < 40; i++) {
      rig.step("small", 5 + 10.0 * i, store(1 + i % 5), "write", "customer-" + (i + 2), 0L, REG);
    }
    return rig;
  }

  /** The store instances of {@code key}'s walk on the five-node ring, primaries first. */
  private static List<String> walk(String key) {
    List<String> out = new ArrayList<>();
    for (int i : new Ring(FIVE, 32).walk(key)) {
      out.add(FIVE.get(i));
    }
    return out;
  }

  private static long latencyNanos(Outcome o) {
    return o.answeredNanos() - o.sentNanos();
  }

  @Test
  void shouldQueueTheHotKeysReplicasWhileTheOtherNodesIdle() {
    Rig rig = hotShard(1);
    RunResult r = rig.run(2000);
    List<String> w = walk(HOT);
    for (String hot : w.subList(0, 3)) {
      // One operation a millisecond arrives, one every 2 ms is served: the queue grows by about
      // one every 2 ms while the big customer writes (400 ms, plus the small customers' share),
      // then drains.
      GaugeSeriesData queue = gauge(r, hot, StoreMetrics.QUEUE);
      assertThat(max(queue.max())).as(hot).isBetween(190.0, 240.0);
      assertThat(queue.max()[queue.max().length - 1]).as(hot + " at the end").isZero();
      double[] busy = gauge(r, hot, StoreMetrics.UTILISATION).mean();
      for (int window = 1; window < 8; window++) {
        assertThat(busy[window]).as(hot + " busy in window %d", window).isGreaterThan(0.99);
      }
    }
    for (String idle : w.subList(3, 5)) {
      assertThat(max(gauge(r, idle, StoreMetrics.QUEUE).max())).as(idle).isLessThanOrEqualTo(1);
      double[] busy = gauge(r, idle, StoreMetrics.UTILISATION).mean();
      assertThat(max(busy)).as(idle + " busy").isLessThan(0.2);
    }
    // Every write is acknowledged, the big customer's later and later, the small ones of other
    // nodes promptly: latency explodes for one shard only.
    List<Outcome> writes = rig.of("write");
    assertThat(writes).hasSize(440);
    assertThat(writes).allMatch(o -> o.reply().status() == KvStatus.OK);
    List<Outcome> big = writes.stream().filter(o -> o.step().request().key().equals(HOT)).toList();
    assertThat(latencyNanos(big.get(0))).isLessThan(30 * Rig.MS);
    assertThat(latencyNanos(big.get(big.size() - 1))).isGreaterThan(300 * Rig.MS);
  }

  @Test
  void shouldNotQueueWithUnboundedWorkers() {
    Rig rig = hotShard(Param.UNBOUNDED);
    RunResult r = rig.run(2000);
    for (String node : FIVE) {
      assertThat(max(gauge(r, node, StoreMetrics.QUEUE).max())).as(node).isZero();
    }
    // Utilisation has no meaning without a number of workers: it is not recorded.
    assertThat(r.gauges()).noneMatch(g -> g.name().equals(StoreMetrics.UTILISATION));
    for (Outcome o : rig.of("write")) {
      // Two hops there and back, 5 ms each, plus one 2 ms service (or less at the coordinator).
      assertThat(latencyNanos(o)).isBetween(12 * Rig.MS, 22 * Rig.MS);
    }
  }

  /** Adds through every coordinator, faster than the replicas serve them, with a short queue. */
  private static Rig overloaded(long seed, Params p) {
    Rig rig =
        new Rig(seed, 3, p.queueLimit(2).build())
            .latency(Distributions.uniform(1 * Rig.MS, 5 * Rig.MS));
    for (int i = 0; i < 100; i++) {
      rig.step("c" + i % 4, 1.0 * i, store(1 + i % 3), "add", "s", (long) i, SET);
    }
    rig.step("reader", 2000, store(1), "read", "s", null, SET);
    return rig;
  }

  private static TreeSet<Long> added(Rig rig, KvStatus status) {
    TreeSet<Long> out = new TreeSet<>();
    for (Outcome o : rig.of("add")) {
      if (o.reply().status() == status) {
        out.add((Long) o.step().request().value());
      }
    }
    return out;
  }

  @Test
  void shouldThrottleBeyondTheQueueLimitAndApplyNothingItThrottled() {
    for (Params p : List.of(Params.of().siblings().serviceMs(5), Params.of().serviceMs(5))) {
      for (long seed = 1; seed <= 5; seed++) {
        Rig rig = overloaded(seed, p);
        RunResult r = rig.run(3000);
        String as = p.conflicts + " seed=" + seed;
        TreeSet<Long> throttled = added(rig, KvStatus.THROTTLED);
        TreeSet<Long> ok = added(rig, KvStatus.OK);
        assertThat(throttled).as(as).isNotEmpty();
        assertThat(ok).as(as).isNotEmpty();
        assertThat(counter(r, StoreMetrics.QUEUE_FULL)).as(as).isPositive();
        assertThat(counter(r, StoreMetrics.THROTTLED)).as(as).isEqualTo(throttled.size());
        KvReply read = rig.replyAt(2000);
        assertThat(read.status()).as(as).isEqualTo(KvStatus.OK);
        @SuppressWarnings("unchecked")
        List<Long> found = (List<Long>) read.value();
        // Throttled means nothing was applied anywhere, and nothing ever will be.
        assertThat(found).as(as).doesNotContainAnyElementsOf(throttled);
        if (p.conflicts == KvStoreParams.Conflicts.SIBLINGS) {
          assertThat(found).as(as).containsAll(ok);
        }
        for (Outcome o : rig.of("add")) {
          if (o.reply().status() == KvStatus.THROTTLED) {
            assertThat(o.reply().detail()).as(as).contains("refused").contains("full");
          }
        }
      }
    }
  }

  @Test
  void shouldSayWhyAReadWasThrottled() {
    // store-2 and store-3 are kept busy by a burst of writes to x; a read of x with R = 3 finds
    // their queues full, and answers at the first refusal, which leaves too few to reach R.
    Rig rig =
        new Rig(1, 3, Params.of().r(3).serviceMs(10).queueLimit(1).build())
            .step("w", 0, store(2), "write", "x", 1L, REG)
            .step("w2", 0, store(3), "write", "x", 2L, REG)
            .step("w3", 0, store(2), "write", "x", 3L, REG)
            .step("r", 1, store(1), "read", "x", null, REG);
    rig.run(500);
    KvReply read = rig.replyAt(1);
    assertThat(read.status()).isEqualTo(KvStatus.THROTTLED);
    assertThat(read.detail())
        .isEqualTo(
            "0 replicas (0 primaries) answered, 1 refused with a full queue; a read needs 3");
  }

  @Test
  void shouldSlowAReplicaByTheSlowFactor() {
    // W = 3, 5 ms a hop: the write waits for the remote replicas, 5 ms there, service, 5 ms back.
    Rig plain =
        new Rig(1, 3, Params.of().w(3).serviceMs(1).build())
            .step("c", 10, store(1), "write", "x", 1L, REG);
    plain.run(200);
    Rig slowed =
        new Rig(1, 3, Params.of().w(3).serviceMs(1).build())
            .slow(store(2), 10)
            .step("c", 10, store(1), "write", "x", 1L, REG);
    slowed.run(200);
    assertThat(latencyNanos(plain.outcomes.get(0))).isEqualTo(21 * Rig.MS);
    assertThat(latencyNanos(slowed.outcomes.get(0))).isEqualTo(30 * Rig.MS);
  }

  @Test
  void shouldRunTheSameWayTwice() {
    assertThat(hotShard(2).run(1000).traceHash()).isEqualTo(hotShard(2).run(1000).traceHash());
    RunResult a =
        overloaded(3, Params.of().service(Distributions.exponential(3 * Rig.MS))).run(3000);
    RunResult b =
        overloaded(3, Params.of().service(Distributions.exponential(3 * Rig.MS))).run(3000);
    assertThat(a.traceHash()).isEqualTo(b.traceHash());
  }
}
