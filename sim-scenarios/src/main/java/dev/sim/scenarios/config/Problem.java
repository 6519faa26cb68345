package dev.sim.scenarios.config;

/**
 * One thing wrong with a scenario, said so that a beginner can fix it: where, which key, what was
 * expected and what was found.
 *
 * @param location file:line:column, or the {@code --set} argument it came from
 * @param path the key path, e.g. {@code nodes.api.workers} or {@code faults[2].at}; empty when the
 *     problem is not about one key (a YAML syntax error)
 * @param message what was expected and what was found, with a did-you-mean where one is near
 */
public record Problem(SourceLocation location, String path, String message) {
  /**
   * Renders the problem on one line: {@code file:line:column: path: message}. Line breaks and other
   * control characters (they come from the user's own keys, values, file names and {@code --set}
   * arguments, or from the YAML parser naming the character it stumbled on) are written as escapes,
   * so that every line of a message starts with its location.
   */
  public String render() {
    return oneLine(location + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }

  @Override
  public String toString() {
    return render();
  }

  /**
   * {@code text} with line breaks, control characters and the invisible characters that reorder
   * text in a terminal (bidirectional overrides) escaped: {@code \n}, {@code \r}, {@code \t},
   * otherwise {@code \}{@code uXXXX}.
   */
  static String oneLine(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                needsEscape(c) ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : null;
          };
      if (escape != null && b == null) {
        b = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (b != null) {
        if (escape != null) {
          b.append(escape);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? text : b.toString();
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || c >= '\u202a' && c <= '\u202e'
        || c >= '\u2066' && c <= '\u2069'
        || c == '\u200e'
        || c == '\u200f'
        || c == '\ufeff';
  }
}
