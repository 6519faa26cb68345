package dev.sim.scenarios.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.FaultControls;
import dev.sim.api.NodeControls;
import dev.sim.api.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * The rollout fault against a hand-driven {@link FaultControls}: which instances run the new
 * version at each moment, and when the rollback fires. The nodes' answers are fed by the test (each
 * "second" every instance answers {@code perSecond} requests, the ones on the new version with
 * {@code errorShare} of them errors), so the figures are exact.
 */
class RolloutFaultTest {
  private static final long S = 1_000_000_000L;

  private static final RolloutFault.Params STAGED =
      new RolloutFault.Params(
          "api",
          "v2",
          List.of(
              new RolloutFault.Step(0, 0.01),
              new RolloutFault.Step(30 * S, 0.1),
              new RolloutFault.Step(60 * S, 0.5),
              new RolloutFault.Step(90 * S, 1.0)),
          null);

  @Test
  void stepsMoveTheFirstCeilShareInstancesAtTheirTimes() {
    Fake f = new Fake(20);
    new RolloutFault().start(STAGED, f);
    f.runUntil(0);
    assertThat(f.onNew()).isEqualTo(1); // ceil(0.01 × 20)
    assertThat(f.controls(0).version()).isEqualTo("v2");
    f.runUntil(29 * S);
    assertThat(f.onNew()).isEqualTo(1);
    f.runUntil(30 * S);
    assertThat(f.onNew()).isEqualTo(2); // 0.1 × 20
    f.runUntil(60 * S);
    assertThat(f.onNew()).isEqualTo(10);
    f.runUntil(90 * S);
    assertThat(f.onNew()).isEqualTo(20);
    // The first instances by index, never others.
    Fake g = new Fake(20);
    new RolloutFault().start(STAGED, g);
    g.runUntil(60 * S);
    for (int i = 0; i < 20; i++) {
      assertThat(g.controls(i).version()).isEqualTo(i < 10 ? "v2" : "");
    }
    assertThat(f.labels)
        .containsExactly(
            "0s rollout v2 1%: 1 of 20",
            "30s rollout v2 10%: 2 of 20",
            "60s rollout v2 50%: 10 of 20",
            "90s rollout v2 100%: 20 of 20");
  }

  @Test
  void withoutStepsItIsABigBangDeploy() {
    Fake f = new Fake(7);
    new RolloutFault().start(new RolloutFault.Params("api", "v2", null, null), f);
    f.runUntil(0);
    assertThat(f.onNew()).isEqualTo(7);
  }

  @Test
  void sharesRoundUpToWholeInstances() {
    assertThat(RolloutFault.instancesFor(0.01, 20)).isEqualTo(1);
    assertThat(RolloutFault.instancesFor(0.1, 30)).isEqualTo(3);
    assertThat(RolloutFault.instancesFor(0.5, 5)).isEqualTo(3);
    assertThat(RolloutFault.instancesFor(1.0, 4)).isEqualTo(4);
  }

  @Test
  void rollbackFiresAboveTheThresholdAndCancelsTheLaterSteps() {
    Fake f = new Fake(20);
    f.errorShare = 0.3;
    f.perSecond = 25;
    new RolloutFault().start(withRollback(0.05), f);
    f.runUntil(200 * S);
    // The canary's first second: 25 answers, 7 errors, 28% > 5%: back at the first check, 1s.
    assertThat(f.onNew()).isZero();
    assertThat(f.controls(0).version()).isEmpty();
    assertThat(f.labels).hasSize(2);
    assertThat(f.labels.get(0)).isEqualTo("0s rollout v2 1%: 1 of 20");
    assertThat(f.labels.get(1)).isEqualTo("1s rollback v2: 28% errors > 5%"); // 7 of 25
    // Cancelled: no later step ever moves an instance again.
    assertThat(f.maxOnNewAfterRollback).isZero();
  }

  @Test
  void noRollbackAtOrBelowTheThreshold() {
    Fake f = new Fake(20);
    f.errorShare = 0.04; // 1 error in 25 answers: 4%, not above 5%
    f.perSecond = 25;
    new RolloutFault().start(withRollback(0.05), f);
    f.runUntil(200 * S);
    assertThat(f.onNew()).isEqualTo(20);
    assertThat(f.labels).noneMatch(l -> l.contains("rollback"));
  }

  @Test
  void tooFewAnswersJudgeNothing() {
    Fake f = new Fake(20);
    f.errorShare = 1.0;
    f.perSecond = 1; // one answer a second on the canary: 10 in the window, under 20
    new RolloutFault().start(withRollback(0.05), f);
    f.runUntil(29 * S);
    assertThat(f.onNew()).isEqualTo(1);
    // 2 instances from 30s: the window fills to 20 answers, all errors, soon after.
    f.runUntil(45 * S);
    assertThat(f.onNew()).isZero();
  }

  @Test
  void sameInputSameRun() {
    List<String> a = run();
    List<String> b = run();
    assertThat(a).isEqualTo(b).isNotEmpty();
  }

