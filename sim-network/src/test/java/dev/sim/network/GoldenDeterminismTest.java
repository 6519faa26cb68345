package dev.sim.network;

import static dev.sim.network.TestDistributions.lognormal;
import static dev.sim.network.TestDistributions.uniform;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.node.Sized;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.run.SimulationBuilder;
import dev.sim.network.clock.SkewedClocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins the behaviour of a small fixed program that exercises the whole network module: five peers
 * pinging and gossiping with random choices and timers over a lossy, duplicating network with a
 * link override and bandwidth, a partition and its heal, a loss burst, a crash and restart, and
 * skewed, drifting clocks with a forward and a backward jump.
 *
 * <p>If {@link #EVENTS} or {@link #TRACE_HASH} changes, behaviour changed: every run of every saved
 * scenario may now differ. Update the constants only for an intended change, and say so in the
 * commit message.
 */
@Tag("golden")
class GoldenDeterminismTest {
  private static final long SEED = 42;
  private static final long EVENTS = 1869;
  private static final String TRACE_HASH = "f195467f08a7fb8e";

  private static final long MS = 1_000_000L;
  private static final String[] PEERS = {"n-1", "n-2", "n-3", "n-4", "n-5"};
  private static final double[] DRIFT_PPM = {50, -30, 100, 0, -80};

  record Ping(int seq, long sentLocalNanos) {}

  record Pong(int seq) {}

  record Gossip(int origin, int hops) implements Sized {
    @Override
    public long sizeBytes() {
      return 1500;
    }
  }

  record Tick() {}

  record Beat(int n) {}

  /** What one run produced: the result, and per node its random draws and what it saw. */
  record Outcome(
      RunResult result, Map<String, List<Integer>> draws, Map<String, List<String>> seen) {}

  /** A peer: pings a random other peer on every tick and now and then starts a rumour. */
  static final class Peer implements Node {
    private final List<Integer> draws;
    private final List<String> seen;
    private int seq;

    Peer(List<Integer> draws, List<String> seen) {
      this.draws = draws;
      this.seen = seen;
    }

    @Override
    public void start(NodeContext ctx) {
      int[] peers = ctx.members("peer");
      seen.add("start@" + ctx.localTime());
      ctx.on(
          Ping.class,
          (m, from) -> {
            seen.add("ping " + m.seq() + " from " + from + "@" + ctx.localTime());
            ctx.send(from, new Pong(m.seq()));
          });
      ctx.on(
          Pong.class,
          (m, from) -> seen.add("pong " + m.seq() + " from " + from + "@" + ctx.localTime()));
      ctx.on(
          Gossip.class,
          (m, from) -> {
            seen.add("gossip " + m.origin() + "/" + m.hops() + "@" + ctx.localTime());
            if (m.hops() < 3 && draw(ctx, 2) == 0) {
              ctx.send(other(ctx, peers), new Gossip(m.origin(), m.hops() + 1));
            }
          });
      ctx.onTimer(
          Tick.class,
          t -> {
            ctx.send(other(ctx, peers), new Ping(seq++, ctx.localTime()));
            if (draw(ctx, 8) == 0) {
              ctx.send(other(ctx, peers), new Gossip(ctx.id(), 0));
            }
            ctx.setTimer(5 * MS + draw(ctx, 20) * MS, new Tick());
          });
      ctx.setTimer(draw(ctx, 10) * MS, new Tick());
    }

    private int other(NodeContext ctx, int[] peers) {
      int pick = peers[draw(ctx, peers.length - 1)];
      return pick >= ctx.id() ? peers[indexOf(peers, pick) + 1] : pick;
    }

    private int draw(NodeContext ctx, int bound) {
      int v = ctx.random().nextInt(bound);
      draws.add(v);
      return v;
    }

    private static int indexOf(int[] a, int v) {
      for (int i = 0; i < a.length; i++) {
        if (a[i] == v) {
          return i;
        }
      }
      throw new IllegalArgumentException("not a peer: " + v);
    }
  }

  /** An unrelated node that only talks to itself, through timers and self-sends. */
  static final class Loner implements Node {
    @Override
    public void start(NodeContext ctx) {
      ctx.on(Beat.class, (m, from) -> {});
      ctx.onTimer(
          Beat.class,
          b -> {
            ctx.send(ctx.id(), b);
            ctx.setTimer(1 * MS + ctx.random().nextInt(7) * MS, new Beat(b.n() + 1));
          });
      ctx.setTimer(0, new Beat(0));
    }
  }

  static Outcome runProgram(long seed, boolean withLoner) {
    SimulationBuilder b = Simulation.builder("golden", seed).recordMessages(true);
    Map<String, List<Integer>> draws = new LinkedHashMap<>();
    Map<String, List<String>> seen = new LinkedHashMap<>();
    for (String name : PEERS) {
      List<Integer> d = new ArrayList<>();
      List<String> s = new ArrayList<>();
      draws.put(name, d);
      seen.put(name, s);
      b.addNode(name, "peer", () -> new Peer(d, s));
    }
    if (withLoner) {
      b.addNode("loner", "loner", Loner::new);
    }
    int[] n = new int[PEERS.length];
    for (int i = 0; i < PEERS.length; i++) {
      n[i] = b.nodeId(PEERS[i]);
    }

    Network net =
        Network.builder()
            .latencyNanos(lognormal(1 * MS, 0.5))
            .lossProbability(0.05)
            .duplicateProbability(0.01)
            .bandwidthBitsPerSecond(10_000_000)
            .link(
                Link.between(new int[] {n[0]}, new int[] {n[4]})
                    .latencyNanos(uniform(5 * MS, 15 * MS)))
            .build(b.streams());

    SkewedClocks clocks = new SkewedClocks(b.nodeCount());
    clocks.drawOffsetsNanos(uniform(-5 * MS, 5 * MS), b.streams());
    for (int i = 0; i < PEERS.length; i++) {
      clocks.setDriftPpm(n[i], DRIFT_PPM[i]);
    }
    Simulation sim = b.transport(net).clocks(clocks).build();

    long[] partition = new long[1];
    sim.schedule(
        300 * MS,
        "partition",
        () -> partition[0] = net.partition(new int[][] {{n[0], n[1]}, {n[2], n[3], n[4]}}));
    sim.schedule(700 * MS, "heal", () -> net.heal(partition[0]));
    sim.schedule(400 * MS, "clock n-4 +20ms", () -> clocks.jump(sim, n[3], 20 * MS));
    sim.schedule(900 * MS, "clock n-2 -15ms", () -> clocks.jump(sim, n[1], -15 * MS));
    sim.schedule(500 * MS, "crash n-3", () -> sim.crash(n[2], "fault"));
    sim.schedule(800 * MS, "restart n-3", () -> sim.restart(n[2], "fault"));
    long[] burst = new long[1];
    sim.schedule(
        1000 * MS,
        "loss burst",
        () -> burst[0] = net.lossBurst(new int[] {n[0]}, new int[] {n[1], n[2]}, 0.3));
    sim.schedule(1300 * MS, "loss burst ends", () -> net.endLossBurst(burst[0]));

    RunResult result = sim.run(RunLimits.simulated(2000 * MS));
    return new Outcome(result, draws, seen);
  }

  @Test
  void shouldMatchThePinnedEventCountAndTraceHash() {
    RunResult r = runProgram(SEED, false).result();
    assertThat(r.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(r.failure()).isNull();
    assertThat(r.events()).as("events, seed=%d", SEED).isEqualTo(EVENTS);
    assertThat(r.traceHash()).as("trace hash, seed=%d", SEED).isEqualTo(TRACE_HASH);
  }

  @Test
  void shouldExerciseEveryFeatureItPins() {
    Outcome o = runProgram(SEED, false);
    Map<String, Long> lost = new LinkedHashMap<>();
    o.result().messages().stream()
        .filter(m -> m.lostCause() != null)
        .forEach(m -> lost.merge(m.lostCause(), 1L, Long::sum));
    assertThat(lost).containsKeys("loss", "partition", "crashed");
    assertThat(o.seen().get("n-3")).filteredOn(e -> e.startsWith("start@")).hasSize(2);
    assertThat(o.seen().values())
        .anySatisfy(
            events ->
                assertThat(events).anyMatch(e -> e.startsWith("gossip") && !e.contains("/0@")));
    // A duplicate shows up as the same pong (same sequence number, same sender) seen twice by a
    // node that never restarted (n-3 numbers its pings afresh after its restart).
    List<String> pongs =
        o.seen().get("n-1").stream()
            .filter(e -> e.startsWith("pong"))
            .map(e -> e.substring(0, e.indexOf('@')))
            .toList();
    assertThat(pongs.stream().distinct().count()).isLessThan(pongs.size());
  }

  @Test
  void shouldGiveTheSameHashForTheSameSeed() {
    Outcome first = runProgram(SEED, false);
    Outcome second = runProgram(SEED, false);
    assertThat(second.result().traceHash()).isEqualTo(first.result().traceHash());
    assertThat(second.result().events()).isEqualTo(first.result().events());
    assertThat(second.seen()).isEqualTo(first.seen());
  }

  @Test
  void shouldGiveADifferentHashForADifferentSeed() {
    assertThat(runProgram(SEED + 1, false).result().traceHash())
        .isNotEqualTo(runProgram(SEED, false).result().traceHash());
  }

  @Test
  void shouldLeaveOtherNodesDrawsUnchangedWhenAnUnrelatedNodeIsAdded() {
    Outcome without = runProgram(SEED, false);
    Outcome with = runProgram(SEED, true);
    assertThat(with.result().traceHash()).isNotEqualTo(without.result().traceHash());
    for (String name : PEERS) {
      assertThat(with.draws().get(name))
          .as("draws of %s, seed=%d", name, SEED)
          .isNotEmpty()
          .isEqualTo(without.draws().get(name));
      // The network's stream is untouched too, so each peer sees exactly the same run.
      assertThat(with.seen().get(name))
          .as("what %s saw, seed=%d", name, SEED)
          .isEqualTo(without.seen().get(name));
    }
  }

  @Test
  void shouldGiveTheSameHashOnFourThreadsAsSequentially() throws Exception {
    String sequential = runProgram(SEED, false).result().traceHash();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> hashes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        hashes.add(pool.submit(() -> runProgram(SEED, false).result().traceHash()));
      }
      for (Future<String> h : hashes) {
        assertThat(h.get()).isEqualTo(sequential);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
