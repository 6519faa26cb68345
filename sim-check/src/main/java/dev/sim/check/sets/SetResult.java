package dev.sim.check.sets;

import dev.sim.check.Operation;
import dev.sim.check.Verdict;
import java.util.List;

/**
 * The set checker's findings for one key.
 *
 * @param key the key (null: the unnamed key)
 * @param verdict invalid when any element was lost, vanished or unexpected
 * @param operations how many operations the key has
 * @param lost acknowledged adds missing from a read invoked after the add completed, each with the
 *     first such read, in order of acknowledgement
 * @param vanished elements (not lost) seen in a read and missing from a read invoked after that
 *     read completed, each with the first such pair of reads
 * @param unexpected elements a read returned that no add could have put there: never added, only by
 *     adds that failed, or by adds invoked after the read completed
 * @param neverRead elements of ok adds that no ok read returned, in order of acknowledgement
 * @param infoAddsSeen elements of adds that ended info (or never completed) that a read returned:
 *     such adds did happen, which is fine
 * @param staleReads ok reads missing at least one element acknowledged before they were invoked
 */
public record SetResult(
    String key,
    Verdict verdict,
    int operations,
    List<Lost> lost,
    List<Vanished> vanished,
    List<Unexpected> unexpected,
    List<Long> neverRead,
    int infoAddsSeen,
    long staleReads) {

  /** Copies the lists. */
  public SetResult {
    lost = List.copyOf(lost);
    vanished = List.copyOf(vanished);
    unexpected = List.copyOf(unexpected);
    neverRead = List.copyOf(neverRead);
  }

  /**
   * An acknowledged element a later read did not return.
   *
   * @param element the element
   * @param add the ok add (the first to complete, if there were several)
   * @param read the first ok read invoked after the add completed that did not return it
   */
  public record Lost(long element, Operation add, Operation read) {}

  /**
   * An element that was read and then was not.
   *
   * @param element the element
   * @param seenIn the read (the first to complete) that returned it
   * @param missingFrom the first ok read invoked after {@code seenIn} completed without it
   */
  public record Vanished(long element, Operation seenIn, Operation missingFrom) {}

  /**
   * An element a read returned that no add could have put there.
   *
   * @param element the element
   * @param read the first read that returned it
   */
  public record Unexpected(long element, Operation read) {}
}
