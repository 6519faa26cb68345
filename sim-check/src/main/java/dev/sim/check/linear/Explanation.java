package dev.sim.check.linear;

import dev.sim.kernel.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sentences for people that go with a key's result: why the stuck operation cannot be placed,
 * or why there is no verdict yet. Read by beginners, so each says what happened in the history's
 * own terms (which operation, which value, which index) rather than in the search's.
 */
final class Explanation {
  private Explanation() {}

  /**
   * Why operation {@code stuck} of {@code h} cannot come after {@code prefix} (kept-operation
   * numbers), which leaves the register at value id {@code state}.
   */
  static String invalid(KeyHistory h, int[] prefix, int state, int stuck) {
    RegisterOp op = h.ops[stuck];
    String x = h.key == null ? "the register" : h.key;
    StringBuilder s = new StringBuilder();
    Long expected;
    if (op.isRead()) {
      expected = (Long) op.value();
      s.append("read of ")
          .append(x)
          .append(" (")
          .append(where(op))
          .append(") returned ")
          .append(show(expected));
    } else if (op.isCas()) {
      expected = op.casOld();
      s.append("cas of ")
          .append(x)
          .append(" from ")
          .append(show(op.casOld()))
          .append(" to ")
          .append(show(op.casNew()))
          .append(" (")
          .append(where(op))
          .append(") succeeded");
    } else {
      // A write can always be applied, so the search never stops at one; said for completeness.
      return "write of " + x + " (" + where(op) + ") cannot be placed after the longest prefix";
    }
    int k = prefix.length;
    s.append(", but after the ")
        .append(k == 1 ? "1 operation" : k + " operations")
        .append(" the checker could place before it, ")
        .append(x);
    RegisterOp setter = lastSetter(h, prefix);
    if (setter != null) {
      s.append(" holds ").append(show(h.values.get(state)));
      s.append(" (").append(describe(setter)).append(')');
    } else {
      s.append(" holds nothing yet (null: never written)");
    }
    String hint = hint(h, prefix, op, expected, x);
    if (!hint.isEmpty()) {
      s.append("; ").append(hint);
    }
    return s.toString();
  }

  /** Why a key has no verdict: the deadline passed first. */
  static String unknown(KeyHistory h, Search search, long timeoutNanos) {
    int unsure = 0;
    for (RegisterOp op : h.all) {
      unsure += op.outcome() == OpType.INFO ? 1 : 0;
    }
    return "no verdict within the "
        + seconds(timeoutNanos)
        + " deadline: the search tried "
        + search.configurations()
        + " distinct states of the key's "
        + h.all.size()
        + " operations ("
        + unsure
        + " of them info or pending, which may or may not have taken effect) without deciding;"
        + " check again with a longer --timeout";
  }

  private static String hint(
      KeyHistory h, int[] prefix, RegisterOp stuck, Long expected, String x) {
    if (expected == null) {
      return x + " holds nothing (null) only until the first write takes effect";
    }
    List<RegisterOp> writers = new ArrayList<>();
    List<RegisterOp> failed = new ArrayList<>();
    for (RegisterOp op : h.all) {
      if (Objects.equals(op.written(), expected)) {
        (op.outcome() == OpType.FAIL ? failed : writers).add(op);
      }
    }
    if (writers.isEmpty() && failed.isEmpty()) {
      return "no operation wrote " + expected + " to " + x;
    }
    if (writers.isEmpty()) {
      return failed.size() == 1
          ? "the only write of "
              + expected
              + " (index "
              + failed.get(0).invokeIndex()
              + ") failed, so it never took effect"
          : "every write of " + expected + " failed, so none took effect";
    }
    String it = stuck.isRead() ? "this read" : "this cas";
    // The write of the value that the order placed last, if it placed one.
    for (int i = prefix.length - 1; i >= 0; i--) {
      RegisterOp w = h.ops[prefix[i]];
      if (Objects.equals(w.written(), expected) && !w.isRead()) {
        return "in that order the "
            + kindOf(w)
            + " of "
            + expected
            + " (index "
            + w.invokeIndex()
            + ") came earlier and was overwritten";
      }
    }
    RegisterOp first = writers.get(0);
    if (first.invokeIndex() > stuck.completeIndex()) {
      return (writers.size() == 1 ? "the " + kindOf(first) : "every write")
          + " of "
          + expected
          + " (the first at index "
          + first.invokeIndex()
          + ") began only after "
          + it
          + " returned";
    }
    return "the "
        + kindOf(first)
        + " of "
        + expected
        + " (index "
        + first.invokeIndex()
        + ") cannot come before "
        + it
        + " in any order that respects real time";
  }

  /** The last operation of the prefix that set the value (a write or a cas). */
  private static RegisterOp lastSetter(KeyHistory h, int[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      RegisterOp op = h.ops[prefix[i]];
      if (!op.isRead()) {
        return op;
      }
    }
    return null;
  }

  /** "write 5 by process 1, index 30" and the like. */
  static String describe(RegisterOp op) {
    String what =
        op.isCas()
            ? "cas from " + show(op.casOld()) + " to " + show(op.casNew())
            : op.f() + " " + show((Long) op.value());
    String unsure = op.outcome() == OpType.OK ? "" : ", which may or may not have taken effect";
    return what + " by " + where(op) + unsure;
  }

  private static String kindOf(RegisterOp op) {
    return op.isCas() ? "cas" : "write";
  }

  private static String where(RegisterOp op) {
    return "process " + op.process() + ", index " + op.invokeIndex();
  }

  private static String show(Long v) {
    return v == null ? "nothing (null)" : v.toString();
  }

  private static String seconds(long nanos) {
    if (nanos >= 1_000_000_000L && nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + " s";
    }
    return nanos / 1_000_000L + " ms";
  }
}
