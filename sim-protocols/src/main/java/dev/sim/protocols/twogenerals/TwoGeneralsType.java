package dev.sim.scenarios.protocols.twogenerals;

import dev.sim.kernel.node.Node;
import dev.sim.scenarios.spi.BuildContext;
import dev.sim.scenarios.spi.NodeType;
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

  @Override
  public List<String> check(TwoGeneralsParams p) {
    List<String> problems = new ArrayList<>();
    if (p.attackAtNanos() <= 0) {
      problems.add("attackAt: must be later than 0");
    }
    if (p.everyNanos() < p.attackAtNanos()) {
      problems.add(
          "every: must be at least attackAt, so that a trial is decided before the next"
              + " starts");
    }
    if (p.intervalNanos() < 0) {
      problems.add("interval: must not be negative");
    }
    if ((double) (p.messengers() - 1) * p.intervalNanos() >= p.attackAtNanos()) {
      problems.add(
          "interval: the last messenger would leave after the attack time"
              + " (messengers × interval must be shorter than attackAt)");
    }
    return problems;
  }

  @Override
  public Node create(TwoGeneralsParams params, BuildContext ctx) {
    return new TwoGeneral(params);
  }
}
