package dev.sim.check.linear;

import dev.sim.check.Verdict;
import java.util.List;

/**
 * The linearizability verdict for a whole history, split per key.
 *
 * @param verdict invalid if any key is; else unknown if any key is; else valid
 * @param keys one result per key, in order of each key's first operation
 * @param elapsedNanos wall time the check took
 */
public record LinearResult(Verdict verdict, List<KeyResult> keys, long elapsedNanos) {

  /** Copies the keys. */
  public LinearResult {
    keys = List.copyOf(keys);
  }
}
