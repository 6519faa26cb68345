package dev.sim.protocols.byzantine;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
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

  /** The referee's verdict, counted once per trial. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("verdicts", "Verdicts", "verdicts")
              .runningTotal()
              .describe("Verdicts the referee reached, running total"),
          MetricSpec.counter("ic1Violations", "IC1 violations", "verdicts")
              .runningTotal()
              .describe("Verdicts where loyal lieutenants disagreed (IC1 broken), running total"),
          MetricSpec.counter("ic2Violations", "IC2 violations", "verdicts")
              .runningTotal()
              .describe(
                  "Verdicts where loyal lieutenants did not obey a loyal commander (IC2 broken),"
                      + " running total"),
          MetricSpec.counter("decidedAttack", "Decided to attack", "lieutenants")
              .runningTotal()
              .describe("Loyal lieutenants that decided to attack, running total"),
          MetricSpec.counter("decidedRetreat", "Decided to retreat", "lieutenants")
              .runningTotal()
              .describe("Loyal lieutenants that decided to retreat, running total"),
          MetricSpec.counter("traitors", "Traitors", "generals")
              .runningTotal()
              .describe("Traitors among the generals reporting, running total"),
          MetricSpec.counter("missingReports", "Missing reports", "generals")
              .runningTotal()
              .describe("Generals whose decision never reached the referee, running total"));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
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
