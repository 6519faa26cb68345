package dev.sim.protocols.twogenerals;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pairs A's and B's decision in each trial and counts the outcomes. */
final class TwoGeneralsReferee implements Node {
  private NodeContext ctx;
  // Trials with one decision in so far, by trial number; judged trials are removed.
  private final Map<Integer, Decision> pending = new LinkedHashMap<>();
  private final BitSet judged = new BitSet();

  @Override
  public void start(NodeContext context) {
    ctx = context;
    ctx.on(Decision.class, this::handleDecision);
  }

  private void handleDecision(Decision d, int sender) {
    if (judged.get(d.trial())) {
      return; // a duplicate copy of a decision already judged
    }
    Decision other = pending.get(d.trial());
    if (other == null) {
      pending.put(d.trial(), d);
      return;
    }
    if (other.proposer() == d.proposer()) {
      return; // a duplicate copy
    }
    pending.remove(d.trial());
    judged.set(d.trial());
    boolean a = d.proposer() ? d.attack() : other.attack();
    boolean b = d.proposer() ? other.attack() : d.attack();
    var metrics = ctx.metrics();
    metrics.count("trials", 1);
    metrics.count("aAttacks", a ? 1 : 0);
    metrics.count("bAttacks", b ? 1 : 0);
    metrics.count("coordinated", a && b ? 1 : 0);
    metrics.count("disagreement", a != b ? 1 : 0);
    if (ctx.tracing()) {
      ctx.log(
          "trial "
              + d.trial()
              + ": A "
              + (a ? "attacks" : "holds")
              + ", B "
              + (b ? "attacks" : "holds")
              + (a != b ? " — DISAGREEMENT" : ""));
    }
  }
}
