package dev.sim.check.linear;

import dev.sim.check.Model;
import dev.sim.check.Verdict;
import dev.sim.kernel.history.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Linearizability of registers and cas-registers, checked per key (P-compositionality) by the Wing
 * and Gong / Lowe search with memoization of (linearized set, state), as Porcupine does.
 *
 * <p>The keys share the deadline: their searches run in turn, a slice of steps each, so one hard
 * key cannot starve the easy ones of their verdicts. Single-threaded; wall time is read only to
 * enforce the deadline and to report how long the check took.
 */
public final class Linearizability {
  /** Walk steps per slice: about a millisecond, so the deadline is kept to within a few. */
  private static final long SLICE_STEPS = 1 << 15;

  private Linearizability() {}

  /**
   * Checks {@code history} (any keys, invokes and completions in order) as registers of {@code
   * model}. Operations completed {@code info}, and invokes with no completion, may take effect at
   * any point after their invoke or never; {@code fail} operations never took effect. When {@code
   * timeout} passes before a verdict, the undecided keys are {@code unknown}, never valid. Real
   * time is the history's order: an operation precedes another when its completion comes before the
   * other's invoke in the list (ties in simulated time are in the order they happened).
   *
   * @throws IllegalArgumentException if the model is not a register model, or the history breaks
   *     the format (the message names the history index)
   */
  public static LinearResult check(List<Op> history, Model model, Duration timeout) {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(timeout, "timeout");
    if (model != Model.REGISTER && model != Model.CAS_REGISTER) {
      throw new IllegalArgumentException(
          "the linearizability checker handles the register and cas-register models, not "
              + model.id());
    }
    long start = System.nanoTime();
    long timeoutNanos = saturatedNanos(timeout);
    long deadline = start + timeoutNanos;
    Map<String, List<RegisterOp>> byKey = RegisterOps.byKey(history, model);
    List<KeyHistory> keys = new ArrayList<>(byKey.size());
    byKey.forEach((key, ops) -> keys.add(KeyHistory.of(key, ops)));

    StateCache.Budget budget = StateCache.Budget.ofHeap();
    List<Search> searches = new ArrayList<>(keys.size());
    for (KeyHistory key : keys) {
      searches.add(new Search(key, budget));
    }
    boolean running = true;
    while (running && System.nanoTime() - deadline < 0) {
      running = false;
      for (Search search : searches) {
        if (search.verdict() == null) {
          if (search.run(SLICE_STEPS) == null) {
            running = true;
          } else {
            search.release();
          }
        }
        if (System.nanoTime() - deadline >= 0) {
          break;
        }
      }
    }
    List<KeyResult> results = new ArrayList<>(keys.size());
    Verdict verdict = Verdict.VALID;
    for (int i = 0; i < keys.size(); i++) {
      KeyResult r = result(keys.get(i), searches.get(i), timeoutNanos);
      searches.get(i).release();
      verdict = verdict.and(r.verdict());
      results.add(r);
    }
    return new LinearResult(verdict, results, System.nanoTime() - start);
  }

  private static KeyResult result(KeyHistory h, Search search, long timeoutNanos) {
    Verdict v = search.verdict() == null ? Verdict.UNKNOWN : search.verdict();
    int[] prefix = search.prefix();
    List<Integer> indices = new ArrayList<>(prefix.length);
    for (int op : prefix) {
      indices.add(h.ops[op].invokeIndex());
    }
    return switch (v) {
      case VALID -> new KeyResult(h.key, v, h.all.size(), indices, -1, "");
      case INVALID ->
          new KeyResult(
              h.key,
              v,
              h.all.size(),
              indices,
              h.ops[search.stuck()].invokeIndex(),
              Explanation.invalid(h, prefix, search.prefixState(), search.stuck()));
      case UNKNOWN ->
          new KeyResult(
              h.key, v, h.all.size(), indices, -1, Explanation.unknown(h, search, timeoutNanos));
    };
  }

  private static long saturatedNanos(Duration d) {
    if (d.isNegative()) {
      return 0;
    }
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }
}
