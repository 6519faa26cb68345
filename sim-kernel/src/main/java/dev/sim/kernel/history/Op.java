package dev.sim.kernel.history;

import java.util.List;
import java.util.Objects;

/**
 * One line of a history: an invoke or a completion.
 *
 * <p>Values are JSON-shaped so that a history written and read back is equal to the recorded one:
 * {@code null}, a {@link Long}, or an unmodifiable {@link List} of {@code Long}s and nulls (a set
 * read's elements, a cas's {@code [old, new]}).
 *
 * @param index position in the history, from 0
 * @param time simulated nanoseconds (true time, not a node's skewed clock)
 * @param process the client's logical process id; at most one operation outstanding per process
 * @param type invoke, ok, fail or info
 * @param f the function: {@code read}, {@code write}, {@code cas}, {@code add}, {@code incr}
 * @param key the key, or null for the one unnamed key
 * @param value see the table of models in the history format
 * @param node the instance name of the client that made the operation, or null when unknown (an
 *     added key of the format: it lets availability be counted per side of a partition)
 */
public record Op(
    int index,
    long time,
    int process,
    OpType type,
    String f,
    String key,
    Object value,
    String node) {

  /** Checks the fields and normalizes {@link Integer}s and lists to the JSON shapes. */
  public Op {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(f, "f");
    value = normalize(value);
  }

  /** Whether this line is the invoke of an operation (else it is a completion). */
  public boolean isInvoke() {
    return type == OpType.INVOKE;
  }

  /** The value as a long; throws when it is not a number. */
  public long longValue() {
    if (value instanceof Long l) {
      return l;
    }
    throw new IllegalStateException("value of op " + index + " is not a number: " + value);
  }

  /** Accepts null, integral numbers and lists of them (and of nulls); anything else is an error. */
  static Object normalize(Object v) {
    if (v == null || v instanceof Long) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof List<?> list) {
      Object[] out = new Object[list.size()];
      for (int i = 0; i < out.length; i++) {
        Object e = normalize(list.get(i));
        if (e instanceof List) {
          throw new IllegalArgumentException("nested lists are not a history value: " + v);
        }
        out[i] = e;
      }
      return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
    }
    throw new IllegalArgumentException(
        "a history value is null, an integer or a list of integers, not "
            + v.getClass().getSimpleName()
            + ": "
            + v);
  }
}
