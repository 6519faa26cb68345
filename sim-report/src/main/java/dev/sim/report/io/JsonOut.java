package dev.sim.report.io;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer with a fixed layout: two-space indents, {@code "key": value},
 * objects opened with {@code inline} on one line. Hand-written rather than Jackson's generator so
 * the layout of {@code summary.json} is ours to pin and never changes with a library upgrade. NaN
 * is written as {@code null}; infinities as the strings {@code "Infinity"}/{@code "-Infinity"},
 * which {@link ResultJson} reads back.
 */
final class JsonOut {
  private final StringBuilder sb = new StringBuilder(4096);
  private final Deque<Frame> stack = new ArrayDeque<>();

  private static final class Frame {
    final boolean inline;
    final boolean array;
    int count;

    Frame(boolean inline, boolean array) {
      this.inline = inline;
      this.array = array;
    }
  }

  JsonOut beginObject() {
    return begin('{', false, inlineNow());
  }

  JsonOut beginObject(String key) {
    key(key);
    return begin('{', false, inlineNow());
  }

  JsonOut beginInlineObject() {
    return begin('{', false, true);
  }

  JsonOut beginInlineObject(String key) {
    key(key);
    return begin('{', false, true);
  }

  JsonOut beginArray(String key) {
    key(key);
    return begin('[', true, inlineNow());
  }

  JsonOut beginArray() {
    return begin('[', true, inlineNow());
  }

  JsonOut beginInlineArray(String key) {
    key(key);
    return begin('[', true, true);
  }

  JsonOut end() {
    Frame f = stack.pop();
    if (f.count > 0 && !f.inline) {
      newline();
    }
    sb.append(f.array ? ']' : '}');
    return this;
  }

  JsonOut field(String key, String value) {
    key(key);
    string(value);
    return this;
  }

  JsonOut field(String key, long value) {
    key(key);
    sb.append(value);
    return this;
  }

  JsonOut field(String key, double value) {
    key(key);
    number(value);
    return this;
  }

  JsonOut field(String key, boolean value) {
    key(key);
    sb.append(value);
    return this;
  }

  JsonOut nullField(String key) {
    key(key);
    sb.append("null");
    return this;
  }

  /** Writes a bare number element into the current array. */
  JsonOut value(double v) {
    element();
    number(v);
    return this;
  }

  JsonOut value(long v) {
    element();
    sb.append(v);
    return this;
  }

  JsonOut value(String v) {
    element();
    string(v);
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  // ---------------------------------------------------------------- internals

  private boolean inlineNow() {
    return !stack.isEmpty() && stack.peek().inline;
  }

  private JsonOut begin(char c, boolean array, boolean inline) {
    if (stack.isEmpty() || stack.peek().array) {
      if (!stack.isEmpty()) {
        element();
      }
    }
    sb.append(c);
    stack.push(new Frame(inline, array));
    return this;
  }

  private void key(String key) {
    element();
    string(key);
    sb.append(": ");
  }

  /** Writes the separator before the next element of the current container. */
  private void element() {
    Frame f = stack.peek();
    if (f == null) {
      return;
    }
    if (f.count++ > 0) {
      sb.append(',');
      if (f.inline) {
        sb.append(' ');
      }
    }
    if (!f.inline) {
      newline();
    }
  }

  private void newline() {
    sb.append('\n');
    for (int i = 0; i < stack.size(); i++) {
      // The closing bracket of a frame is written after it is popped, one level out.
      sb.append("  ");
    }
  }

  private void number(double v) {
    if (Double.isNaN(v)) {
      sb.append("null");
    } else if (Double.isInfinite(v)) {
      sb.append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else {
      sb.append(Numbers.shortest(v));
    }
  }

  private void string(String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    escape(s, sb);
    sb.append('"');
  }

  /** JSON string escaping: quotes, backslashes, control characters and the JS line separators. */
  static void escape(String s, StringBuilder out) {
    int i = 0;
    while (i < s.length() && plain(s.charAt(i))) {
      i++;
    }
    // Most strings (names, labels) need no escape: copied whole, not a character at a time (a
    // million-node run writes three million of them into result.json).
    out.append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static boolean plain(char c) {
    return c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029';
  }
}
