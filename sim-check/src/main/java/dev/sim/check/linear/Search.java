package dev.sim.check.linear;

import dev.sim.check.Verdict;

/**
 * The Wing and Gong / Lowe search for a linearization of one key, with memoization of (linearized
 * set, state) as Porcupine and Knossos do, run in slices so that several keys share a deadline.
 *
 * <p>The entries (calls, and returns of ok operations) sit in a doubly linked list in history
 * order. The search walks it from the head: at a call it tries to apply the operation to the
 * current state; if that works and the configuration is new, the operation is linearized (its
 * entries are unlinked) and the walk restarts from the head. Reaching a return means that operation
 * should have been linearized already: the search backtracks to the last choice and tries the next
 * call after it. Info and pending operations have no return, so the search never has to place them;
 * it succeeds as soon as every ok operation is placed.
 *
 * <p>Two more prunings, both exact:
 *
 * <ul>
 *   <li>An operation that never changes the state (a read, a cas from v to v) that can be placed
 *       now may as well be placed now: moving it forward in any valid order keeps the order valid.
 *       So when the configurations after placing it all fail, the configuration before it fails
 *       too, and the search backtracks past it without trying the alternatives.
 *   <li>An info write is not placed when no operation left to place observes its value (see {@link
 *       KeyHistory}).
 * </ul>
 */
final class Search {
  private static final int END = -1;

  private final KeyHistory h;
  private final int n;
  private final int head; // the sentinel entry
  private final int[] next;
  private final int[] prev;
  private final int[] callEntry;
  private final int[] returnEntry;
  private final long[] zobrist;

  private final long[] bits;
  private long setHash;
  private int state;
  private int okLeft;
  private final int[] observersLeft;

  private final int[] stackOp;
  private final int[] stackState;
  private int depth;

  private final StateCache cache;
  private int cursor;
  private Verdict verdict;
  private long steps;

  // The deepest dead end: its prefix (shares positions below lowWater with the stack), the state
  // there, and the operation that stopped it.
  private final int[] deepest;
  private int deepestLength = -1;
  private int lowWater;
  private int deepestState;
  private int stuck = -1;

  Search(KeyHistory h, StateCache.Budget budget) {
    this.h = h;
    n = h.size();
    int entries = h.entryOp.length;
    head = entries;
    next = new int[entries + 1];
    prev = new int[entries + 1];
    callEntry = new int[n];
    returnEntry = new int[n];
    java.util.Arrays.fill(returnEntry, END);
    for (int e = 0; e < entries; e++) {
      next[e] = e + 1 < entries ? e + 1 : END;
      prev[e] = e == 0 ? head : e - 1;
      if (h.entryCall[e]) {
        callEntry[h.entryOp[e]] = e;
      } else {
        returnEntry[h.entryOp[e]] = e;
      }
    }
    next[head] = entries > 0 ? 0 : END;
    prev[head] = END;
    zobrist = new long[n];
    for (int i = 0; i < n; i++) {
      zobrist[i] = StateCache.mix(0x5DEECE66DL + i * 0x9E3779B97F4A7C15L);
    }
    bits = new long[(n + 63) >>> 6];
    okLeft = h.okCount;
    observersLeft = h.observers.clone();
    stackOp = new int[n];
    stackState = new int[n];
    deepest = new int[n];
    cache = new StateCache(bits.length, budget);
    cursor = next[head];
    if (okLeft == 0) {
      finish(Verdict.VALID);
    }
  }

  /** The verdict, or null while the search is still running. */
  Verdict verdict() {
    return verdict;
  }

  /** Walk steps taken so far (each tries one entry). */
  long steps() {
    return steps;
  }

  /** Configurations remembered so far. */
  int configurations() {
    return cache.size();
  }

  /**
   * Valid: the linearization found. Otherwise the longest prefix reached, as kept-operation numbers
   * in linearization order.
   */
  int[] prefix() {
    return verdict == Verdict.VALID
        ? java.util.Arrays.copyOf(stackOp, depth)
        : java.util.Arrays.copyOf(deepest, Math.max(0, deepestLength));
  }

  /** The register state (value id) after {@link #prefix()} when invalid. */
  int prefixState() {
    return deepestState;
  }

  /** Invalid: the operation that cannot be placed after the longest prefix; -1 otherwise. */
  int stuck() {
    return verdict == Verdict.INVALID ? stuck : -1;
  }

