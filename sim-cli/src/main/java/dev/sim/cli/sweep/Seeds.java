package dev.sim.cli.sweep;

import dev.sim.cli.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seeds of a sweep: every whole number from {@code first} to {@code last}, both included.
 *
 * @param first the smallest seed
 * @param last the largest seed, not smaller than {@code first}
 */
public record Seeds(long first, long last) {
  private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\s*\\.\\.\\s*(-?\\d+)");
  private static final Pattern COUNT = Pattern.compile("-?\\d+");
  private static final String FORMS =
      "write --seeds N for the seeds 1..N (e.g. --seeds 100) or --seeds A..B for A to B"
          + " (e.g. --seeds 1000..1099)";

  /** Checks the order. */
  public Seeds {
    if (last < first) {
      throw new IllegalArgumentException("last seed " + last + " < first seed " + first);
    }
  }

  /**
   * Reads {@code --seeds}: {@code N} (the seeds 1 to N) or {@code A..B}.
   *
   * @throws UserError saying what to write instead
   */
  public static Seeds parse(String text) {
    String t = text.strip();
    String shown = "--seeds " + text + ": ";
    try {
      Matcher range = RANGE.matcher(t);
      if (range.matches()) {
        long a = Long.parseLong(range.group(1));
        long b = Long.parseLong(range.group(2));
        if (b < a) {
          throw new UserError(
              shown
                  + "the range runs backwards (the first seed is larger than the last);"
                  + " write the smaller seed first: --seeds "
                  + b
                  + ".."
                  + a);
        }
        if (b - a < 0 || b - a == Long.MAX_VALUE) {
          throw new UserError(shown + "too many seeds for one sweep; split the range");
        }
        return new Seeds(a, b);
      }
      if (COUNT.matcher(t).matches()) {
        long n = Long.parseLong(t);
        if (n < 1) {
          throw new UserError(shown + "a sweep needs at least one seed; " + FORMS);
        }
        return new Seeds(1, n);
      }
    } catch (NumberFormatException e) {
      throw new UserError(
          shown + "a seed must lie between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
    }
    throw new UserError(shown + "expected a number of seeds or a range; " + FORMS);
  }

  /** The one seed a scenario names, for a sweep given no {@code --seeds}. */
  public static Seeds of(long seed) {
    return new Seeds(seed, seed);
  }

  /** How many seeds; at least 1. */
  public long count() {
    return last - first + 1;
  }

  /** The {@code i}-th seed, from 0. */
  public long get(long i) {
    return first + i;
  }

  @Override
  public String toString() {
    return first == last ? Long.toString(first) : first + ".." + last;
  }
}
