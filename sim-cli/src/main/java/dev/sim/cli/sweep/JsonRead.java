package dev.sim.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that {@link JsonText} writes back into maps (in file order), lists, strings,
 * {@code Long}s (numbers without a fraction or exponent), {@code Double}s, booleans and nulls. A
 * small reader of our own for {@code sim merge}, for the reason {@link JsonText} is ours: the JSON
 * library belongs to the result I/O package.
 */
final class JsonRead {
  private final String text;
  private int at;

  private JsonRead(String text) {
    this.text = text;
  }

  /**
   * The value {@code text} holds.
   *
   * @throws IllegalArgumentException saying where the text stops being JSON
   */
  static Object parse(String text) {
    JsonRead r = new JsonRead(text);
    Object v = r.value();
    r.space();
    if (r.at < text.length()) {
      throw r.error("text after the end of the value");
    }
    return v;
  }

  private Object value() {
    space();
    if (at >= text.length()) {
      throw error("the text ends where a value should be");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> word("true", Boolean.TRUE);
      case 'f' -> word("false", Boolean.FALSE);
      case 'n' -> word("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      at++;
      return m;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("expected a key in quotes");
      }
      String key = string();
      space();
      expect(':');
      m.put(key, value());
      space();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return m;
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      at++;
      return l;
    }
    while (true) {
      l.add(value());
      space();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return l;
      }
    }
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
          }
          try {
            b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException x) {
            throw error("a \\u escape needs four hex digits");
          }
          at += 4;
        }
        default -> throw error("unknown escape \\" + e);
      }
    }
    throw error("a string is not closed");
  }

  private Object number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    String n = text.substring(start, at);
    try {
      if (n.matches("-?\\d+")) {
        return Long.parseLong(n);
      }
      return Double.parseDouble(n);
    } catch (NumberFormatException e) {
      at = start;
      throw error("expected a value");
    }
  }

  private Object word(String w, Object v) {
    if (!text.startsWith(w, at)) {
      throw error("expected a value");
    }
    at += w.length();
    return v;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException error(String what) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new IllegalArgumentException(line + ":" + column + ": " + what);
  }
}
