package dev.sim.check.counters;

import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.check.Values;
import dev.sim.check.Verdict;
import dev.sim.check.counters.CounterResult.OutOfBounds;
import dev.sim.kernel.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the {@code incr} and {@code read} operations of one counter, starting at 0. Each ok read
 * must lie within bounds, as Jepsen's counter checker has it: every ok increment that completed
 * before the read was invoked has certainly applied; every increment that may have happened (ok or
 * info, or never completed) and was invoked before the read completed may have applied or not;
 * failed increments never applied. So with {@code D} the sum of the certain ones and {@code P+},
 * {@code P-} the sums of the positive and negative amounts of the possible ones, the read lies in
 * {@code [D + P-, D + P+]}. Amounts are taken as given, negative ones included.
 */
public final class CounterChecker {
  private CounterChecker() {}

  /** Checks the lines of one key, {@code key} (null: the unnamed key). */
  public static CounterResult check(String key, List<Op> ops) {
    List<Operation> all = Operations.pair(ops);
    List<Operation> certain = new ArrayList<>();
    List<Operation> possible = new ArrayList<>();
    List<Operation> reads = new ArrayList<>();
    for (Operation o : all) {
      if (o.f().equals("incr")) {
        if (o.ok()) {
          certain.add(o);
        }
        if (o.mayHaveHappened()) {
          possible.add(o);
        }
      } else if (o.isRead() && o.ok()) {
        reads.add(o);
      }
    }
    // Certain increments by completion, with prefix sums (total, positive part, negative part);
    // possible ones by invoke (pair gives invoke order), with the same.
    certain.sort((a, b) -> Integer.compare(a.completeIndex(), b.completeIndex()));
    Prefix done = new Prefix(certain, true);
    Prefix begun = new Prefix(possible, false);
    List<OutOfBounds> bad = new ArrayList<>();
    for (Operation r : reads) {
      int c = done.countBefore(r.invokeIndex());
      int p = begun.countBefore(r.completeIndex());
      long definite = done.sum[c];
      // The certain ones were all invoked before the read completed, so they are among the
      // possible ones: take them out to leave those that may or may not have applied.
      long up = begun.pos[p] - done.pos[c];
      long down = begun.neg[p] - done.neg[c];
      long lower = definite + down;
      long upper = definite + up;
      long v = (Long) r.completion().value();
      if (v < lower || v > upper) {
        bad.add(new OutOfBounds(r, v, lower, upper));
      }
    }
    return new CounterResult(
        key, bad.isEmpty() ? Verdict.VALID : Verdict.INVALID, all.size(), reads.size(), bad);
  }

  /** Sums of a list of increments sorted by one index, for every prefix. */
  private static final class Prefix {
    final int[] at;
    final long[] sum;
    final long[] pos;
    final long[] neg;

    Prefix(List<Operation> ops, boolean byCompletion) {
      at = new int[ops.size()];
      sum = new long[ops.size() + 1];
      pos = new long[ops.size() + 1];
      neg = new long[ops.size() + 1];
      for (int i = 0; i < ops.size(); i++) {
        Operation o = ops.get(i);
        long amount = (Long) o.invoke().value();
        at[i] = byCompletion ? o.completeIndex() : o.invokeIndex();
        sum[i + 1] = sum[i] + amount;
        pos[i + 1] = pos[i] + Math.max(0, amount);
        neg[i + 1] = neg[i] + Math.min(0, amount);
      }
    }

    /** How many have their index below {@code limit}. */
    int countBefore(int limit) {
      int lo = 0;
      int hi = at.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (at[mid] < limit) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** Sentences for people, one per read out of bounds. */
  public static List<String> describe(CounterResult r) {
    List<String> out = new ArrayList<>();
    for (OutOfBounds b : r.outOfBounds()) {
      Operation read = b.read();
      out.add(
          "the read by process "
              + read.process()
              + " invoked at "
              + Values.time(read.invokeNanos())
              + " returned "
              + b.value()
              + ", but it could only return "
              + (b.lower() == b.upper()
                  ? String.valueOf(b.lower())
                  : "from " + b.lower() + " to " + b.upper())
              + (b.value() < b.lower()
                  ? ": increments acknowledged before it began are missing"
                  : ": more was added up than any increment invoked before it completed"));
    }
    return out;
  }
}
