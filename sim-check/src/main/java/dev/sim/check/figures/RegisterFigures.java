package dev.sim.check.figures;

import dev.sim.check.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stale reads and lost writes of one register (write, cas and read), by real-time order alone.
 * "Before" compares history positions: {@code a} is before {@code b} when {@code a} completed
 * before {@code b} was invoked.
 *
 * <ul>
 *   <li>A value {@code u} is <em>definitely older</em> than a write {@code w} when {@code u} is
 *       null (the initial value), or every write of {@code u} that may have happened (ok, info or
 *       never completed) ended ok before {@code w} was invoked. A value nobody wrote is never
 *       older; linearizability reports it.
 *   <li>A <em>stale read</em> is an ok read returning {@code u} when some ok write {@code w}
 *       completed before the read was invoked and {@code u} is definitely older than {@code w}.
 *   <li>An ok write {@code w} is <em>lost</em> when an ok read {@code r} invoked after {@code w}
 *       completed returns a value definitely older than {@code w}, and no ok read invoked after
 *       {@code r} returns {@code w}'s value: the store went back to an older value and never showed
 *       {@code w}'s again. Its time is {@code r}'s invoke. A write is not lost while the reads
 *       after it show its value or newer or concurrent ones; a newer write that takes over after
 *       the older value was shown does not save it (nobody read {@code w} again).
 * </ul>
 */
public final class RegisterFigures {
  private RegisterFigures() {}

  /**
   * The register's figures.
   *
   * @param staleReads how many reads were stale
   * @param lost the lost writes, in order of the reads that showed them
   */
  public record Result(long staleReads, List<LostWrite> lost) {
    /** Copies the list. */
    public Result {
      lost = List.copyOf(lost);
    }
  }

  /** The figures of one register's operations (in invoke order), {@code key} naming it. */
  public static Result compute(String key, List<Operation> ops) {
    // Per written value: the latest completion among its writes, or NEVER when one of them may
    // have happened without an ok (so its effect may come at any time).
    Map<Long, Integer> writtenBy = new HashMap<>();
    List<Operation> okWrites = new ArrayList<>();
    List<Operation> reads = new ArrayList<>();
    Map<Long, Integer> lastReadInvoke = new HashMap<>();
    for (Operation o : ops) {
      if (o.isWrite() && o.mayHaveHappened()) {
        int done = o.ok() ? o.completeIndex() : Operation.NEVER;
        writtenBy.merge(o.written(), done, Math::max);
        if (o.ok()) {
          okWrites.add(o);
        }
      } else if (o.isRead() && o.ok()) {
        reads.add(o);
        Long v = (Long) o.completion().value();
        if (v != null) {
          lastReadInvoke.merge(v, o.invokeIndex(), Math::max);
        }
      }
    }
    // Ok writes by completion, and for each prefix the latest invoke among them: a read invoked at
    // i is stale when some ok write completed before i was invoked after its value was written.
    okWrites.sort((a, b) -> Integer.compare(a.completeIndex(), b.completeIndex()));
    int[] completed = new int[okWrites.size()];
    int[] latestInvoke = new int[okWrites.size()];
    for (int i = 0; i < completed.length; i++) {
      completed[i] = okWrites.get(i).completeIndex();
      latestInvoke[i] = Math.max(i == 0 ? -1 : latestInvoke[i - 1], okWrites.get(i).invokeIndex());
    }
    long stale = 0;
    for (Operation r : reads) {
      int n = countBelow(completed, r.invokeIndex());
      if (n == 0) {
        continue;
      }
      Long u = (Long) r.completion().value();
      if (u == null) {
        stale++;
      } else {
        Integer done = writtenBy.get(u);
        if (done != null && done != Operation.NEVER && done < latestInvoke[n - 1]) {
          stale++;
        }
      }
    }
    List<LostWrite> lost = new ArrayList<>();
    for (Operation w : okWrites) {
      long v = w.written();
      int after = Math.max(w.completeIndex(), lastReadInvoke.getOrDefault(v, -1));
      for (int i = firstInvokedAfter(reads, after); i < reads.size(); i++) {
        Operation r = reads.get(i);
        Long u = (Long) r.completion().value();
        if (!Objects.equals(u, v) && older(u, w, writtenBy)) {
          lost.add(new LostWrite(key, v, w, r));
          break;
        }
      }
    }
    lost.sort(
        (a, b) -> {
          int c = Integer.compare(a.read().invokeIndex(), b.read().invokeIndex());
          return c != 0 ? c : Integer.compare(a.write().invokeIndex(), b.write().invokeIndex());
        });
    return new Result(stale, lost);
  }

  /** Whether {@code u} is definitely older than write {@code w}. */
  private static boolean older(Long u, Operation w, Map<Long, Integer> writtenBy) {
    if (u == null) {
      return true;
    }
    Integer done = writtenBy.get(u);
    return done != null && done != Operation.NEVER && done < w.invokeIndex();
  }

  /** The position of the first of {@code reads} (in invoke order) invoked after {@code index}. */
  private static int firstInvokedAfter(List<Operation> reads, int index) {
    int lo = 0;
    int hi = reads.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reads.get(mid).invokeIndex() > index) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static int countBelow(int[] sorted, int limit) {
    int i = Arrays.binarySearch(sorted, limit);
    // Completions are distinct positions, so a hit is the first element not below the limit.
    return i >= 0 ? i : -i - 1;
  }
}
