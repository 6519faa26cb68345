package dev.sim.scenarios.faults;

import dev.sim.api.Cut;
import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import dev.sim.scenarios.plugin.TraceName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code partition: [[api-1], [api-2, db]]}: no message crosses between the sides; or {@code
 * partition: {from: db, to: api}}: db's messages to api are lost, the other way still works. Healed
 * after {@code for}.
 */
public final class PartitionFault
    implements FaultKind<PartitionFault.Params>, TraceName<PartitionFault.Params> {
  /**
   * The partition's keys.
   *
   * @param cut the sides, or the one direction cut
   */
  public record Params(
      @Param(
              key = "partition",
              doc =
                  "The sides that cannot reach each other, like [[api-1], [api-2, db]] (each a"
                      + " node or a list of nodes); or {from: db, to: api}: only db's messages to"
                      + " api are lost.",
              unit = Unit.SIDES,
              required = true)
          Cut cut) {}

  @Override
  public String name() {
    return "partition";
  }

  @Override
  public String summary() {
    return "Cuts the network between sides (or in one direction), healed after `for`.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    Cut c = p.cut();
    if (c.oneWay()) {
      return "cut " + Labels.names(c.from()) + " → " + Labels.names(c.to());
    }
    return "partition " + String.join(" | ", c.sides().stream().map(Labels::names).toList());
  }

  @Override
  public String traceName(Params p) {
    return p.cut().oneWay() ? "onewaycut" : "partition";
  }

  @Override
  public void start(Params p, FaultControls c) {
    Cut cut = p.cut();
    String label = describe(p, Target::toString);
    if (cut.oneWay()) {
      long handle = c.cutOneWay(c.nodes(cut.from()), c.nodes(cut.to()));
      c.after(c.lastsNanos(), "heal cut", () -> c.heal(handle));
      c.annotate(label, c.names(c.nodes(cut.from())));
      return;
    }
    int[][] sides = new int[cut.sides().size()][];
    List<String> hit = new ArrayList<>();
    for (int i = 0; i < sides.length; i++) {
      sides[i] = c.nodes(cut.sides().get(i));
      hit.addAll(c.names(sides[i]));
    }
    long handle = c.partition(sides);
    c.after(c.lastsNanos(), "heal partition", () -> c.heal(handle));
    c.annotate(label, hit);
  }
}
