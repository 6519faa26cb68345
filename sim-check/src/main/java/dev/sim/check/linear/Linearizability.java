package dev.sim.check.linear;

import dev.sim.check.Model;
import dev.sim.kernel.history.Op;
import java.time.Duration;
import java.util.List;

/**
 * Linearizability of registers and cas-registers, checked per key (P-compositionality) by the Wing
 * and Gong / Lowe search with memoization of (linearized set, state), as Porcupine does.
 */
public final class Linearizability {
  private Linearizability() {}

  /**
   * Checks {@code history} (any keys, invokes and completions in order) as registers of {@code
   * model}. Operations completed {@code info}, and invokes with no completion, may take effect at
   * any point after their invoke or never; {@code fail} operations never took effect. When {@code
   * timeout} passes before a verdict, the undecided keys are {@code unknown}, never valid.
   */
  public static LinearResult check(List<Op> history, Model model, Duration timeout) {
    throw new UnsupportedOperationException("the linearizability search is being written");
  }
}
