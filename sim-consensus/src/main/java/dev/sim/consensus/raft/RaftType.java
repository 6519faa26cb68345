package dev.sim.consensus.raft;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code raft} node type: one server of a Raft cluster (the node's group, fixed membership)
 * whose replicated state machine is a key-value map, so that {@code kv-client} drives it as a CP
 * store. {@link RaftNode} follows Figure 2 of the Raft paper rule by rule; {@link RaftInvariants}
 * checks the paper's safety properties as the run goes; {@code docs/raft.md} tells the story.
 */
public final class RaftType implements NodeType<RaftParams> {
  @Override
  public String name() {
    return "raft";
  }

  @Override
  public String summary() {
    return "A Raft server (Figure 2 of the paper, rule by rule) replicating a key-value map: a CP"
        + " store for kv-client, with its safety invariants checked as the run goes.";
  }

  @Override
  public Class<RaftParams> parameters() {
    return RaftParams.class;
  }

  @Override
  public List<MetricSpec> metrics() {
    return RaftMetrics.SPECS;
  }

  @Override
  public List<Problem> check(RaftParams p) {
    List<Problem> problems = new ArrayList<>();
    RaftParams.Range t = p.timeout();
    if (t.maxNanos() < t.minNanos()) {
      problems.add(
          new Problem(
              "electionTimeout.max",
              "max must be at least min: the timeout is drawn between them"));
    }
    if (p.heartbeatNanos() >= t.minNanos()) {
      problems.add(
          new Problem(
              "heartbeat",
              "the heartbeat must be shorter than the election timeout's min, or followers"
                  + " start elections while the leader is alive; the paper's is a tenth of it"));
    }
    return problems;
  }

  @Override
  public List<Problem> check(RaftParams p, Group group) {
    return check(p);
  }

  /** An even or single-node cluster is a lesson too; it runs, with a word about majorities. */
  @Override
  public List<Problem> warnings(RaftParams p, Group group) {
    int n = group.count();
    if (n == 1) {
      return List.of(
          new Problem(
              "count",
              "a cluster of one node is its own majority: it elects itself and replicates"
                  + " nothing, so one crash loses the service"));
    }
    if (n % 2 == 0) {
      int majority = n / 2 + 1;
      return List.of(
          new Problem(
              "count",
              "a cluster of "
                  + n
                  + " needs "
                  + majority
                  + " nodes for a majority, so it survives "
                  + (n - majority)
                  + " failure"
                  + (n - majority == 1 ? "" : "s")
                  + ", no more than a cluster of "
                  + (n - 1)
                  + "; an odd count gets more from each node"));
    }
    return List.of();
  }

  @Override
  public Node create(RaftParams params, BuildContext ctx) {
    return new RaftNode(params, ctx.controls());
  }
}
