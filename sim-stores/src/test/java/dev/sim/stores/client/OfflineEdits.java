package dev.sim.stores.client;

import static dev.sim.stores.client.Histories.pairs;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.network.Network;
import dev.sim.stores.client.Histories.Pair;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two clients on one store, {@code a} always online and {@code b} offline in the windows a test
 * gives, cut off as the {@code offline} fault does it; and what tests ask of the history they make.
 */
final class OfflineEdits {
  static final KvClientType TYPE = new KvClientType();

  private OfflineEdits() {}

  /** Set adds and reads on {@code keys} keys by two users thinking 10 ms, final reads at 7 s. */
  static KvSpecs setEditors(int keys) {
    return KvSpecs.closed(2, Distributions.constant(ms(10)))
        .sets(0.8, 0.2)
        .keys(keys)
        .finalReads(s(2));
  }

  /** A run of {@code a} and {@code b} on one store; {@code b} is offline in each [from, to). */
  static Harness run(
      long seed, FakeStore store, KvClientParams a, KvClientParams b, long... offline) {
    Harness h = Harness.seed(seed);
    Network net =
        Network.builder()
            .latencyNanos(Distributions.constant(ms(1)))
            .build(h.configure().streams());
    h.transport(net);
    h.node("store", "store", () -> store);
    h.add("a", 1, TYPE, a);
    h.add("b", 1, TYPE, b);
    for (int i = 0; i + 1 < offline.length; i += 2) {
      long[] handle = new long[1];
      h.at(
          offline[i],
          "offline b",
          () -> {
            handle[0] = net.partition(new int[][] {{h.id("b")}});
            h.controls("b").setOffline(true);
          });
      h.at(
          offline[i + 1],
          "online b",
          () -> {
            net.heal(handle[0]);
            h.controls("b").setOffline(false);
          });
    }
    return h;
  }

  /** {@code node}'s adds invoked in [from, to). */
  static List<Pair> adds(RunResult r, String node, long from, long to) {
    return pairs(r).stream()
        .filter(p -> p.invoke().node().equals(node) && p.invoke().f().equals("add"))
        .filter(p -> p.invoke().time() >= from && p.invoke().time() < to)
        .toList();
  }

  /** The elements of a list of pairs' invokes. */
  static TreeSet<Long> elements(List<Pair> adds) {
    TreeSet<Long> out = new TreeSet<>();
    for (Pair p : adds) {
      out.add(p.invoke().longValue());
    }
    return out;
  }

  /** The value of each key as {@code node}'s final reads (invoked at {@code at}) saw it. */
  static Map<String, TreeSet<Long>> finalReads(RunResult r, String node, long at) {
    Map<String, TreeSet<Long>> out = new HashMap<>();
    for (Pair p : pairs(r)) {
      if (p.invoke().node().equals(node) && p.invoke().time() == at) {
        assertThat(p.type()).as("final read %s", p.invoke()).isEqualTo(OpType.OK);
        TreeSet<Long> v = new TreeSet<>();
        for (Object e : (List<?>) p.completion().value()) {
          v.add((Long) e);
        }
        out.put(p.invoke().key(), v);
      }
    }
    return out;
  }

  /** The requests {@code store} received with function {@code f}. */
  static List<KvRequest> received(FakeStore.Log log, String f) {
    List<KvRequest> out = new ArrayList<>();
    for (KvRequest q : log.received) {
      if (q.f().equals(f)) {
        out.add(q);
      }
    }
    return out;
  }

  /**
   * The history's rules (one operation outstanding per process and the rest), and every operation
   * invoked completed exactly once: as many completions as invokes on each process.
   */
  static void assertEachCompletesOnce(RunResult r) {
    Histories.assertWellFormed(r);
    Map<Integer, int[]> perProcess = new HashMap<>();
    for (Op op : Histories.ops(r)) {
      int[] c = perProcess.computeIfAbsent(op.process(), k -> new int[2]);
      c[op.isInvoke() ? 0 : 1]++;
    }
    for (Map.Entry<Integer, int[]> e : perProcess.entrySet()) {
      assertThat(e.getValue()[1])
          .as("completions on process %d", e.getKey())
          .isEqualTo(e.getValue()[0]);
    }
  }
}
