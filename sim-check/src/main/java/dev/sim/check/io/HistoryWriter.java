package dev.sim.check.io;

import dev.sim.kernel.history.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes {@code history.jsonl}: one JSON object per line with the keys in the format's order,
 * {@code index, time, process, type, f, key, value}, {@code key} left out for the unnamed key, and
 * the added key {@code node} last when the client's instance is known.
 */
public final class HistoryWriter {
  private HistoryWriter() {}

  /** The history as text, one line per op, each ending in a newline. */
  public static String toJsonLines(List<Op> ops) {
    StringBuilder b = new StringBuilder(ops.size() * 96);
    write(ops, b);
    return b.toString();
  }

  /** Appends the history to {@code out}, one line per op. */
  public static void write(List<Op> ops, Appendable out) {
    try {
      for (Op op : ops) {
        out.append(line(op)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One op as its line, without the newline. */
  public static String line(Op op) {
    StringBuilder b = new StringBuilder(96);
    b.append("{\"index\": ").append(op.index());
    b.append(", \"time\": ").append(op.time());
    b.append(", \"process\": ").append(op.process());
    b.append(", \"type\": \"").append(op.type().json()).append('"');
    b.append(", \"f\": ");
    string(op.f(), b);
    if (op.key() != null) {
      b.append(", \"key\": ");
      string(op.key(), b);
    }
    b.append(", \"value\": ");
    value(op.value(), b);
    if (op.node() != null) {
      b.append(", \"node\": ");
      string(op.node(), b);
    }
    return b.append('}').toString();
  }

  private static void value(Object v, StringBuilder b) {
    if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(", ");
        }
        b.append(l.get(i));
      }
      b.append(']');
    } else {
      b.append(v);
    }
  }

  /** A JSON string: quotes, backslashes and control characters escaped. */
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
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
