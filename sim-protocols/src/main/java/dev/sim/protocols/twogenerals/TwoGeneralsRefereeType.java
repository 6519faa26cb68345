package dev.sim.protocols.twogenerals;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.List;

/**
 * The {@code two-generals-referee} node type: an observer outside the protocol that receives both
 * generals' decision in each trial and counts {@code trials}, {@code aAttacks}, {@code bAttacks},
 * {@code coordinated} (both attack) and {@code disagreement} (exactly one attacks: the army that
 * attacks alone is destroyed). A decision report lost on the way leaves its trial unjudged, so give
 * the referee's links no loss.
 */
public final class TwoGeneralsRefereeType implements NodeType<TwoGeneralsRefereeParams> {
  @Override
  public String name() {
    return "two-generals-referee";
  }

  @Override
  public String summary() {
    return "Judges the two generals' decisions: counts trials, coordinated attacks, disagreements.";
  }

  @Override
  public Class<TwoGeneralsRefereeParams> parameters() {
    return TwoGeneralsRefereeParams.class;
  }

  /** The referee's tally of trials, counted once per trial. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("trials", "Trials", "trials")
              .runningTotal()
              .describe("Trials judged, running total"),
          MetricSpec.counter("aAttacks", "General A attacks", "trials")
              .runningTotal()
              .describe("Trials in which general A attacked, running total"),
          MetricSpec.counter("bAttacks", "General B attacks", "trials")
              .runningTotal()
              .describe("Trials in which general B attacked, running total"),
          MetricSpec.counter("coordinated", "Coordinated attacks", "trials")
              .runningTotal()
              .describe("Trials in which both generals attacked, running total"),
          MetricSpec.counter("disagreement", "Disagreements", "trials")
              .runningTotal()
              .describe("Trials in which one general attacked alone, running total"));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public Node create(TwoGeneralsRefereeParams params, BuildContext ctx) {
    return new TwoGeneralsReferee();
  }
}
