package dev.sim.examples.gossip;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.List;

/**
 * The {@code gossip} node type, registered in META-INF/services/dev.sim.api.NodeType. It declares
 * every metric its nodes record ({@link #metrics}): the report draws each on a chart titled and
 * labelled from the declaration, scenarios may name the charts in {@code report.charts} and the
 * counters in {@code expect:}, and a node recording anything undeclared fails the run.
 */
public final class GossipType implements NodeType<GossipParams> {
  @Override
  public String name() {
    return "gossip";
  }

  @Override
  public String summary() {
    return "Push gossip: each informed node tells `fanout` random peers every `interval`.";
  }

  @Override
  public Class<GossipParams> parameters() {
    return GossipParams.class;
  }

  /** What a gossip peer records. */
  static final List<MetricSpec> METRICS =
      List.of(
          // The chart of the lesson: a trickle, an explosion, a tail.
          MetricSpec.counter("infected", "Newly informed nodes", "nodes")
              .describe("Nodes that heard the rumor for the first time"),
          MetricSpec.counter("rumorsSent", "Rumors sent", "rumors")
              .describe("Rumors informed nodes sent to random peers"),
          // A level per node, so many nodes are drawn as their group's mean, not its sum.
          MetricSpec.gauge("hops", "Hops from the origin", "hops")
              .describe("How many hops the rumor took to reach each informed node")
              .averaged());

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(GossipParams p) {
    return p.intervalNanos() <= 0
        ? List.of(new Problem("interval", "must be longer than 0"))
        : List.of();
  }

  @Override
  public Node create(GossipParams params, BuildContext ctx) {
    return new GossipNode(params);
  }
}
