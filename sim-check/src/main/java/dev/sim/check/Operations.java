package dev.sim.check;

import dev.sim.kernel.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pairs a history's invokes with their completions and splits it by key. */
public final class Operations {
  private Operations() {}

  /**
   * The operations of {@code history} in order of their invokes, each with its completion (none
   * when it was still outstanding at the end).
   *
   * @throws IllegalArgumentException when a completion has no invoke, a process invokes while it
   *     has an operation outstanding, or a completion's f or key differs from its invoke's (what
   *     {@code HistoryReader} reports with line numbers for a file)
   */
  public static List<Operation> pair(List<Op> history) {
    Map<Integer, Integer> open = new HashMap<>();
    List<Op> invokes = new ArrayList<>();
    List<Op> completions = new ArrayList<>();
    for (Op op : history) {
      Integer at = open.get(op.process());
      if (op.isInvoke()) {
        if (at != null) {
          throw new IllegalArgumentException(
              "history index "
                  + op.index()
                  + ": process "
                  + op.process()
                  + " invokes "
                  + op.f()
                  + " while its "
                  + invokes.get(at).f()
                  + " (index "
                  + invokes.get(at).index()
                  + ") is outstanding");
        }
        open.put(op.process(), invokes.size());
        invokes.add(op);
        completions.add(null);
      } else {
        if (at == null) {
          throw new IllegalArgumentException(
              "history index "
                  + op.index()
                  + ": process "
                  + op.process()
                  + " completes ("
                  + op.type().json()
                  + ") an operation it never invoked");
        }
        Op inv = invokes.get(at);
        if (!inv.f().equals(op.f()) || !java.util.Objects.equals(inv.key(), op.key())) {
          throw new IllegalArgumentException(
              "history index "
                  + op.index()
                  + ": the completion of process "
                  + op.process()
                  + " names "
                  + op.f()
                  + " on "
                  + op.key()
                  + ", its invoke (index "
                  + inv.index()
                  + ") "
                  + inv.f()
                  + " on "
                  + inv.key());
        }
        completions.set(at, op);
        open.remove(op.process());
      }
    }
    List<Operation> out = new ArrayList<>(invokes.size());
    for (int i = 0; i < invokes.size(); i++) {
      out.add(new Operation(invokes.get(i), completions.get(i)));
    }
    return out;
  }

  /**
   * The lines of {@code history} per key, keys in order of their first line (the unnamed key is
   * {@code null}).
   */
  public static Map<String, List<Op>> byKey(List<Op> history) {
    Map<String, List<Op>> out = new LinkedHashMap<>();
    for (Op op : history) {
      out.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
    }
    return out;
  }

  /** How a key is named in messages: {@code "x"}, or {@code the unnamed key}. */
  public static String keyName(String key) {
    return key == null ? "the unnamed key" : "key \"" + key + "\"";
  }
}
