package dev.sim.check.linear;

import dev.sim.kernel.history.OpType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One key's operations compiled for the search: values numbered, the operations that cannot matter
 * dropped, and the call and return entries in history order.
 *
 * <p>What is dropped, and why it is safe:
 *
 * <ul>
 *   <li>{@code fail} operations: they never took effect.
 *   <li>{@code info} and pending reads: a read changes nothing, and one with no answer constrains
 *       nothing.
 *   <li>{@code info} and pending writes and cases whose value nobody observes (no ok read of it, no
 *       ok cas expecting it, no kept info cas expecting it): such a write may as well never have
 *       happened, since removing it from any valid order leaves the order valid. With the unique
 *       values clients write, this removes most timed-out writes, each of which would otherwise
 *       double the orders the search may have to try.
 * </ul>
 */
final class KeyHistory {
  static final byte READ = 0;
  static final byte WRITE = 1;
  static final byte CAS = 2;

  /** The key, null for the unnamed key. */
  final String key;

  /** Every operation of the key (kept or not), in order of invoke. */
  final List<RegisterOp> all;

  /** The kept operations, in order of invoke; the search numbers them 0..n-1. */
  final RegisterOp[] ops;

  final byte[] kind;

  /** Read: the value read; write: the value written; cas: the old value expected. */
  final int[] a;

  /** Cas: the new value; otherwise unused. */
  final int[] b;

  /** Whether the operation is ok (must be linearized) rather than info or pending (may be). */
  final boolean[] ok;

  /** Whether the operation observes value {@code a} (an ok read, an ok cas, a kept info cas). */
  final boolean[] observes;

  /** Whether a successful step of the operation never changes the state (a read, cas v to v). */
  final boolean[] noop;

  /** Per value id, how many kept operations observe it. */
  final int[] observers;

  final int okCount;

  /** The entries in history order: the operation of each, and whether it is its call. */
  final int[] entryOp;

  final boolean[] entryCall;

  /** Value ids to values: 0 is null (the initial value). */
  final List<Long> values;

  private KeyHistory(String key, List<RegisterOp> all, List<RegisterOp> kept, Values ids) {
    this.key = key;
    this.all = List.copyOf(all);
    int n = kept.size();
    ops = kept.toArray(new RegisterOp[0]);
    kind = new byte[n];
    a = new int[n];
    b = new int[n];
    ok = new boolean[n];
    observes = new boolean[n];
    noop = new boolean[n];
    int oks = 0;
    int entries = 0;
    for (int i = 0; i < n; i++) {
      RegisterOp op = ops[i];
      ok[i] = op.outcome() == OpType.OK;
      oks += ok[i] ? 1 : 0;
      entries += ok[i] ? 2 : 1;
      if (op.isRead()) {
        kind[i] = READ;
        a[i] = ids.id((Long) op.value());
        observes[i] = true;
        noop[i] = true;
      } else if (op.isWrite()) {
        kind[i] = WRITE;
        a[i] = ids.id((Long) op.value());
      } else {
        kind[i] = CAS;
        a[i] = ids.id(op.casOld());
        b[i] = ids.id(op.casNew());
        observes[i] = true;
        noop[i] = a[i] == b[i];
      }
    }
    okCount = oks;
    values = ids.list; // holds null (value id 0), so not List.copyOf
    observers = new int[values.size()];
    for (int i = 0; i < n; i++) {
      if (observes[i]) {
        observers[a[i]]++;
      }
    }
    // Calls at the invoke's index, returns (ok operations only) at the completion's index.
    long[] order = new long[entries];
    int e = 0;
    for (int i = 0; i < n; i++) {
      order[e++] = ((long) ops[i].invokeIndex() << 32) | ((long) i << 1) | 1;
      if (ok[i]) {
        order[e++] = ((long) ops[i].completeIndex() << 32) | ((long) i << 1);
      }
    }
    Arrays.sort(order);
    entryOp = new int[entries];
    entryCall = new boolean[entries];
    for (int j = 0; j < entries; j++) {
      entryOp[j] = (int) (order[j] & 0xFFFFFFFFL) >>> 1;
      entryCall[j] = (order[j] & 1) == 1;
    }
  }

  /** Compiles {@code all}, the operations of {@code key} in order of invoke. */
  static KeyHistory of(String key, List<RegisterOp> all) {
    // Which values are observed, to a fixed point: a kept info cas observes its old value, which
    // may keep an info write (or another info cas) of that value.
    // (HashMap: only looked up; null, the initial value, is a key like any other.)
    Map<Long, Integer> seen = new HashMap<>();
    List<RegisterOp> unsure = new ArrayList<>();
    for (RegisterOp op : all) {
      if (op.outcome() == OpType.OK) {
        if (op.isRead()) {
          seen.merge((Long) op.value(), 1, Integer::sum);
        } else if (op.isCas()) {
          seen.merge(op.casOld(), 1, Integer::sum);
        }
      } else if (op.outcome() == OpType.INFO && !op.isRead()) {
        unsure.add(op);
      }
    }
    boolean[] keep = new boolean[unsure.size()];
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = 0; i < keep.length; i++) {
        RegisterOp op = unsure.get(i);
        if (!keep[i] && seen.containsKey(op.written())) {
          keep[i] = true;
          changed = true;
          if (op.isCas()) {
            seen.merge(op.casOld(), 1, Integer::sum);
          }
        }
      }
    }
    List<RegisterOp> kept = new ArrayList<>();
    int u = 0;
    for (RegisterOp op : all) {
      if (op.outcome() == OpType.OK) {
        kept.add(op);
      } else if (op.outcome() == OpType.INFO && !op.isRead()) {
        if (keep[u++]) {
          kept.add(op);
        }
      }
    }
    Values ids = new Values();
    return new KeyHistory(key, all, kept, ids);
  }

  /** How many operations the search works on. */
  int size() {
    return ops.length;
  }

  /** The value written when the operation takes effect: write value or cas new value. */
  int written(int op) {
    return kind[op] == CAS ? b[op] : a[op];
  }

  /** Numbers values: null is 0, the others in order of first use. */
  private static final class Values {
    final List<Long> list = new ArrayList<>();
    final Map<Long, Integer> ids = new HashMap<>();

    Values() {
      list.add(null);
    }

    int id(Long v) {
      if (v == null) {
        return 0;
      }
      Integer id = ids.get(v);
      if (id == null) {
        id = list.size();
        ids.put(v, id);
        list.add(v);
      }
      return id;
    }
  }
}
