package dev.sim.protocols.paxos;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code paxos-proposer} node type: a single-decree Paxos proposer (see {@link PaxosProposer}).
 * Counters: {@code ballots} (ballots started), {@code promises} and {@code nacks} (received); gauge
 * {@code round} (the round of its latest ballot).
 */
public final class PaxosProposerType implements NodeType<ProposerParams> {
  @Override
  public String name() {
    return "paxos-proposer";
  }

  @Override
  public String summary() {
    return "A single-decree Paxos proposer: prepare, then accept, with a higher ballot after a"
        + " nack or a timeout.";
  }

  @Override
  public Class<ProposerParams> parameters() {
    return ProposerParams.class;
  }

  private static final String PROMISES_NACKS =
      "Promises and nacks that reached the proposers; a nack means the ballot was overtaken";

  /** What each proposer records. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.gauge("round", "Ballot round per proposer", "round")
              .describe("The round of each proposer's latest ballot: climbing means preempted")
              .order(10),
          MetricSpec.counter("ballots", "Ballots started", "ballots")
              .describe("Ballots the proposers started (prepare sent to every acceptor)")
              .order(11),
          MetricSpec.counter("promises", "Promises received", "promises")
              .describe(PROMISES_NACKS)
              .chart("promises-nacks", "Promises and nacks received")
              .yLabel("messages per second")
              .legend("promises")
              .order(12),
          MetricSpec.counter("nacks", "Nacks received", "nacks")
              .describe(PROMISES_NACKS)
              .chart("promises-nacks", "Promises and nacks received")
              .yLabel("messages per second")
              .legend("nacks")
              .order(12));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(ProposerParams p) {
    List<Problem> problems = new ArrayList<>();
    if (p.acceptors().isEmpty()) {
      problems.add(
          new Problem("acceptors", "a proposer needs at least one acceptor to ask (found none)"));
    }
    ProposerParams.Backoff b = p.backoff();
    if (b == null) {
      return problems;
    }
    switch (b.policy()) {
      case NONE -> {}
      case RANDOM -> {
        if (b.maxNanos() <= 0) {
          problems.add(
              new Problem(
                  "backoff.max",
                  "a random back-off needs max above 0s (e.g. max: 50ms, a few round trips)"));
        } else if (b.maxNanos() < b.minNanos()) {
          problems.add(new Problem("backoff.max", "must be at least min"));
        }
      }
      case LEADER -> {
        if (b.leader() == null || b.leader().isEmpty()) {
          problems.add(
              new Problem(
                  "backoff",
                  "policy leader needs 'leader': the distinguished proposer (e.g. leader:"
                      + " proposer-1)"));
        }
        if (b.proposers() == null || b.proposers().isEmpty()) {
          problems.add(
              new Problem(
                  "backoff",
                  "policy leader needs 'proposers': every proposer, for the leader's"
                      + " heartbeats"));
        }
      }
    }
    if (b.policy() != BackoffPolicy.RANDOM && (b.minNanos() != 0 || b.maxNanos() != 0)) {
      problems.add(new Problem("backoff.max", "min and max are for policy random only"));
    }
    if (b.policy() != BackoffPolicy.LEADER && b.leader() != null) {
      problems.add(new Problem("backoff.leader", "leader is for policy leader only"));
    }
    return problems;
  }

  @Override
  public Node create(ProposerParams params, BuildContext ctx) {
    return new PaxosProposer(params, ctx.instance());
  }
}
