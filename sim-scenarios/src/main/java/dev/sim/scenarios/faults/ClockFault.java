package dev.sim.scenarios.faults;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Problem;
import dev.sim.api.Target;
import dev.sim.kernel.time.Durations;
import dev.sim.scenarios.plugin.TraceName;
import java.util.List;
import java.util.function.Function;

/**
 * {@code clock: api-3, jump: -5s}: the node's local clock steps (an NTP correction, a VM resumed);
 * its timers follow their local due times. Happens at once.
 */
public final class ClockFault
    implements FaultKind<ClockFault.Params>, TraceName<ClockFault.Params> {
  /**
   * The clock step's keys.
   *
   * @param target whose clock steps
   * @param jumpNanos the step, signed
   */
  public record Params(
      @Param(
              key = "clock",
              doc = "Whose clock steps: a node, a group (all its instances) or random(group).",
              unit = Unit.TARGET,
              required = true)
          Target target,
      @Param(
              key = "jump",
              doc = "How far the clock steps, like 5s or -2s.",
              unit = Unit.DURATION,
              required = true,
              min = Long.MIN_VALUE)
          long jumpNanos) {}

  @Override
  public String name() {
    return "clock";
  }

  @Override
  public String summary() {
    return "Steps nodes' local clocks by `jump` (signed), at once; their timers follow.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public boolean stepsClocks() {
    return true;
  }

  @Override
  public Lasting lasting() {
    return Lasting.instant("a clock jump happens at once and is not undone; it takes no 'for'");
  }

  @Override
  public List<Problem> check(Params p) {
    return p.jumpNanos() == 0
        ? List.of(
            new Problem("jump", "a clock jump of 0s does nothing; write a step like 5s or -2s"))
        : List.of();
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    long j = p.jumpNanos();
    String step = (j < 0 ? "-" : "+") + Durations.format(Math.abs(j));
    return "clock " + step + " " + targets.apply(p.target());
  }

  @Override
  public String traceName(Params p) {
    return "clockjump";
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] ids = c.resolve(p.target());
    for (int id : ids) {
      c.stepClock(id, p.jumpNanos());
    }
    c.annotate(describe(p, t -> Labels.names(c.names(ids))), c.names(ids));
  }
}
