package dev.sim.components.grid;

import dev.sim.components.grid.GridNodeParams.OnOverload;
import dev.sim.components.grid.GridNodeParams.Topology;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code grid-node} node: serves the demand its senders say they send ({@link Demand}), up to
 * its capacity, and answers each with the share it serves and its failover list ({@link Answer}). A
 * load above capacity for {@code overloadFor} trips it: it crashes, to restart after {@code
 * repair}, empty (its senders' demands are volatile state; they tell it again next round).
 */
final class GridNode implements Node {
  private final GridNodeParams params;
  private final int index;

  /** Timer: has the overload that began at {@code since} lasted overloadFor? */
  record Check(long since) {}

  // Sorted by sender id, so the sum is added in one order every run.
  private final TreeMap<Integer, Double> demands = new TreeMap<>();
  private double load;
  private long overSince = -1;
  private int[] neighbours;

  GridNode(GridNodeParams params, int index) {
    this.params = params;
    this.index = index;
  }

  @Override
  public void start(NodeContext ctx) {
    neighbours = neighbours(ctx);
    ctx.on(
        Demand.class,
        (m, from) -> {
          demands.put(from, m.rate());
          double sum = 0;
          for (double d : demands.values()) {
            sum += d;
          }
          load = sum;
          boolean over = load > params.capacity();
          if (over && overSince < 0) {
            overSince = ctx.localTime();
            ctx.state("overloaded");
            if (params.onOverload() == OnOverload.TRIP) {
              ctx.setTimer(params.overloadForNanos(), new Check(overSince));
            }
          } else if (!over && overSince >= 0) {
            overSince = -1;
            ctx.state("");
          }
          double served = over ? params.capacity() / load : 1.0;
          ctx.send(from, new Answer(m.round(), served, load / params.capacity(), neighbours));
        });
    ctx.onTimer(
        Check.class,
        c -> {
          // A later overload set its own timer; this one is about an overload that ended.
          if (overSince != c.since()) {
            return;
          }
          ctx.metrics().count("trips", 1);
          ctx.crash(
              String.format(
                  Locale.ROOT,
                  "overloaded: %.0f/s for %s against a capacity of %.0f/s",
                  load,
                  seconds(params.overloadForNanos()),
                  params.capacity()),
              params.repairNanos() > 0 ? params.repairNanos() : -1);
        });
  }

  /** The ids this node's users fail over to: the topology's, then the listed ones, not itself. */
  private int[] neighbours(NodeContext ctx) {
    int[] group = ctx.members(ctx.group());
    int n = group.length;
    Set<Integer> out = new LinkedHashSet<>();
    if (params.topology() == Topology.RING) {
      for (int d = 1; d <= params.reach(); d++) {
        out.add(group[(index + d) % n]);
        out.add(group[((index - d) % n + n) % n]);
      }
    } else if (params.topology() == Topology.LATTICE) {
      int c = params.columns();
      int row = index / c;
      int col = index % c;
      if (row > 0) {
        out.add(group[index - c]);
      }
      if (index + c < n) {
        out.add(group[index + c]);
      }
      if (col > 0) {
        out.add(group[index - 1]);
      }
      if (col < c - 1 && index + 1 < n) {
        out.add(group[index + 1]);
      }
    }
    for (String name : params.neighbours()) {
      for (int id : ctx.members(name)) {
        out.add(id);
      }
    }
    out.remove(ctx.id());
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static String seconds(long nanos) {
    return nanos % 1_000_000_000L == 0
        ? nanos / 1_000_000_000L + "s"
        : String.format(Locale.ROOT, "%.3gs", nanos / 1e9);
  }
}
