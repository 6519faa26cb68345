package dev.sim.check.linear;

import dev.sim.check.Model;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs a history's invokes with their completions and splits them by key, checking what the
 * register models need: known functions, value shapes, one operation outstanding per process and no
 * completion without an invoke. A broken history is an {@link IllegalArgumentException} whose
 * message names the history index.
 */
final class RegisterOps {
  static final String READ = "read";
  static final String WRITE = "write";
  static final String CAS = "cas";

  private RegisterOps() {}

  /** The operations of {@code history} per key, keys in order of their first invoke. */
  static Map<String, List<RegisterOp>> byKey(List<Op> history, Model model) {
    // The invoke outstanding per process (a HashMap: only looked up, never iterated).
    Map<Integer, Op> open = new HashMap<>();
    // Per key, the invokes in order; each slot is filled with its completion later.
    Map<String, List<Op[]>> pairs = new LinkedHashMap<>();
    int last = -1;
    for (Op op : history) {
      if (op.index() <= last) {
        throw error(
            op, "indices must increase through the history, but this line follows index " + last);
      }
      last = op.index();
      if (op.isInvoke()) {
        Op earlier = open.get(op.process());
        if (earlier != null) {
          throw error(
              op,
              "process "
                  + op.process()
                  + " invoked "
                  + op.f()
                  + " while its "
                  + earlier.f()
                  + " (index "
                  + earlier.index()
                  + ") is still outstanding; a process has one operation at a time");
        }
        checkInvoke(op, model);
        Op[] pair = {op, null};
        open.put(op.process(), op);
        pairs.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(pair);
        continue;
      }
      Op invoke = open.remove(op.process());
      if (invoke == null) {
        throw error(
            op,
            "process "
                + op.process()
                + " completed "
                + op.f()
                + " ("
                + op.type().json()
                + ") without an invoke outstanding");
      }
      if (!invoke.f().equals(op.f()) || !java.util.Objects.equals(invoke.key(), op.key())) {
        throw error(
            op,
            "the completion ("
                + op.f()
                + " of "
                + keyName(op.key())
                + ") does not match process "
                + op.process()
                + "'s invoke ("
                + invoke.f()
                + " of "
                + keyName(invoke.key())
                + ")");
      }
      if (op.type() == OpType.OK && invoke.f().equals(READ)) {
        checkReadValue(op);
      }
      List<Op[]> list = pairs.get(invoke.key());
      // The invoke is usually near the end of its key's list: search from the back.
      for (int j = list.size() - 1; j >= 0; j--) {
        if (list.get(j)[0] == invoke) {
          list.get(j)[1] = op;
          break;
        }
      }
    }
    Map<String, List<RegisterOp>> out = new LinkedHashMap<>();
    pairs.forEach((key, list) -> out.put(key, toOps(list)));
    return out;
  }

  private static List<RegisterOp> toOps(List<Op[]> list) {
    List<RegisterOp> ops = new ArrayList<>(list.size());
    for (Op[] pair : list) {
      Op invoke = pair[0];
      Op done = pair[1];
      OpType outcome = done == null ? OpType.INFO : done.type();
      Object value;
      if (invoke.f().equals(READ)) {
        value = outcome == OpType.OK ? done.value() : null;
      } else {
        value = invoke.value();
      }
      ops.add(
          new RegisterOp(
              invoke.index(),
              done == null ? -1 : done.index(),
              invoke.process(),
              outcome,
              invoke.f(),
              value));
    }
    return ops;
  }

  private static void checkInvoke(Op op, Model model) {
    switch (op.f()) {
      case READ -> {}
      case WRITE -> {
        if (op.value() != null && !(op.value() instanceof Long)) {
          throw error(op, "a write's value is a number, not " + op.value());
        }
      }
      case CAS -> {
        if (model != Model.CAS_REGISTER) {
          throw error(
              op,
              "cas is not an operation of the register model (read, write); check the history"
                  + " with the cas-register model");
        }
        if (!(op.value() instanceof List<?> l) || l.size() != 2 || l.get(0) instanceof List) {
          throw error(op, "a cas's value is [old, new], not " + op.value());
        }
      }
      default ->
          throw error(
              op,
              "unknown function '"
                  + op.f()
                  + "' for the "
                  + model.id()
                  + " model (expected read, write"
                  + (model == Model.CAS_REGISTER ? " or cas)" : ")"));
    }
  }

  private static void checkReadValue(Op op) {
    if (op.value() != null && !(op.value() instanceof Long)) {
      throw error(op, "a register read returns a number or null, not " + op.value());
    }
  }

  private static IllegalArgumentException error(Op op, String message) {
    return new IllegalArgumentException("history index " + op.index() + ": " + message);
  }

  /** How a key is named in messages. */
  static String keyName(String key) {
    return key == null ? "the unnamed key" : "key " + key;
  }
}
