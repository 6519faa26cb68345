package dev.sim.protocols.paxos;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.BitSet;
import java.util.TreeMap;

/**
 * A Paxos learner ("Paxos Made Simple", §2.3): it counts the acceptors' accepted messages per
 * ballot and learns the ballot's value once a majority of its acceptors accepted that one ballot.
 * What it learned is durable (a learner that restarts still knows it); its gauge {@code learned} is
 * 1 from then on.
 */
final class PaxosLearner implements Node {
  /** The value learned, kept across restarts. */
  static final class Learned {
    String value;
  }

  private final LearnerParams params;
  private NodeContext ctx;
  private PaxosObserver observer;
  private BitSet acceptors;
  private int majority;
  private Learned learned;
  // Per ballot, the acceptors that accepted it; volatile: a restarted learner counts afresh.
  private final TreeMap<Ballot, BitSet> votes = new TreeMap<>();

  PaxosLearner(LearnerParams params) {
    this.params = params;
  }

  @Override
  public void start(NodeContext context) {
    ctx = context;
    observer = PaxosObserver.of(ctx);
    int[] ids = PaxosObserver.resolve(ctx, "acceptors", params.acceptors());
    acceptors = new BitSet();
    for (int id : ids) {
      acceptors.set(id);
    }
    majority = ids.length / 2 + 1;
    learned = ctx.durable(Learned.class, Learned::new);
    ctx.metrics().gauge("learned", learned.value == null ? 0 : 1);
    ctx.on(Accepted.class, this::handleAccepted);
  }

  private void handleAccepted(Accepted m, int from) {
    if (learned.value != null || !acceptors.get(from)) {
      return;
    }
    BitSet voters = votes.computeIfAbsent(m.ballot(), b -> new BitSet());
    voters.set(from);
    if (voters.cardinality() < majority) {
      return;
    }
    learned.value = m.value();
    observer.learned(ctx.name(), m.value(), m.ballot());
    ctx.metrics().gauge("learned", 1);
    if (ctx.tracing()) {
      ctx.log("learned '" + m.value() + "' (ballot " + m.ballot() + ")");
    }
  }
}
