package dev.sim.stores.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Values as the store keeps them: registers hold Longs, sets sorted lists of Longs. */
final class Data {
  private Data() {}

  /** A register value as stored: any whole number becomes a Long, so 7 and 7L compare equal. */
  static Object register(Object v) {
    if (v instanceof Number num && !(v instanceof Double) && !(v instanceof Float)) {
      return num.longValue();
    }
    return v;
  }

  /** Whether two register values are the same value. */
  static boolean sameRegister(Object a, Object b) {
    return Objects.equals(register(a), register(b));
  }

  /** A whole number from a request ({@code add}'s element, {@code incr}'s amount). */
  static long whole(Object v, String what) {
    if (v instanceof Number num && !(v instanceof Double) && !(v instanceof Float)) {
      return num.longValue();
    }
    throw new IllegalArgumentException(what + " must be a whole number, found " + v);
  }

  /** A put's elements as the store keeps a set: sorted, without repeats, immutable Longs. */
  static List<Long> elements(Object v) {
    TreeSet<Long> out = new TreeSet<>();
    for (Object o : (List<?>) v) {
      out.add(whole(o, "an element of a put"));
    }
    return List.copyOf(out);
  }

  /** The sorted union of two sorted element lists, immutable. */
  static List<Long> union(List<Long> a, Collection<Long> b) {
    if (b.isEmpty()) {
      return a;
    }
    TreeSet<Long> out = new TreeSet<>(a);
    if (!out.addAll(b)) {
      return a;
    }
    return List.copyOf(out);
  }

  /** A value as canonical text: numbers in decimal, lists as {@code [1, 2]}, null as null. */
  static String text(Object v) {
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>(list.size());
      for (Object o : list) {
        parts.add(text(o));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return String.valueOf(v);
  }
}
