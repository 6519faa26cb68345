package dev.sim.examples.gossip;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.node.Node;
import java.util.List;

/** The {@code gossip} node type, registered in META-INF/services/dev.sim.api.NodeType. */
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
