package dev.sim.check.figures;

import dev.sim.check.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 *       completed returns a value definitely older than {@code w}, and so does every ok read
 *       invoked after {@code r}, to the end of the history: the store went back to an older value
 *       and never showed {@code w}'s, or a newer one, again. Its time is {@code r}'s invoke. A
 *       write that a later read shows superseded by a newer or concurrent write is not lost, even
 *       when a stale read came between.
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
    for (Operation o : ops) {
      if (o.isWrite() && o.mayHaveHappened()) {
        int done = o.ok() ? o.completeIndex() : Operation.NEVER;
        writtenBy.merge(o.written(), done, Math::max);
        if (o.ok()) {
          okWrites.add(o);
        }
      } else if (o.isRead() && o.ok()) {
        reads.add(o);
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
    // d[j]: the position before which read j's value was surely written (its writes' latest ok
    // completion), -1 for null (the initial value), MAX when it may come from a write that never
    // completed ok or that nobody made: read j shows a value definitely older than write w exactly
    // when d[j] < w's invoke. suffixMax makes "every read from j on is older than w" a search.
    int[] suffixMax = new int[reads.size() + 1];
    suffixMax[reads.size()] = Integer.MIN_VALUE;
    for (int j = reads.size() - 1; j >= 0; j--) {
      Long u = (Long) reads.get(j).completion().value();
      int d;
      if (u == null) {
        d = -1;
      } else {
        Integer done = writtenBy.get(u);
        d = done == null || done == Operation.NEVER ? Integer.MAX_VALUE : done;
      }
      suffixMax[j] = Math.max(d, suffixMax[j + 1]);
    }
    List<LostWrite> lost = new ArrayList<>();
    for (Operation w : okWrites) {
      // Lost: from some read on, every read invoked after w completed shows a value definitely
      // older than w, up to the last read of the history. A write a later read shows superseded
      // by a newer (or concurrent) one is not lost, even if a stale read came between.
      int from = firstInvokedAfter(reads, w.completeIndex());
      int lo = from;
      int hi = reads.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (suffixMax[mid] < w.invokeIndex()) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      if (lo < reads.size()) {
        lost.add(new LostWrite(key, w.written(), w, reads.get(lo)));
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
