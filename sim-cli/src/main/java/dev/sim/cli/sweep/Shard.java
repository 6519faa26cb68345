package dev.sim.cli.sweep;

import dev.sim.cli.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} interleaved slices of a sweep, {@code --shard K/N}: the runs whose place in
 * {@code sweep.csv}'s order (point, then seed), counted from 0, leaves {@code K - 1} when divided
 * by N. Interleaving by that order spreads every point's seeds over the shards, so that a point
 * whose runs are slow does not land on one shard.
 *
 * @param index K, from 1 to {@code count}
 * @param count N, at least 1
 */
public record Shard(int index, int count) {
  private static final Pattern FORM = Pattern.compile("\\s*(-?\\d+)\\s*/\\s*(-?\\d+)\\s*");

  /** The whole sweep as one shard. */
  public static final Shard WHOLE = new Shard(1, 1);

  /** Checks the range. */
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count);
    }
  }

  /**
   * Reads {@code --shard K/N}.
   *
   * @throws UserError saying what to write instead
   */
  public static Shard parse(String text) {
    String shown = "--shard " + text + ": ";
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new UserError(
          shown + "expected K/N, the K-th of N slices, e.g. --shard 1/4 (then 2/4, 3/4, 4/4)");
    }
    long k;
    long n;
    try {
      k = Long.parseLong(m.group(1));
      n = Long.parseLong(m.group(2));
    } catch (NumberFormatException e) {
      throw new UserError(shown + "the numbers are too large");
    }
    if (n < 1) {
      throw new UserError(shown + "N is the number of shards, at least 1, e.g. --shard 1/4");
    }
    if (n > Integer.MAX_VALUE) {
      throw new UserError(shown + "at most " + Integer.MAX_VALUE + " shards");
    }
    if (k < 1) {
      throw new UserError(shown + "shards count from 1: the first of " + n + " is --shard 1/" + n);
    }
    if (k > n) {
      throw new UserError(
          shown
              + "K is at most N: the shards of "
              + n
              + (n == 1 ? " is 1/1" : " are 1/" + n + " to " + n + "/" + n));
    }
    return new Shard((int) k, (int) n);
  }

  /** Whether the run at {@code row} of the whole sweep's file order belongs to this shard. */
  public boolean holds(long row) {
    return row % count == index - 1;
  }

  /** Whether this is the whole sweep. */
  public boolean whole() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
