package dev.sim.protocols.twogenerals;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code two-generals} node type: general A ({@code role: a}) sends {@code messengers}
 * messengers proposing an attack time; general B ({@code role: b}) sends {@code acks} messengers
 * back for each one that reaches it. At the attack time A attacks iff an acknowledgement reached it
 * and B attacks iff a messenger did. Counters: {@code messengersSent}, {@code messengersArrived},
 * {@code acksSent}, {@code acksArrived}, {@code lateMessengers}.
 */
public final class TwoGeneralsType implements NodeType<TwoGeneralsParams> {
  @Override
  public String name() {
    return "two-generals";
  }

  @Override
  public String summary() {
    return "One of two generals coordinating an attack through messengers over a lossy valley.";
  }

  @Override
  public Class<TwoGeneralsParams> parameters() {
    return TwoGeneralsParams.class;
  }

  /** What each general records about its messengers and acknowledgements. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("messengersSent", "Messengers sent", "messengers")
              .describe("Messengers general A sent, each proposing the attack"),
          MetricSpec.counter("messengersArrived", "Messengers arrived", "messengers")
              .describe("Messengers that reached the other general in time"),
          MetricSpec.counter("acksSent", "Acknowledgements sent", "acknowledgements")
              .describe("Acknowledgements sent back for messengers that arrived"),
          MetricSpec.counter("acksArrived", "Acknowledgements arrived", "acknowledgements")
              .describe("Acknowledgements that reached the proposer in time"),
          MetricSpec.counter("lateMessengers", "Late messengers", "messages")
              .describe("Messengers and acknowledgements that arrived after their trial ended"));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(TwoGeneralsParams p) {
    List<Problem> problems = new ArrayList<>();
    if (p.attackAtNanos() <= 0) {
      problems.add(new Problem("attackAt", "must be later than 0"));
    }
    if (p.everyNanos() < p.attackAtNanos()) {
      problems.add(
          new Problem(
              "every",
              "must be at least attackAt, so that a trial is decided before the next" + " starts"));
    }
    if (p.intervalNanos() < 0) {
      problems.add(new Problem("interval", "must not be negative"));
    }
    if ((double) (p.messengers() - 1) * p.intervalNanos() >= p.attackAtNanos()) {
      problems.add(
          new Problem(
              "interval",
              "the last messenger would leave after the attack time"
                  + " (messengers × interval must be shorter than attackAt)"));
    }
    return problems;
  }

  @Override
  public Node create(TwoGeneralsParams params, BuildContext ctx) {
    return new TwoGeneral(params);
  }
}
