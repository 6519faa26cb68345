package dev.sim.cli;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.history.History;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test node type that records a set's history through {@code ctx.history()} without any store: it
 * adds 1..adds to key {@code s}, each acknowledged 5ms later, then reads the set and returns every
 * element but the first {@code drop}. It registers two replicas whose digests of {@code s} differ
 * when it drops any.
 */
public final class HistoryType implements NodeType<HistoryType.Params> {
  /**
   * Parameters.
   *
   * @param adds how many elements to add
   * @param drop how many acknowledged elements the read leaves out
   */
  public record Params(
      @Param(doc = "How many elements the node adds.", unit = Unit.NUMBER, defaultValue = "5")
          int adds,
      @Param(
              doc = "How many acknowledged elements its read leaves out.",
              unit = Unit.NUMBER,
              defaultValue = "0")
          int drop) {}

  /** The next step of the script. */
  record Step() {}

  @Override
  public String name() {
    return "test-history";
  }

  @Override
  public String summary() {
    return "Records a set's operations, dropping some from its read (a test double).";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public Node create(Params params, BuildContext build) {
    return ctx -> {
      History h = ctx.history();
      int process = h.newProcess(ctx.name());
      h.replica(ctx.name() + "-a", () -> Map.of("s", "v" + params.adds()));
      h.replica(ctx.name() + "-b", () -> Map.of("s", "v" + (params.adds() - params.drop())));
      int[] step = {0};
      ctx.onTimer(
          Step.class,
          t -> {
            int i = step[0]++;
            long element = i / 2 + 1;
            if (i < 2 * params.adds()) {
              if (i % 2 == 0) {
                h.invoke(process, "add", "s", element);
              } else {
                h.ok(process, element);
              }
            } else if (i == 2 * params.adds()) {
              h.invoke(process, "read", "s", null);
            } else if (i == 2 * params.adds() + 1) {
              List<Long> seen = new ArrayList<>();
              for (long e = params.drop() + 1; e <= params.adds(); e++) {
                seen.add(e);
              }
              h.ok(process, seen);
              return;
            }
            ctx.setTimer(5_000_000L, new Step());
          });
      ctx.setTimer(5_000_000L, new Step());
    };
  }
}
