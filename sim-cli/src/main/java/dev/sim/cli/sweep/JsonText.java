package dev.sim.cli.sweep;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as JSON in a fixed layout:
 * two-space indents, a map or list of scalars alone on one line. By hand, because the JSON library
 * belongs to the result I/O package, and because the layout is then ours to pin. Doubles are
 * written by {@link Decimals#shortest} (NaN and infinities as {@code null}); maps in their own
 * order, so callers pass {@link java.util.LinkedHashMap}s.
 */
final class JsonText {
  private JsonText() {}

  /** {@code value} as JSON text ending in a newline. */
  static String write(Object value) {
    StringBuilder b = new StringBuilder(4096);
    value(value, b, 0);
    return b.append('\n').toString();
  }

  private static void value(Object v, StringBuilder b, int depth) {
    if (v instanceof Map<?, ?> m) {
      map(m, b, depth);
    } else if (v instanceof List<?> l) {
      list(l, b, depth);
    } else if (v instanceof String s) {
      string(s, b);
    } else if (v instanceof Double d) {
      b.append(Double.isFinite(d) ? Decimals.shortest(d) : "null");
    } else if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer) {
      b.append(v);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void map(Map<?, ?> m, StringBuilder b, int depth) {
    boolean flat = m.values().stream().noneMatch(JsonText::container);
    b.append('{');
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      b.append(i++ == 0 ? "" : flat ? ", " : ",");
      if (!flat) {
        newline(b, depth + 1);
      }
      string((String) e.getKey(), b);
      b.append(": ");
      value(e.getValue(), b, depth + 1);
    }
    if (!flat && !m.isEmpty()) {
      newline(b, depth);
    }
    b.append('}');
  }

  private static void list(List<?> l, StringBuilder b, int depth) {
    boolean flat = l.stream().noneMatch(JsonText::container);
    b.append('[');
    for (int i = 0; i < l.size(); i++) {
      b.append(i == 0 ? "" : flat ? ", " : ",");
      if (!flat) {
        newline(b, depth + 1);
      }
      value(l.get(i), b, depth + 1);
    }
    if (!flat && !l.isEmpty()) {
      newline(b, depth);
    }
    b.append(']');
  }

  private static boolean container(Object v) {
    return v instanceof Map<?, ?> || v instanceof List<?>;
  }

  private static void newline(StringBuilder b, int depth) {
    b.append('\n').append("  ".repeat(depth));
  }

  private static void string(String s, StringBuilder b) {
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
