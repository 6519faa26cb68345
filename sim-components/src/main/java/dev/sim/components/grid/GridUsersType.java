package dev.sim.components.grid;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code grid-users} node type: the users of a graph of {@code grid-node}s, each node's users
 * sending it their demand every round and failing over to its neighbours when it stops answering.
 * Every request is counted (offered, then ok, rejected by an overloaded node, timed out at a node
 * that went down, or failed when no neighbour was up), so the run has a yield.
 *
 * <p>Gauges: {@code nodesUp} (grid nodes that answered the last round), {@code maxLoad} (the
 * highest load ÷ capacity among them).
 */
public final class GridUsersType implements NodeType<GridUsersParams> {
  @Override
  public String name() {
    return "grid-users";
  }

  @Override
  public String summary() {
    return "The users of a graph of grid nodes: each node's users send it their demand and fail"
        + " over to its neighbours when it stops answering.";
  }

  @Override
  public Class<GridUsersParams> parameters() {
    return GridUsersParams.class;
  }

  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.latency("latency", "Demand round trip"),
          MetricSpec.gauge("nodesUp", "Grid nodes up", "nodes")
              .yLabel("nodes answering")
              .describe("Grid nodes that answered their users' last round")
              .order(180),
          MetricSpec.gauge("maxLoad", "Highest load on a grid node", "× capacity")
              .yLabel("load ÷ capacity")
              .describe("The most loaded node's load over its capacity (above 1: overloaded)")
              .averaged()
              .order(181));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(GridUsersParams p, Group group) {
    List<Problem> problems = new ArrayList<>();
    if (group.count() != 1) {
      problems.add(
          new Problem(
              "count",
              "must be 1: one grid-users node stands for the users of every node it serves"
                  + " (found "
                  + group.count()
                  + ")"));
    }
    if (!(p.load() > 0)) {
      problems.add(new Problem("load", "must be above 0/s"));
    }
    return problems;
  }

  @Override
  public Node create(GridUsersParams params, BuildContext ctx) {
    return new GridUsersNode(params);
  }
}
