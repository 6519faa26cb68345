package dev.sim.report.history;

import dev.sim.check.Checks;
import dev.sim.check.Model;
import dev.sim.check.Operations;
import dev.sim.kernel.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys of a history, each with the model it was checked as (the one its operations show, as the
 * run's own check infers it) and its number of operations.
 */
public final class CheckedKeys {
  private CheckedKeys() {}

  /**
   * One key of a history.
   *
   * @param key the key, or null for the unnamed key
   * @param model the model its operations show
   * @param operations its operations (invokes)
   */
  public record Key(String key, Model model, int operations) {}

  /**
   * The keys of {@code history} in order of their first line; empty when it mixes models on a key
   * (a run's history never does: its check would have failed first).
   */
  public static List<Key> of(List<Op> history) {
    List<Key> out = new ArrayList<>();
    try {
      for (Map.Entry<String, List<Op>> e : Operations.byKey(history).entrySet()) {
        int invokes = 0;
        for (Op op : e.getValue()) {
          invokes += op.isInvoke() ? 1 : 0;
        }
        out.add(new Key(e.getKey(), Checks.infer(e.getKey(), e.getValue()), invokes));
      }
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    return out;
  }
}
