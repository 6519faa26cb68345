package dev.sim.stores.store;

import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.network.Network;
import dev.sim.network.clock.SkewedClocks;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.stores.store.ScriptedClient.Outcome;
import dev.sim.stores.store.ScriptedClient.Step;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small kv-store simulation for tests: {@code stores} nodes {@code store-1..} of one group,
 * scripted clients, a simulated network (constant 5 ms unless told), partitions that cut some nodes
 * off from all the others for a while, and skewed store clocks.
 */
final class Rig {
  static final long MS = 1_000_000L;

  private final long seed;
  private final int stores;
  private final KvStoreParams params;
  private Distribution latency = Distributions.constant(5 * MS);
  private final Map<String, List<Step>> scripts = new LinkedHashMap<>();
  private final Map<String, Long> offsets = new LinkedHashMap<>();
  private final List<long[]> partitionTimes = new ArrayList<>();
  private final List<List<String>> partitionSides = new ArrayList<>();
  private final List<Object[]> crashes = new ArrayList<>();
  private final Map<String, Double> slow = new LinkedHashMap<>();
  final List<Outcome> outcomes = new ArrayList<>();
  private Harness harness;
  private long windowNanos;

  Rig(long seed, int stores, KvStoreParams params) {
    this.seed = seed;
    this.stores = stores;
    this.params = params;
  }

  /** Store instance {@code i} (from 1). */
  static String store(int i) {
    return "store-" + i;
  }

  /** Each message takes a time drawn from {@code d} (nanoseconds). */
  Rig latency(Distribution d) {
    latency = d;
    return this;
  }

  /** Metrics windows of {@code ms} (default: the harness's). */
  Rig windowsMs(long ms) {
    windowNanos = ms * MS;
    return this;
  }

  /** Client {@code client} sends {@code f} on {@code key} to {@code to} at {@code atMs}. */
  Rig step(String client, double atMs, String to, String f, String key, Object v, DataKind kind) {
    scripts
        .computeIfAbsent(client, c -> new ArrayList<>())
        .add(new Step((long) (atMs * MS), to, new KvRequest(0, f, key, v, kind)));
    return this;
  }

  /** Store {@code node}'s clock reads {@code offsetMs} ahead of simulated time. */
  Rig skew(String node, long offsetMs) {
    offsets.put(node, offsetMs * MS);
    return this;
  }

  /** Cuts {@code side} off from every other node from {@code fromMs} until {@code toMs}. */
  Rig partition(double fromMs, double toMs, String... side) {
    partitionTimes.add(new long[] {(long) (fromMs * MS), (long) (toMs * MS)});
    partitionSides.add(List.of(side));
    return this;
  }

  /** Crashes {@code node} at {@code atMs} and restarts it at {@code restartMs}. */
  Rig crash(double atMs, double restartMs, String node) {
    crashes.add(new Object[] {(long) (atMs * MS), (long) (restartMs * MS), node});
    return this;
  }

  /** Store {@code node}'s service times are {@code factor} times longer (a slow fault). */
  Rig slow(String node, double factor) {
    slow.put(node, factor);
    return this;
  }

  /** Runs for {@code ms} of simulated time. */
  RunResult run(double ms) {
    Harness h = Harness.seed(seed).add("store", stores, new KvStoreType(), params);
    scripts.forEach(
        (client, steps) ->
            h.node(
                client,
                "clients",
                () -> new ScriptedClient(ScriptedClient.sorted(steps), outcomes)));
    if (windowNanos > 0) {
      h.windows(windowNanos, 0);
    }
    Network net = Network.builder().latencyNanos(latency).build(h.configure().streams());
    h.transport(net);
    if (!offsets.isEmpty()) {
      SkewedClocks clocks = new SkewedClocks(stores + scripts.size());
      offsets.forEach((node, off) -> clocks.setOffsetNanos(h.id(node), off));
      h.configure().clocks(clocks);
    }
    for (int i = 0; i < partitionTimes.size(); i++) {
      List<String> side = partitionSides.get(i);
      long[] span = partitionTimes.get(i);
      long[] id = new long[1];
      h.at(span[0], "partition " + side, () -> id[0] = net.partition(new int[][] {ids(h, side)}));
      h.at(span[1], "heal " + side, () -> net.heal(id[0]));
    }
    for (Object[] c : crashes) {
      h.crash((Long) c[0], (String) c[2]);
      h.restart((Long) c[1], (String) c[2]);
    }
    slow.forEach((node, factor) -> h.controls(node).setSlowFactor(factor));
    harness = h;
    return h.run((long) (ms * MS));
  }

  /** The harness of the last run, to read its simulation. */
  Harness harness() {
    return harness;
  }

  private static int[] ids(Harness h, List<String> names) {
    return names.stream().mapToInt(h::id).toArray();
  }

  // ------------------------------------------------------------------ reading outcomes

  /** The outcomes of {@code f} requests, in order of answer. */
  List<Outcome> of(String f) {
    return outcomes.stream().filter(o -> o.step().request().f().equals(f)).toList();
  }

  /** The reply to the request sent at {@code atMs} by any client. */
  KvReply replyAt(double atMs) {
    long t = (long) (atMs * MS);
    return outcomes.stream()
        .filter(o -> o.step().atNanos() == t)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no reply to the request sent at " + atMs + "ms"))
        .reply();
  }

  /** How many replies had status {@code s}. */
  long count(KvStatus s) {
    return outcomes.stream().filter(o -> o.reply().status() == s).count();
  }

  /** The value digest a replica reports for a key holding {@code value}. */
  static String digestOf(Object value) {
    return Hashing.hex(Data.text(value));
  }

  /** Replica {@code node}'s digest of {@code key} at the end of run {@code r}, or null. */
  static String replicaDigest(RunResult r, String node, String key) {
    Map<String, String> state = r.history().replicas().get(node);
    return state == null ? null : state.get(key);
  }
}
