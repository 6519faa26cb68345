package dev.sim.components.grid;

import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The {@code grid-users} node: the users of every grid node it serves. Each round it draws each
 * home's demand, sends it to the home if the home answered last round, else splits it equally over
 * the home's neighbours that answered (and counts it failed when none did), and sends every node
 * one {@link Demand} with all that goes to it, so every node is also asked whether it is up. A
 * node's {@link Answer} says which share was served (ok) and which refused (rejected); a node that
 * does not answer by the next round was down (timed out) and is treated as down until it answers
 * again.
 */
final class GridUsersNode implements Node {
  private final GridUsersParams params;

  /** Timer: the next round. */
  record Round() {}

  private int[] homes;
  // Lookup only (id to index), never iterated.
  private final Map<Integer, Integer> indexOf = new HashMap<>();
  private boolean[] up;
  private int[][] failover;
  private double[] carry;
  // This round: requests sent to each node, its answer's loadRatio, and whether it answered.
  private long[] sent;
  private boolean[] answered;
  private double[] loadRatio;
  private long round = -1;
  private long stamp;

  GridUsersNode(GridUsersParams params) {
    this.params = params;
  }

  @Override
  public void start(NodeContext ctx) {
    LinkedHashSet<Integer> ids = new LinkedHashSet<>();
    for (String name : params.serves()) {
      for (int id : ctx.members(name)) {
        ids.add(id);
      }
    }
    homes = ids.stream().mapToInt(Integer::intValue).toArray();
    int n = homes.length;
    for (int j = 0; j < n; j++) {
      indexOf.put(homes[j], j);
    }
    up = new boolean[n];
    Arrays.fill(up, true);
    failover = new int[n][0];
    carry = new double[n];
    sent = new long[n];
    answered = new boolean[n];
    loadRatio = new double[n];
    Rng rng = ctx.random("load");
    NodeMetrics metrics = ctx.metrics();
    metrics.gauge("nodesUp", n); // every node is taken to be up until a round says otherwise
    ctx.on(
        Answer.class,
        (a, from) -> {
          Integer j = indexOf.get(from);
          if (j == null || a.round() != round || answered[j]) {
            return; // a late answer: that round's requests already timed out
          }
          answered[j] = true;
          loadRatio[j] = a.loadRatio();
          int[] f = new int[a.neighbours().length];
          int k = 0;
          for (int id : a.neighbours()) {
            Integer h = indexOf.get(id);
            if (h != null) {
              f[k++] = h;
            }
          }
          failover[j] = Arrays.copyOf(f, k);
          long ok = Math.round(sent[j] * a.served());
          finish(metrics, ok, Outcome.OK);
          finish(metrics, sent[j] - ok, Outcome.REJECTED);
        });
    ctx.onTimer(
        Round.class,
        t -> {
          closeRound(metrics);
          openRound(ctx, rng, metrics);
          ctx.setTimer(params.roundNanos(), new Round());
        });
    ctx.setTimer(0, new Round());
  }

  /** Last round's unanswered nodes are down and their requests timed out; gauges the round. */
  private void closeRound(NodeMetrics metrics) {
    if (round < 0) {
      return;
    }
    int nodesUp = 0;
    double maxLoad = 0;
    for (int j = 0; j < homes.length; j++) {
      up[j] = answered[j];
      if (answered[j]) {
        nodesUp++;
        maxLoad = Math.max(maxLoad, loadRatio[j]);
      } else {
        finish(metrics, sent[j], Outcome.TIMED_OUT);
      }
    }
    metrics.gauge("nodesUp", nodesUp);
    metrics.gauge("maxLoad", maxLoad);
  }

  private void openRound(NodeContext ctx, Rng rng, NodeMetrics metrics) {
    round++;
    int n = homes.length;
    Arrays.fill(sent, 0);
    Arrays.fill(answered, false);
    double seconds = params.roundNanos() / 1e9;
    long unserved = 0;
    for (int j = 0; j < n; j++) {
      double rate = params.load() * (1 + params.variation() * (2 * rng.nextDouble() - 1));
      double exact = rate * seconds + carry[j];
      long requests = (long) exact;
      carry[j] = exact - requests;
      if (up[j]) {
        sent[j] += requests;
        continue;
      }
      int alive = 0;
      for (int h : failover[j]) {
        if (up[h]) {
          alive++;
        }
      }
      if (alive == 0) {
        unserved += requests;
        continue;
      }
      long each = requests / alive;
      long extra = requests % alive;
      for (int h : failover[j]) {
        if (up[h]) {
          sent[h] += each + (extra-- > 0 ? 1 : 0);
        }
      }
    }
    for (int j = 0; j < n; j++) {
      for (long r = 0; r < sent[j]; r++) {
        stamp = metrics.offer(); // the same stamp, now, for every request of the round
        metrics.attempt();
      }
      ctx.send(homes[j], new Demand(round, sent[j] / seconds));
    }
    for (long r = 0; r < unserved; r++) {
      stamp = metrics.offer();
    }
    finish(metrics, unserved, Outcome.FAILED);
  }

  private void finish(NodeMetrics metrics, long count, Outcome outcome) {
    for (long r = 0; r < count; r++) {
      metrics.finish(stamp, outcome, outcome == Outcome.OK ? 1 : 0);
    }
  }
}
