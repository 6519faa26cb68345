package dev.sim.protocols.byzantine;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.node.Node;
import java.util.List;

/**
 * The {@code byzantine-referee} node type: an observer outside the protocol that every general
 * reports to after the last round (a loyal commander its order, a loyal lieutenant its decision, a
 * traitor only that it is one). When every report is in (or at its deadline) it gives one verdict
 * and records these counters:
 *
 * <ul>
 *   <li>{@code ic1Violations}: 1 if the loyal lieutenants did not all decide the same, else 0 (IC1:
 *       all loyal lieutenants obey the same order);
 *   <li>{@code ic2Violations}: 1 if the commander is loyal and some loyal lieutenant decided
 *       otherwise than it ordered, else 0 (IC2);
 *   <li>{@code decidedAttack}, {@code decidedRetreat}: loyal lieutenants deciding each way;
 *   <li>{@code traitors}: generals that reported being traitors;
 *   <li>{@code missingReports}: generals whose report had not arrived by the deadline;
 *   <li>{@code verdicts}: 1 once the verdict is given (0 means the run ended first, so the other
 *       counters say nothing).
 * </ul>
 */
public final class ByzantineRefereeType implements NodeType<RefereeParams> {
  @Override
  public String name() {
    return "byzantine-referee";
  }

  @Override
  public String summary() {
    return "Judges a Byzantine generals run: counts IC1 and IC2 violations and the decisions.";
  }

  @Override
  public Class<RefereeParams> parameters() {
    return RefereeParams.class;
  }

  @Override
  public List<Problem> check(RefereeParams p) {
    return p.deadlineNanos() < 0
        ? List.of(new Problem("deadline", "must not be negative"))
        : List.of();
  }

  @Override
  public Node create(RefereeParams params, BuildContext ctx) {
    return new ByzantineReferee(params);
  }
}
