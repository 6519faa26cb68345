package dev.sim.check;

import dev.sim.check.linear.KeyResult;
import dev.sim.check.linear.LinearResult;
import dev.sim.check.linear.Linearizability;
import dev.sim.kernel.history.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Hands register keys to the linearizability search and its results back as {@link KeyCheck}s. */
final class Registers {
  private Registers() {}

  /**
   * Checks {@code ops} (the lines of every key of {@code model}, in order) for linearizability. The
   * search sees them numbered from 0 without gaps, as a whole history is (a file's indices need
   * only increase, and the register keys of a history that also has sets have gaps); its indices
   * are mapped back to the history's. A history numbered so already is passed as it is, so the
   * search's explanations name the history's own indices.
   */
  static List<KeyCheck> check(List<Op> ops, Model model, Duration timeout) {
    int[] original = new int[ops.size()];
    boolean gapless = true;
    for (int i = 0; i < ops.size(); i++) {
      original[i] = ops.get(i).index();
      gapless &= original[i] == i;
    }
    List<Op> renumbered = ops;
    if (!gapless) {
      renumbered = new ArrayList<>(ops.size());
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        renumbered.add(
            new Op(i, op.time(), op.process(), op.type(), op.f(), op.key(), op.value(), op.node()));
      }
    }
    LinearResult result = Linearizability.check(renumbered, model, timeout);
    List<KeyCheck> out = new ArrayList<>();
    for (KeyResult k : result.keys()) {
      List<Integer> prefix = new ArrayList<>(k.longestPrefix().size());
      for (int i : k.longestPrefix()) {
        prefix.add(original[i]);
      }
      int stuck = k.stuckOp() >= 0 ? original[k.stuckOp()] : -1;
      String why = k.verdict() == Verdict.VALID ? "" : k.explanation();
      if (k.verdict() == Verdict.UNKNOWN && why.isEmpty()) {
        why = "the deadline of " + Values.time(timeout.toNanos()) + " passed before a verdict";
      }
      out.add(
          new KeyCheck(
              k.key(),
              model,
              k.verdict(),
              k.operations(),
              prefix,
              stuck,
              List.of(),
              why,
              why.isEmpty() ? List.of() : List.of(why)));
    }
    return out;
  }
}
