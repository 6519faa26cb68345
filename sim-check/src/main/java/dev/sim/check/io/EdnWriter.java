package dev.sim.check.io;

import dev.sim.kernel.history.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes a history in Jepsen's EDN form, one op map per line, so Knossos and Elle can check it:
 * {@code {:index 0, :time 1500000, :process 3, :type :invoke, :f :write, :value 7}}.
 *
 * <ul>
 *   <li>{@code type} and {@code f} become keywords; {@code incr} becomes {@code :add}, the name
 *       Jepsen's counter checker reads (a set's {@code add} stays {@code :add}).
 *   <li>A history with any named key is written the way {@code jepsen.independent} writes one:
 *       every value becomes the tuple {@code [key value]} ({@code ["x" 7]}, {@code ["x" nil]}; the
 *       unnamed key is {@code nil}).
 *   <li>A cas value {@code [old new]} and a set read's elements are vectors; null is {@code nil}.
 *   <li>The client's instance, when known, follows as {@code :node "client-1"}, a key the checkers
 *       ignore.
 * </ul>
 */
public final class EdnWriter {
  private EdnWriter() {}

  /** The history as EDN text, one op map per line. */
  public static String toEdn(List<Op> ops) {
    StringBuilder b = new StringBuilder(ops.size() * 96);
    write(ops, b);
    return b.toString();
  }

  /** Appends the history's EDN form to {@code out}. */
  public static void write(List<Op> ops, Appendable out) {
    boolean keyed = ops.stream().anyMatch(o -> o.key() != null);
    try {
      for (Op op : ops) {
        out.append(line(op, keyed)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One op as an EDN map; {@code keyed}: write its value as a {@code [key value]} tuple. */
  public static String line(Op op, boolean keyed) {
    StringBuilder b = new StringBuilder(96);
    b.append("{:index ").append(op.index());
    b.append(", :time ").append(op.time());
    b.append(", :process ").append(op.process());
    b.append(", :type :").append(op.type().json());
    b.append(", :f :").append(keyword(op.f()));
    b.append(", :value ");
    if (keyed) {
      b.append('[');
      if (op.key() == null) {
        b.append("nil");
      } else {
        string(op.key(), b);
      }
      b.append(' ');
      value(op.value(), b);
      b.append(']');
    } else {
      value(op.value(), b);
    }
    if (op.node() != null) {
      b.append(", :node ");
      string(op.node(), b);
    }
    return b.append('}').toString();
  }

  private static String keyword(String f) {
    return f.equals("incr") ? "add" : f;
  }

  private static void value(Object v, StringBuilder b) {
    if (v == null) {
      b.append("nil");
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        value(l.get(i), b);
      }
      b.append(']');
    } else {
      b.append(v);
    }
  }

  /** An EDN string: the escapes EDN defines, and {@code \\uXXXX} for other control characters. */
  static void string(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
