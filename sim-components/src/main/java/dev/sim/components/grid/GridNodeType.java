package dev.sim.components.grid;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.components.grid.GridNodeParams.Topology;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code grid-node} node type: one service of a graph of services (or one substation of a power
 * grid), serving the demand {@code grid-users} send it up to its capacity. When it stops answering,
 * its users fail over to its neighbours (a ring, a lattice or listed nodes); a node whose load
 * stays above its capacity for {@code overloadFor} trips and its load moves on again: with a thin
 * margin one failure cascades through the graph (docs/criticality.md).
 *
 * <p>Counter: {@code trips} (nodes tripped by overload).
 */
public final class GridNodeType implements NodeType<GridNodeParams> {
  @Override
  public String name() {
    return "grid-node";
  }

  @Override
  public String summary() {
    return "A service in a graph of services: serves its users' demand up to a capacity, trips"
        + " when overloaded too long, and its users fail over to its neighbours.";
  }

  @Override
  public Class<GridNodeParams> parameters() {
    return GridNodeParams.class;
  }

  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("trips", "Nodes tripped by overload", "trips")
              .runningTotal()
              .describe("Grid nodes that crashed after a load above capacity for overloadFor")
              .order(182));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<String> namedBy() {
    return List.of("grid-users");
  }

  @Override
  public List<Problem> check(GridNodeParams p, Group group) {
    List<Problem> problems = new ArrayList<>();
    if (!(p.capacity() > 0)) {
      problems.add(
          new Problem("capacity", "must be above 0/s (a node that can serve nothing is down)"));
    }
    if (p.overloadForNanos() <= 0) {
      problems.add(
          new Problem(
              "overloadFor",
              "must be positive: a node that trips at the first request above capacity trips"
                  + " on every burst"));
    }
    if (p.topology() == Topology.LATTICE && p.columns() < 1) {
      problems.add(new Problem("columns", "a lattice needs its nodes per row, like columns: 4"));
    }
    if (p.topology() == Topology.LATTICE && p.columns() > group.count()) {
      problems.add(
          new Problem(
              "columns",
              "is "
                  + p.columns()
                  + ", more than the group's "
                  + group.count()
                  + " nodes: a lattice of one short row"));
    }
    return problems;
  }

  @Override
  public List<Problem> warnings(GridNodeParams p, Group group) {
    List<Problem> out = new ArrayList<>();
    if (p.topology() == Topology.RING && 2 * p.reach() >= group.count() && group.count() > 1) {
      out.add(
          new Problem(
              "reach",
              "a reach of "
                  + p.reach()
                  + " on a ring of "
                  + group.count()
                  + " links every node to every other: a failure spreads its load over the"
                  + " whole group"));
    }
    if (p.topology() == Topology.NONE && p.neighbours().isEmpty()) {
      out.add(
          Problem.ofGroup(
              "topology none and no neighbours: these nodes' users have nowhere to fail over"));
    }
    return out;
  }

  @Override
  public Node create(GridNodeParams params, BuildContext ctx) {
    return new GridNode(params, ctx.index());
  }
}
