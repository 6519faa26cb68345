package dev.sim.report.html;

/** HTML text helpers. */
public final class Html {
  private Html() {}

  /**
   * Escapes {@code s} for use in HTML text and in quoted attribute values: {@code &}, {@code <},
   * {@code >}, {@code "} and {@code '} become character references. Null becomes the empty string.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (rep != null) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16);
          out.append(s, 0, i);
        }
        out.append(rep);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * Plain text as HTML paragraphs, the way a YAML block reads: blank lines separate paragraphs,
   * wrapped lines within one are joined, and a line that starts a list item ({@code -}, {@code *},
   * {@code 1.}) or is indented starts a new line. The text is escaped.
   */
  public static String paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String para : text.strip().split("\\R\\s*\\R")) {
      sb.append("<p>");
      boolean first = true;
      for (String line : para.split("\\R")) {
        if (!first) {
          sb.append(LIST_ITEM.matcher(line).lookingAt() ? "<br>\n" : " ");
        }
        sb.append(escape(line.strip()));
        first = false;
      }
      sb.append("</p>\n");
    }
    return sb.toString();
  }

  private static final java.util.regex.Pattern LIST_ITEM =
      java.util.regex.Pattern.compile("\\s+\\S|\\s*([-*•]|\\d+[.)])\\s");

  /**
   * A relative URL for a file name in the same folder: path characters kept, the rest
   * percent-encoded.
   */
  static String href(String fileName) {
    StringBuilder sb = new StringBuilder();
    for (byte b : fileName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '_'
          || c == '.') {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }
}
