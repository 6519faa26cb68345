package dev.sim.protocols.byzantine;

import dev.sim.api.BuildContext;
import dev.sim.api.Names;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code byzantine-general} node type: one general of OM(m) or SM(m) (see {@link OralGeneral},
 * {@link SignedGeneral}). All generals of a run are the instances of one node group; which one
 * commands and which are traitors is part of the shared parameters, so each instance knows its own
 * role. Counters: {@code messages} (protocol messages sent), {@code missingMessages} (OM: orders a
 * loyal lieutenant did not receive by its round's timeout and took as RETREAT), {@code
 * lateMessages} and {@code rejectedMessages} (ill-formed paths or chains).
 */
public final class ByzantineGeneralType implements NodeType<ByzantineParams> {
  @Override
  public String name() {
    return "byzantine-general";
  }

  @Override
  public String summary() {
    return "A Byzantine general running OM(m) or SM(m) in timed rounds; traitors follow a"
        + " strategy.";
  }

  @Override
  public Class<ByzantineParams> parameters() {
    return ByzantineParams.class;
  }

  /** What every general records, whichever algorithm it runs (see {@code General}). */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("messages", "Protocol messages", "messages")
              .describe("Orders and relays the generals sent"),
          MetricSpec.counter("rejectedMessages", "Rejected messages", "messages")
              .describe("Orders ignored for a malformed path or sent to the commander"),
          MetricSpec.counter("lateMessages", "Late messages", "messages")
              .describe("Orders that arrived after their round had ended"),
          MetricSpec.counter("missingMessages", "Missing messages", "messages")
              .describe("Orders a loyal general expected and never got (taken as RETREAT)"));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(ByzantineParams p) {
    List<Problem> problems = new ArrayList<>();
    if (p.roundNanos() <= 0) {
      problems.add(new Problem("round", "must be longer than 0"));
    }
    if (p.m() < 0) {
      problems.add(new Problem("m", "must be 0 or more, not " + p.m()));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String name : p.traitorNames()) {
      if (!Names.isValid(name)) {
        problems.add(
            new Problem(
                "traitors",
                "'"
                    + name
                    + "' is not a node name (expected a list of"
                    + " generals, e.g. [general-3, general-4])"));
      } else if (!seen.add(name)) {
        problems.add(new Problem("traitors", "'" + name + "' is listed twice"));
      }
    }
    return problems;
  }

  @Override
  public Node create(ByzantineParams params, BuildContext ctx) {
    return params.signed() ? new SignedGeneral(params) : new OralGeneral(params);
  }
}
