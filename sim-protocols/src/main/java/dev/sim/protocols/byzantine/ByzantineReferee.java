package dev.sim.protocols.byzantine;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;

/**
 * Judges one run of the Byzantine generals from the generals' reports (see {@link
 * ByzantineRefereeType} for the counters it records).
 */
final class ByzantineReferee implements Node {
  /** The deadline for reports. */
  record Deadline() {}

  private final RefereeParams params;
  private NodeContext ctx;
  private int[] generals;
  private Report[] reports;
  private int received;
  private boolean judged;

  ByzantineReferee(RefereeParams params) {
    this.params = params;
  }

  @Override
  public void start(NodeContext context) {
    ctx = context;
    generals = ctx.members(params.generals());
    if (generals.length == 0) {
      throw new IllegalArgumentException(
          "generals: no node group or instance called '" + params.generals() + "'");
    }
    reports = new Report[generals.length];
    ctx.on(Report.class, this::handleReport);
    ctx.onTimer(Deadline.class, d -> judge());
    if (params.deadlineNanos() > 0) {
      ctx.setTimer(params.deadlineNanos(), new Deadline());
    }
  }

  private void handleReport(Report r, int sender) {
    int i = indexOf(sender);
    if (judged || i < 0 || reports[i] != null) {
      return; // late, from a stranger, or a duplicate copy
    }
    reports[i] = r;
    received++;
    if (received == generals.length) {
      judge();
    }
  }

  private void judge() {
    if (judged) {
      return;
    }
    judged = true;
    Order commanded = null;
    boolean traitorCommander = false;
    int attack = 0;
    int retreat = 0;
    int traitors = 0;
    for (Report r : reports) {
      if (r == null) {
        continue;
      }
      if (!r.loyal()) {
        traitors++;
        traitorCommander |= r.commander();
      } else if (r.commander()) {
        commanded = r.value();
      } else if (r.value() == Order.ATTACK) {
        attack++;
      } else {
        retreat++;
      }
    }
    boolean ic1 = attack == 0 || retreat == 0;
    boolean ic2 = commanded == null || (commanded == Order.ATTACK ? retreat == 0 : attack == 0);
    var metrics = ctx.metrics();
    metrics.count("verdicts", 1);
    metrics.count("ic1Violations", ic1 ? 0 : 1);
    metrics.count("ic2Violations", ic2 ? 0 : 1);
    metrics.count("decidedAttack", attack);
    metrics.count("decidedRetreat", retreat);
    metrics.count("traitors", traitors);
    metrics.count("missingReports", generals.length - received);
    if (ctx.tracing()) {
      ctx.log(
          "verdict: "
              + attack
              + " loyal lieutenants attack, "
              + retreat
              + " retreat; IC1 "
              + (ic1 ? "holds" : "VIOLATED")
              + ", IC2 "
              + (commanded != null
                  ? (ic2 ? "holds" : "VIOLATED")
                  : traitorCommander
                      ? "does not apply (traitorous commander)"
                      : "unknown (no report from the commander)"));
    }
  }

  private int indexOf(int id) {
    for (int i = 0; i < generals.length; i++) {
      if (generals[i] == id) {
        return i;
      }
    }
    return -1;
  }
}
