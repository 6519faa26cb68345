package dev.sim.scenarios.config.yaml;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a YAML tree back as text a person reads the way the lessons are written: the top level,
 * its sections and the node groups as indented blocks, small sections and lists in flow style on
 * one line ({@code {dist: exponential, mean: 5ms}}, {@code - {at: 60s, crash: api-1}}), keys in
 * their order, long texts as {@code |} blocks. Reading the text back gives the same tree: every
 * scalar's text and kind (a string that would read as a number or {@code null} is quoted). Comments
 * are not part of the tree, so they are not written.
 */
public final class YamlWriter {
  /** The widest line flow style is used for; a section that would not fit is written as a block. */
  private static final int WIDTH = 100;

  /**
   * Text that reads as itself when written plain, in a block and inside {@code {}} or {@code []}.
   */
  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z0-9_.()/µ~+=<\\-][^,\\[\\]{}#\\n\\r\\t\"'`\\\\|]*");

  /** Plain text the YAML parser would read as a number, a boolean or null rather than a string. */
  private static final Pattern NOT_A_STRING =
      Pattern.compile(
          "(?i)(null|~|true|false|[-+]?\\.?(inf|nan)"
              + "|[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9_]+([eE][-+]?[0-9]+)?"
              + "|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)");

  private YamlWriter() {}

  /**
   * The text of a scenario's tree: {@code root} written as a block, each line ending in a newline.
   */
  public static String write(YamlMap root) {
    StringBuilder b = new StringBuilder();
    blockMap(root, 0, true, b);
    return b.toString();
  }

  /**
   * One value on one line, as it would stand after its key in flow style: {@code 5ms}, {@code
   * {dist: exponential, mean: 5ms}}, {@code [a, b]}. For messages that show a value.
   */
  public static String flow(YamlNode node) {
    StringBuilder b = new StringBuilder();
    flow(node, b);
    return b.toString();
  }

  // ------------------------------------------------------------------ blocks

  /**
   * Writes the entries of {@code map} one per line at {@code indent}. With {@code blockChildren}
   * every section or list in it is written as a block (the top level's sections, the node groups),
   * else each goes on its key's line when it fits.
   */
  private static void blockMap(YamlMap map, int indent, boolean blockChildren, StringBuilder b) {
    boolean first = true;
    for (YamlMap.Entry e : map.entries()) {
      if (!first || b.length() == 0 || b.charAt(b.length() - 1) == '\n') {
        b.append(" ".repeat(indent));
      }
      first = false;
      String key = scalar(e.key(), YamlScalar.Kind.STRING);
      b.append(key).append(':');
      // The top level's sections hold blocks of their own only under nodes: each group's keys.
      boolean grandchildren = indent == 0 && blockChildren && e.key().equals("nodes");
      value(e.value(), indent, indent + key.length() + 2, blockChildren, grandchildren, b);
    }
  }

  /**
   * Writes {@code node} after a key that ends at {@code column}: on the same line when it is a
   * scalar, or a section or list that fits in flow style and need not be a block; else on the lines
   * below at {@code indent + 2}.
   */
  private static void value(
      YamlNode node,
      int indent,
      int column,
      boolean block,
      boolean blockChildren,
      StringBuilder b) {
    if (node instanceof YamlScalar s) {
      if (literal(s)) {
        literalBlock(s, indent + 2, b);
      } else {
        b.append(' ').append(scalar(s.text(), s.kind())).append('\n');
      }
      return;
    }
    if (isEmpty(node) || (!block && fits(node, column))) {
      b.append(' ');
      flow(node, b);
      b.append('\n');
      return;
    }
    b.append('\n');
    if (node instanceof YamlMap m) {
      blockMap(m, indent + 2, blockChildren, b);
    } else {
      blockList((YamlList) node, indent + 2, b);
    }
  }

  /** Writes each item of {@code list} on a line of its own after {@code - }. */
  private static void blockList(YamlList list, int indent, StringBuilder b) {
    for (YamlNode item : list.items()) {
      b.append(" ".repeat(indent)).append('-');
      if (item instanceof YamlMap m && !isEmpty(m) && !fits(m, indent + 2)) {
        b.append(' ');
        blockMap(m, indent + 2, false, b);
      } else if (item instanceof YamlList l && !isEmpty(l) && !fits(l, indent + 2)) {
        b.append('\n');
        blockList(l, indent + 2, b);
      } else if (item instanceof YamlScalar s && literal(s)) {
        literalBlock(s, indent + 2, b);
      } else {
        b.append(' ');
        flow(item, b);
        b.append('\n');
      }
    }
  }

  /**
   * Writes a text of several lines as {@code |} (or {@code |-}) and its lines at {@code indent}.
   */
  private static void literalBlock(YamlScalar s, int indent, StringBuilder b) {
    String t = s.text();
    boolean newline = t.endsWith("\n");
    b.append(newline ? " |" : " |-").append('\n');
    String body = newline ? t.substring(0, t.length() - 1) : t;
    for (String line : body.split("\n", -1)) {
      b.append(line.isEmpty() ? "" : " ".repeat(indent) + line).append('\n');
    }
  }

  // ------------------------------------------------------------------ flow

  private static void flow(YamlNode node, StringBuilder b) {
    if (node instanceof YamlScalar s) {
      b.append(scalar(s.text(), s.kind()));
    } else if (node instanceof YamlMap m) {
      b.append('{');
      List<YamlMap.Entry> entries = m.entries();
      for (int i = 0; i < entries.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(scalar(entries.get(i).key(), YamlScalar.Kind.STRING));
        b.append(": ");
        flow(entries.get(i).value(), b);
      }
      b.append('}');
    } else {
      b.append('[');
      List<YamlNode> items = ((YamlList) node).items();
      for (int i = 0; i < items.size(); i++) {
        b.append(i == 0 ? "" : ", ");
        flow(items.get(i), b);
      }
      b.append(']');
    }
  }

  /** Whether {@code node} in flow style, starting at {@code column}, stays within the width. */
  private static boolean fits(YamlNode node, int column) {
    if (hasLiteral(node)) {
      return false;
    }
    return column + flow(node).length() <= WIDTH;
  }

  private static boolean hasLiteral(YamlNode node) {
    if (node instanceof YamlScalar s) {
      return literal(s);
    }
    if (node instanceof YamlMap m) {
      return m.entries().stream().anyMatch(e -> hasLiteral(e.value()));
    }
    return ((YamlList) node).items().stream().anyMatch(YamlWriter::hasLiteral);
  }

  private static boolean isEmpty(YamlNode node) {
    return node instanceof YamlMap m ? m.size() == 0 : ((YamlList) node).size() == 0;
  }

  // ------------------------------------------------------------------ scalars

  /**
   * Whether a string is written as a {@code |} block: it has several lines, and nothing a block
   * would change (a first line that starts with a space, trailing blank lines, carriage returns).
   */
  private static boolean literal(YamlScalar s) {
    String t = s.text();
    return s.kind() == YamlScalar.Kind.STRING
        && t.contains("\n")
        && !t.startsWith(" ")
        && !t.startsWith("\n")
        && !t.endsWith("\n\n")
        && t.chars().allMatch(c -> c == '\n' || c >= 0x20 && c != 0x7f);
  }

  /** A scalar as it is written on one line: plain when that reads back the same, else quoted. */
  static String scalar(String text, YamlScalar.Kind kind) {
    switch (kind) {
      case NULL:
        return "null";
      case NUMBER:
      case BOOLEAN:
        if (PLAIN.matcher(text).matches() && !text.contains(": ")) {
          return text;
        }
        break;
      default:
        if (plain(text)) {
          return text;
        }
    }
    return quoted(text);
  }

  private static boolean plain(String t) {
    return !t.isEmpty()
        && PLAIN.matcher(t).matches()
        && !t.endsWith(" ")
        && !t.endsWith(":")
        && !t.contains(": ")
        && !t.startsWith("- ")
        && !t.equals("-")
        && !NOT_A_STRING.matcher(t).matches();
  }

  private static String quoted(String t) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
