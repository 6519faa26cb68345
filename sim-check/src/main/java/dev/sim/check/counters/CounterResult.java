package dev.sim.check.counters;

import dev.sim.check.Operation;
import dev.sim.check.Verdict;
import java.util.List;

/**
 * The counter checker's findings for one key.
 *
 * @param key the key (null: the unnamed key)
 * @param verdict invalid when any ok read is outside its bounds
 * @param operations how many operations the key has
 * @param reads how many reads ended ok
 * @param outOfBounds the ok reads outside their bounds, in order of invoke
 */
public record CounterResult(
    String key, Verdict verdict, int operations, int reads, List<OutOfBounds> outOfBounds) {

  /** Copies the list. */
  public CounterResult {
    outOfBounds = List.copyOf(outOfBounds);
  }

  /**
   * An ok read whose value no order of the increments can explain.
   *
   * @param read the read
   * @param value what it returned
   * @param lower the least it could have returned
   * @param upper the most it could have returned
   */
  public record OutOfBounds(Operation read, long value, long lower, long upper) {
    /** How far below its lower bound the read was (0 when it was above its upper bound). */
    public long shortfall() {
      return Math.max(0, lower - value);
    }
  }

  /** How many reads were below their lower bound: they missed acknowledged increments. */
  public long readsBelow() {
    return outOfBounds.stream().filter(o -> o.value() < o.lower()).count();
  }

  /**
   * The most any read fell below its lower bound: at least this much of the acknowledged increments
   * was missing at some moment (with increments of 1, that many increments).
   */
  public long largestShortfall() {
    return outOfBounds.stream().mapToLong(OutOfBounds::shortfall).max().orElse(0);
  }
}
