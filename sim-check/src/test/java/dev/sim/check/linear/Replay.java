package dev.sim.check.linear;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An independent check of a checker's witness: replays an order of operations (history indices of
 * invokes) on a register, one key, and says what is wrong with it, or null when nothing is. Written
 * plainly from the definitions, sharing no code with the search.
 */
final class Replay {
  /** An operation with its completion. */
  record Entry(int invoke, int complete, OpType outcome, String f, Object value) {}

  private final Map<Integer, Entry> byInvoke = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();

  /** The operations of {@code key} in {@code history}. */
  Replay(List<Op> history, String key) {
    Map<Integer, Op> open = new HashMap<>();
    Map<Integer, Op> done = new HashMap<>();
    for (Op op : history) {
      if (!Objects.equals(op.key(), key)) {
        continue;
      }
      if (op.isInvoke()) {
        open.put(op.process(), op);
      } else {
        done.put(open.remove(op.process()).index(), op);
      }
    }
    for (Op op : history) {
      if (op.isInvoke() && Objects.equals(op.key(), key)) {
        Op c = done.get(op.index());
        OpType outcome = c == null ? OpType.INFO : c.type();
        Object value = op.f().equals("read") ? (c == null ? null : c.value()) : op.value();
        Entry e = new Entry(op.index(), c == null ? -1 : c.index(), outcome, op.f(), value);
        entries.add(e);
        byInvoke.put(op.index(), e);
      }
    }
  }

  /** The value after {@code order}, or throws with what is wrong. */
  Long stateAfter(List<Integer> order) {
    Long state = null;
    List<Integer> placed = new ArrayList<>();
    for (int i : order) {
      Entry e = byInvoke.get(i);
      if (e == null || e.outcome() == OpType.FAIL) {
        throw new AssertionError(i + " is not an operation that can take effect");
      }
      for (Entry before : entries) {
        if (before.outcome() == OpType.OK
            && before.complete() < e.invoke()
            && !placed.contains(before.invoke())) {
          throw new AssertionError(
              i + " placed before " + before.invoke() + ", which completed before it began");
        }
      }
      state = step(state, e);
      if (state == FAILED) {
        throw new AssertionError(i + " cannot happen in state of the order so far " + placed);
      }
      placed.add(i);
    }
    return state;
  }

  /** Whether {@code order} is a whole linearization: valid, with every ok operation placed. */
  void assertComplete(List<Integer> order) {
    stateAfter(order);
    for (Entry e : entries) {
      if (e.outcome() == OpType.OK && !order.contains(e.invoke())) {
        throw new AssertionError("ok operation " + e.invoke() + " is not placed");
      }
    }
  }

  /** Whether operation {@code invoke} can happen right after {@code prefix}. */
  boolean canFollow(List<Integer> prefix, int invoke) {
    return step(stateAfter(prefix), byInvoke.get(invoke)) != FAILED;
  }

  private static final Long FAILED = Long.MIN_VALUE + 12345;

  private static Long step(Long state, Entry e) {
    switch (e.f()) {
      case "read":
        return Objects.equals(state, e.value()) ? state : FAILED;
      case "write":
        return (Long) e.value();
      default:
        List<?> v = (List<?>) e.value();
        return Objects.equals(state, v.get(0)) ? (Long) v.get(1) : FAILED;
    }
  }

  /**
   * Whether the key's history is linearizable, by trying every order (small histories only): ok
   * operations must all be placed, info and pending writes and cases may be placed or not.
   */
  boolean linearizable() {
    List<Entry> ops = new ArrayList<>();
    for (Entry e : entries) {
      if (e.outcome() == OpType.OK || (e.outcome() == OpType.INFO && !e.f().equals("read"))) {
        ops.add(e);
      }
    }
    if (ops.size() > 62) {
      throw new IllegalArgumentException("too many operations to try every order");
    }
    return search(ops, new boolean[ops.size()], null, new java.util.HashSet<>());
  }

  /** Depth first over every order; {@code failed} holds (placed set, state) known to fail. */
  private static boolean search(
      List<Entry> ops, boolean[] placed, Long state, java.util.Set<List<Object>> failed) {
    boolean allOk = true;
    for (int i = 0; i < ops.size(); i++) {
      if (!placed[i] && ops.get(i).outcome() == OpType.OK) {
        allOk = false;
      }
    }
    if (allOk) {
      return true;
    }
    long mask = 0;
    for (int i = 0; i < ops.size(); i++) {
      mask |= placed[i] ? 1L << i : 0;
    }
    List<Object> config = java.util.Arrays.asList(mask, state);
    if (failed.contains(config)) {
      return false;
    }
    for (int i = 0; i < ops.size(); i++) {
      if (placed[i] || !mayGoNext(ops, placed, i)) {
        continue;
      }
      Long next = step(state, ops.get(i));
      if (next == FAILED) {
        continue;
      }
      placed[i] = true;
      boolean ok = search(ops, placed, next, failed);
      placed[i] = false;
      if (ok) {
        return true;
      }
    }
    failed.add(config);
    return false;
  }

  private static boolean mayGoNext(List<Entry> ops, boolean[] placed, int i) {
    for (int j = 0; j < ops.size(); j++) {
      Entry y = ops.get(j);
      if (!placed[j] && y.outcome() == OpType.OK && y.complete() < ops.get(i).invoke()) {
        return false;
      }
    }
    return true;
  }
}