  /** Runs at most {@code budget} steps; returns the verdict, or null when not yet decided. */
  Verdict run(long budget) {
    if (verdict != null) {
      return verdict;
    }
    int e = cursor;
    for (long left = budget; left > 0; left--) {
      if (e != END && h.entryCall[e]) {
        int op = h.entryOp[e];
        int s = apply(op);
        if (s >= 0) {
          flip(op);
          if (cache.add(bits, setHash, s)) {
            place(op, s);
            if (okLeft == 0) {
              steps += budget - left + 1;
              finish(Verdict.VALID);
              return verdict;
            }
            e = next[head];
            continue;
          }
          flip(op);
          if (h.noop[op]) {
            // Placing it here was tried and failed; so does every order from here (see above).
            e = backtrack();
            if (e == END) {
              steps += budget - left + 1;
              finish(Verdict.INVALID);
              return verdict;
            }
            continue;
          }
        }
        e = next[e];
      } else {
        // A return of an operation not yet placed (or, defensively, the end of the list): the
        // configuration is a dead end.
        remember(e);
        e = backtrack();
        if (e == END) {
          steps += budget - left + 1;
          finish(Verdict.INVALID);
          return verdict;
        }
      }
    }
    steps += budget;
    cursor = e;
    return null;
  }

  /** Frees the cache; the results stay readable. */
  void release() {
    cache.release();
  }

  /** The state after {@code op} from the current state, or -1 when it cannot happen now. */
  private int apply(int op) {
    if (!h.ok[op] && observersLeft[h.written(op)] == 0) {
      return -1;
    }
    int v = h.a[op];
    return switch (h.kind[op]) {
      case KeyHistory.READ -> state == v ? state : -1;
      case KeyHistory.WRITE -> v;
      default -> state == v ? h.b[op] : -1;
    };
  }

  private void flip(int op) {
    bits[op >>> 6] ^= 1L << op;
    setHash ^= zobrist[op];
  }

  private void place(int op, int newState) {
    stackOp[depth] = op;
    stackState[depth] = state;
    depth++;
    state = newState;
    if (h.ok[op]) {
      okLeft--;
    }
    if (h.observes[op]) {
      observersLeft[h.a[op]]--;
    }
    unlink(callEntry[op]);
    if (returnEntry[op] != END) {
      unlink(returnEntry[op]);
    }
  }

  /**
   * Undoes placements until one that changed the state is undone (see the class comment), and
   * returns the entry after that operation's call; END when there is nothing left to undo.
   */
  private int backtrack() {
    int op;
    do {
      if (depth == 0) {
        return END;
      }
      depth--;
      lowWater = Math.min(lowWater, depth);
      op = stackOp[depth];
      state = stackState[depth];
      if (h.ok[op]) {
        okLeft++;
      }
      if (h.observes[op]) {
        observersLeft[h.a[op]]++;
      }
      if (returnEntry[op] != END) {
        relink(returnEntry[op]);
      }
      relink(callEntry[op]);
      flip(op);
    } while (h.noop[op]);
    return next[callEntry[op]];
  }

  /**
   * Keeps the deepest dead end: its prefix, and the operation whose return stopped it (the
   * earliest-returning operation not placed). There, no operation not yet placed could be: any that
   * could would have led deeper.
   */
  private void remember(int e) {
    if (depth <= deepestLength) {
      return;
    }
    // Only the part of the stack that changed since the last snapshot is copied, so keeping the
    // deepest prefix costs no more than the pushes themselves (not depth per dead end).
    System.arraycopy(stackOp, lowWater, deepest, lowWater, depth - lowWater);
    deepestLength = depth;
    lowWater = depth;
    deepestState = state;
    stuck = e == END ? earliestReturning() : h.entryOp[e];
  }

  private int earliestReturning() {
    for (int e = next[head]; e != END; e = next[e]) {
      if (!h.entryCall[e]) {
        return h.entryOp[e];
      }
    }
    return -1;
  }

  private void finish(Verdict v) {
    verdict = v;
    cursor = END;
  }

  private void unlink(int e) {
    int p = prev[e];
    int q = next[e];
    next[p] = q;
    if (q != END) {
      prev[q] = p;
    }
  }

  private void relink(int e) {
    int p = prev[e];
    int q = next[e];
    next[p] = e;
    if (q != END) {
      prev[q] = e;
    }
  }
}
