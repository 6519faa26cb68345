package dev.sim.examples.gossip;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;

/**
 * A push-gossip participant. Handlers run to completion on the simulator's thread; all randomness
 * comes from the node's own stream, so a run is a pure function of the scenario and seed.
 */
final class GossipNode implements Node {
  /** The rumor, carrying how many hops it has travelled. */
  record Rumor(int hops) {}

  /** The periodic gossip round. */
  record Round() {}

  private final GossipParams params;
  private NodeContext ctx;
  private int[] peers;
  private boolean informed;
  private int hops;

  GossipNode(GossipParams params) {
    this.params = params;
  }

  @Override
  public void start(NodeContext context) {
    ctx = context;
    peers = ctx.members(params.peers());
    ctx.on(Rumor.class, this::handleRumor);
    ctx.onTimer(Round.class, this::handleRound);
    if (ctx.name().equals(params.origin()) || ctx.group().equals(params.origin())) {
      learn(0);
    }
  }

  private void handleRumor(Rumor m, int sender) {
    if (!informed) {
      learn(m.hops() + 1);
    }
  }

  private void handleRound(Round r) {
    for (int i = 0; i < params.fanout(); i++) {
      int peer = peers[ctx.random().nextInt(peers.length)];
      if (peer != ctx.id()) {
        ctx.send(peer, new Rumor(hops));
        ctx.metrics().count("rumorsSent", 1);
      }
    }
    ctx.setTimer(params.intervalNanos(), new Round());
  }

  private void learn(int hopCount) {
    informed = true;
    hops = hopCount;
    ctx.metrics().count("infected", 1);
    ctx.metrics().gauge("hops", hopCount);
    ctx.setTimer(params.intervalNanos(), new Round());
  }
}
