package dev.sim.check.linear;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written histories for tests: each call appends one line, at time = index. Completions repeat
 * their invoke's f and key, as the recorder does.
 */
final class TestHistory {
  private final List<Op> ops = new ArrayList<>();
  private final Map<Integer, Op> open = new HashMap<>();

  /** Appends an invoke and returns its index. */
  int invoke(int process, String f, String key, Object value) {
    Op op = new Op(ops.size(), ops.size(), process, OpType.INVOKE, f, key, value, null);
    ops.add(op);
    open.put(process, op);
    return op.index();
  }

  int write(int process, String key, long value) {
    return invoke(process, "write", key, value);
  }

  int read(int process, String key) {
    return invoke(process, "read", key, null);
  }

  int cas(int process, String key, Long old, Long value) {
    return invoke(process, "cas", key, java.util.Arrays.asList(old, value));
  }

  /** Appends the ok completion of {@code process}'s operation; returns its index. */
  int ok(int process, Object value) {
    return complete(process, OpType.OK, value);
  }

  /** Ok with the invoke's own value (writes and cases). */
  int ok(int process) {
    return complete(process, OpType.OK, open.get(process).value());
  }

  int fail(int process) {
    return complete(process, OpType.FAIL, open.get(process).value());
  }

  int info(int process) {
    return complete(process, OpType.INFO, open.get(process).value());
  }

  int info(int process, Object value) {
    return complete(process, OpType.INFO, value);
  }

  private int complete(int process, OpType type, Object value) {
    Op invoke = open.remove(process);
    String f = invoke == null ? "read" : invoke.f();
    String key = invoke == null ? null : invoke.key();
    Op op = new Op(ops.size(), ops.size(), process, type, f, key, value, null);
    ops.add(op);
    return op.index();
  }

  /** Appends a completion with no invoke (a malformed history). */
  int orphan(int process, String f) {
    Op op = new Op(ops.size(), ops.size(), process, OpType.OK, f, null, null, null);
    ops.add(op);
    return op.index();
  }

  List<Op> ops() {
    return List.copyOf(ops);
  }
}
