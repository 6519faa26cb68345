package dev.sim.check;

import java.util.List;

/**
 * The verdict for one key, whatever its model.
 *
 * @param key the key (null: the unnamed key)
 * @param model the model it was checked as
 * @param verdict valid, invalid, or unknown when the deadline passed first
 * @param operations how many operations (invokes) it has
 * @param longestPrefix registers: the history indices of the invokes of the longest linearization
 *     found, in its order (for an invalid key, the longest valid prefix); empty for other models
 * @param stuckOp the history index of the invoke of the operation to mark: for registers the one
 *     that cannot be placed after the prefix; for sets the read that misses an element (or returns
 *     one it cannot); for counters the read out of bounds; -1 when there is none
 * @param related history indices of invokes that explain {@code stuckOp}: the add of a lost
 *     element, the read that saw a vanished one
 * @param explanation for people: why the key is not valid (empty when it is)
 * @param findings every finding for people, the first being {@code explanation}
 */
public record KeyCheck(
    String key,
    Model model,
    Verdict verdict,
    int operations,
    List<Integer> longestPrefix,
    int stuckOp,
    List<Integer> related,
    String explanation,
    List<String> findings) {

  /** Copies the lists. */
  public KeyCheck {
    longestPrefix = List.copyOf(longestPrefix);
    related = List.copyOf(related);
    findings = List.copyOf(findings);
    explanation = explanation == null ? "" : explanation;
  }
}
