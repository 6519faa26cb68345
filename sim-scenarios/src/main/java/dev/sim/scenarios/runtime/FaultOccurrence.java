package dev.sim.scenarios.runtime;

import dev.sim.api.FaultControls;
import dev.sim.api.NodeControls;
import dev.sim.api.Target;
import dev.sim.kernel.random.Rng;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.run.Simulation;
import dev.sim.network.Network;
import dev.sim.network.clock.SkewedClocks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runner's side of {@link FaultControls}: one occurrence of one fault, acting on the
 * simulation, the network and the clocks. Node events it causes give the reason {@code fault}.
 */
final class FaultOccurrence implements FaultControls {
  /** What every occurrence of a run shares. */
  record Run(
      Simulation sim,
      Network network,
      SkewedClocks clocks,
      boolean perfectClocks,
      NodeControls[] controls,
      Rng random) {}

  private final Run run;
  private final String kind;
  private final int index;
  private final long startNanos;
  private final long lastsNanos;
  private final boolean instant;

  /**
   * @param kind the fault kind's name, which colours its annotations
   * @param index the fault's place in the scenario's list, which names its random streams
   * @param startNanos when this occurrence happens
   * @param lastsNanos how long it lasts, or -1
   * @param instant whether it happens at once (its span is a line)
   */
  FaultOccurrence(
      Run run, String kind, int index, long startNanos, long lastsNanos, boolean instant) {
    this.run = run;
    this.kind = kind;
    this.index = index;
    this.startNanos = startNanos;
    this.lastsNanos = lastsNanos;
    this.instant = instant;
  }

  @Override
  public long now() {
    return run.sim().now();
  }

  @Override
  public long lastsNanos() {
    return lastsNanos;
  }

  @Override
  public int[] resolve(Target t) {
    int[] members = run.sim().members(t.ref());
    if (!t.random() || members.length <= 1) {
      return members;
    }
    return new int[] {members[run.random().nextInt(members.length)]};
  }

  @Override
  public Rng random(String purpose) {
    // Named, not drawn from the schedule's stream: a kind's draws depend on nothing else in the
    // run.
    return run.sim().streams().stream("fault#" + index + "@" + startNanos + "/" + purpose);
  }

  @Override
  public int[] nodes(List<String> refs) {
    return refs.stream().map(run.sim()::members).flatMapToInt(Arrays::stream).toArray();
  }

  @Override
  public List<String> names(int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(run.sim().nodeName(id));
    }
    return out;
  }

  @Override
  public void crash(int id) {
    run.sim().crash(id, "fault");
  }

  @Override
  public void restart(int id) {
    run.sim().restart(id, "fault");
  }

  @Override
  public void pause(int id) {
    run.sim().pause(id, "fault");
  }

  @Override
  public void resume(int id) {
    run.sim().resume(id, "fault");
  }

  @Override
  public void slow(int id, double factor) {
    run.controls()[id].setSlowFactor(factor);
  }

  @Override
  public long partition(int[][] sides) {
    return run.network().partition(sides);
  }

  @Override
  public long cutOneWay(int[] from, int[] to) {
    return run.network().cutOneWay(from, to);
  }

  @Override
  public void heal(long handle) {
    run.network().heal(handle);
  }

  @Override
  public long loss(int[] a, int[] b, double rate) {
    return run.network().lossBurst(a, b, rate);
  }

  @Override
  public void endLoss(long handle) {
    run.network().endLossBurst(handle);
  }

  @Override
  public NodeControls controls(int id) {
    return run.controls()[id];
  }

  @Override
  public void stepClock(int id, long stepNanos) {
    if (run.perfectClocks()) {
      // The run was set up with perfect clocks because no fault declared that it steps one.
      throw new IllegalStateException(
          "fault kind '"
              + kind
              + "' stepped a clock but does not declare it: override FaultKind.stepsClocks()");
    }
    run.clocks().jump(id, stepNanos, run.sim().now());
    run.sim().clockChanged(id);
  }

  @Override
  public void annotate(String label, List<String> nodes) {
    // From now: a kind may mark a later moment of its occurrence (a rollout's steps, its rollback).
    long now = run.sim().now();
    long end = instant ? now : lastsNanos >= 0 ? startNanos + lastsNanos : -1;
    run.sim().annotate(new Annotation(kind, label, now, end, List.copyOf(nodes)));
  }

  @Override
  public void after(long delayNanos, String label, Runnable action) {
    if (delayNanos >= 0) {
      run.sim().schedule(run.sim().now() + delayNanos, label, action);
    }
  }
}
