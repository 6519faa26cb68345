package dev.sim.consensus.raft;

import static dev.sim.testkit.Harness.ms;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.result.RunResult;
import dev.sim.network.Network;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.List;

/** Raft clusters in small simulations, for the tests. */
final class Rig {
  private Rig() {}

  static RaftParams params(double minMs, double maxMs) {
    return new RaftParams(new RaftParams.Range(ms(minMs), ms(maxMs)), ms(50), 64, true, null);
  }

  static RaftParams params() {
    return params(150, 300);
  }

  static RaftParams forgetVotes() {
    return new RaftParams(
        new RaftParams.Range(ms(150), ms(160)), ms(50), 64, true, new RaftParams.Unsafe(true));
  }

  /** A client that sends a write (or, one time in three, a read) to a random node every period. */
  static final class Writer implements Node {
    record Tick() {}

    private final long periodNanos;
    final List<KvReply> replies = new ArrayList<>();
    private long next;

    Writer(long periodNanos) {
      this.periodNanos = periodNanos;
    }

    @Override
    public void start(NodeContext ctx) {
      int[] raft = ctx.members("raft");
      Rng rng = ctx.random("writes");
      ctx.on(KvReply.class, (r, from) -> replies.add(r));
      ctx.onTimer(
          Tick.class,
          t -> {
            long id = ++next;
            String key = "r" + rng.nextInt(3);
            KvRequest q =
                rng.nextInt(3) == 0
                    ? new KvRequest(id, "read", key, null, DataKind.REGISTER)
                    : new KvRequest(id, "write", key, id, DataKind.REGISTER);
            ctx.send(raft[rng.nextInt(raft.length)], q);
            ctx.setTimer(periodNanos, new Tick());
          });
      ctx.setTimer(periodNanos, new Tick());
    }
  }

  /**
   * Five raft nodes and a writer under chaos planned from {@code seed}: a lossy (5%), duplicating
   * (5%), reordering (1 to 15 ms) network, and every 150 ms on average a fault: a crash of a node
   * that restarts after 10 to 400 ms, or a partition of the cluster into two sides that heals after
   * 100 to 700 ms.
   */
  static RunResult chaos(long seed, RaftParams params, long durationNanos) {
    return chaos(seed, params, durationNanos, ms(300), ms(10), ms(400), true);
  }

  /**
   * Chaos with the fault plan's knobs: faults {@code gapNanos} apart at most (uniform), crashed
   * nodes back after {@code restartMin} to {@code restartMax}, partitions or not.
   */
  static RunResult chaos(
      long seed,
      RaftParams params,
      long durationNanos,
      long gapNanos,
      long restartMin,
      long restartMax,
      boolean partitions) {
    Harness h = Harness.seed(seed);
    h.add("raft", 5, new RaftType(), params);
    h.node("writer", () -> new Writer(ms(15)));
    Network net =
        Network.builder()
            .latencyNanos(Distributions.uniform(ms(1), ms(15)))
            .lossProbability(0.05)
            .duplicateProbability(0.05)
            .build(h.configure().streams());
    h.transport(net);
    int[] ids = new int[5];
    for (int i = 0; i < 5; i++) {
      ids[i] = h.id("raft-" + (i + 1));
    }
    Rng plan = new Rng(seed ^ 0x5DEECE66DL);
    long[] downUntil = new long[5];
    long t = ms(100);
    while (t < durationNanos) {
      t += (long) (plan.nextDouble() * gapNanos);
      if (!partitions || plan.nextInt(3) < 2) {
        int n = plan.nextInt(5);
        if (downUntil[n] < t) {
          long back = t + restartMin + (long) (plan.nextDouble() * (restartMax - restartMin));
          downUntil[n] = back;
          h.crash(t, "raft-" + (n + 1));
          h.restart(back, "raft-" + (n + 1));
        }
      } else {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          (plan.nextInt(2) == 0 ? a : b).add(ids[i]);
        }
        b.add(h.id("writer"));
        int[][] sides = {
          a.stream().mapToInt(Integer::intValue).toArray(),
          b.stream().mapToInt(Integer::intValue).toArray()
        };
        long heal = t + ms(100) + (long) (plan.nextDouble() * ms(600));
        long[] handle = new long[1];
        h.at(t, "partition", () -> handle[0] = net.partition(sides));
        h.at(heal, "heal", () -> net.heal(handle[0]));
      }
    }
    return h.runAllowingFailure(durationNanos);
  }
}