  private static List<String> run() {
    Fake f = new Fake(20);
    f.errorShare = 0.3;
    f.perSecond = 3;
    new RolloutFault().start(withRollback(0.05), f);
    f.runUntil(200 * S);
    return f.labels;
  }

  @Test
  void checkRejectsStepsOutOfOrderAndAThresholdOfOne() {
    RolloutFault k = new RolloutFault();
    var bad =
        new RolloutFault.Params(
            "api",
            "v2",
            List.of(new RolloutFault.Step(10 * S, 0.5), new RolloutFault.Step(5 * S, 1)),
            new RolloutFault.Rollback(1.0, 10 * S, 20));
    assertThat(k.check(bad))
        .extracting(p -> p.keyPath())
        .containsExactly("steps[1].at", "rollback.errorsAbove");
    var down =
        new RolloutFault.Params(
            "api",
            "v2",
            List.of(new RolloutFault.Step(0, 0.5), new RolloutFault.Step(5 * S, 0.1)),
            null);
    assertThat(k.check(down)).extracting(p -> p.keyPath()).containsExactly("steps[1].share");
    assertThat(k.check(STAGED)).isEmpty();
  }

  private static RolloutFault.Params withRollback(double above) {
    return new RolloutFault.Params(
        STAGED.group(), "v2", STAGED.steps(), new RolloutFault.Rollback(above, 10 * S, 20));
  }

  /** Fault controls over {@code n} instances, with a clock the test advances second by second. */
  private static final class Fake implements FaultControls {
    record Due(long at, long seq, Runnable action) {}

    final NodeControls[] nodes;
    final PriorityQueue<Due> due =
        new PriorityQueue<>(
            (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.seq, y.seq));
    final List<String> labels = new ArrayList<>();
    long now;
    long seq;
    double errorShare;
    int perSecond;
    boolean rolledBack;
    int maxOnNewAfterRollback;
    private final double[] errorDebt;

    Fake(int n) {
      nodes = new NodeControls[n];
      errorDebt = new double[n];
      for (int i = 0; i < n; i++) {
        nodes[i] = new NodeControls();
      }
    }

    int onNew() {
      int k = 0;
      for (NodeControls c : nodes) {
        k += c.version().equals("v2") ? 1 : 0;
      }
      return k;
    }

    /** Runs every action due up to {@code t}; each whole second, each node answers first. */
    void runUntil(long t) {
      while (true) {
        long nextSecond = (now / S + 1) * S;
        Due d = due.peek();
        // A second's answers come before an action due at that very moment.
        long next = d != null && d.at < nextSecond ? d.at : nextSecond;
        if (next > t) {
          now = t;
          return;
        }
        if (d != null && d.at < nextSecond) {
          due.poll();
          now = d.at;
          d.action.run();
        } else {
          now = nextSecond;
          answerOneSecond();
        }
        if (rolledBack) {
          maxOnNewAfterRollback = Math.max(maxOnNewAfterRollback, onNew());
        }
      }
    }

    private void answerOneSecond() {
      for (int i = 0; i < nodes.length; i++) {
        boolean isNew = nodes[i].version().equals("v2");
        for (int r = 0; r < perSecond; r++) {
          boolean error = false;
          if (isNew) {
            errorDebt[i] += errorShare;
            if (errorDebt[i] >= 1 - 1e-9) {
              errorDebt[i] -= 1;
              error = true;
            }
          }
          nodes[i].countAnswer(error);
        }
      }
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public dev.sim.kernel.random.Rng random(String purpose) {
      throw new UnsupportedOperationException("a rollout draws no random numbers");
    }

    @Override
    public long lastsNanos() {
      return -1;
    }

    @Override
    public int[] resolve(Target target) {
      return nodes(List.of(target.ref()));
    }

    @Override
    public int[] nodes(List<String> refs) {
      int[] ids = new int[nodes.length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = i;
      }
      return ids;
    }

    @Override
    public List<String> names(int[] ids) {
      List<String> out = new ArrayList<>();
      for (int id : ids) {
        out.add("api-" + (id + 1));
      }
      return out;
    }

    @Override
    public NodeControls controls(int id) {
      return nodes[id];
    }

    @Override
    public void annotate(String label, List<String> names) {
      labels.add(now / S + "s " + label);
      if (label.startsWith("rollback")) {
        rolledBack = true;
      }
    }

    @Override
    public void after(long delayNanos, String label, Runnable action) {
      if (delayNanos >= 0) {
        due.add(new Due(now + delayNanos, seq++, action));
      }
    }

    @Override
    public void crash(int id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void restart(int id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void pause(int id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void resume(int id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void slow(int id, double factor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long partition(int[][] sides) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long cutOneWay(int[] from, int[] to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void heal(long handle) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long loss(int[] a, int[] b, double rate) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void endLoss(long handle) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void stepClock(int id, long stepNanos) {
      throw new UnsupportedOperationException();
    }
  }
}
