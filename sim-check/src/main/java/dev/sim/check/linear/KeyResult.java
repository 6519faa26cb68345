package dev.sim.check.linear;

import dev.sim.check.Verdict;
import java.util.List;

/**
 * The linearizability verdict for one key.
 *
 * @param key the key (null: the one unnamed key)
 * @param verdict valid, invalid, or unknown when the deadline passed first
 * @param operations how many operations (invokes) the key has
 * @param longestPrefix the history indices of the invokes of the longest linearization the search
 *     found, in linearization order (for an invalid key: the longest valid prefix)
 * @param stuckOp for an invalid key, the history index of the invoke of the operation that cannot
 *     be placed after {@code longestPrefix}; -1 otherwise
 * @param explanation one sentence for people: why {@code stuckOp} cannot be placed (empty when
 *     valid)
 */
public record KeyResult(
    String key,
    Verdict verdict,
    int operations,
    List<Integer> longestPrefix,
    int stuckOp,
    String explanation) {

  /** Copies the prefix. */
  public KeyResult {
    longestPrefix = List.copyOf(longestPrefix);
  }
}
