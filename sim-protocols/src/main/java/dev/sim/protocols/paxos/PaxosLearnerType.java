package dev.sim.protocols.paxos;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.List;

/**
 * The {@code paxos-learner} node type: learns the chosen value from the acceptors' accepted
 * messages (see {@link PaxosLearner}). Gauge {@code learned}: 0, then 1 once it learned a value.
 */
public final class PaxosLearnerType implements NodeType<LearnerParams> {
  @Override
  public String name() {
    return "paxos-learner";
  }

  @Override
  public String summary() {
    return "A Paxos learner: learns the value once a majority of acceptors accepted one ballot.";
  }

  @Override
  public Class<LearnerParams> parameters() {
    return LearnerParams.class;
  }

  /** What each learner records. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.gauge("learned", "Value learned (0/1)", "learned")
              .averaged()
              .describe("1 once the learner has learned the chosen value, per learner")
              .order(8));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(LearnerParams p) {
    return p.acceptors().isEmpty()
        ? List.of(new Problem("acceptors", "a learner needs at least one acceptor (found none)"))
        : List.of();
  }

  @Override
  public Node create(LearnerParams params, BuildContext ctx) {
    return new PaxosLearner(params);
  }
}
