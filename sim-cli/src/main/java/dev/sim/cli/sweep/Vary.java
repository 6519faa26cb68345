package dev.sim.cli.sweep;

import dev.sim.cli.UserError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code --vary}: a key path and the values a sweep gives it, each as the text of a {@code
 * --set PATH=VALUE}. Written as a list ({@code nodes.api.workers=2,4,8}, commas inside brackets,
 * braces or quotes do not split) or as a range ({@code nodes.clients.load.rate=200/s..2000/s:10},
 * see {@link Steps}). Whether a value suits its key (its unit, its range, the path itself) is the
 * scenario loader's to say, exactly as for {@code --set}; this only reads the shape.
 *
 * @param path the key path, e.g. {@code nodes.api.workers}
 * @param values the values in order, each at least once, as written (a range's as generated)
 * @param argument the {@code --vary} argument as given, for messages
 * @param range whether the values came from a {@code FROM..TO:STEPS} range
 */
public record Vary(String path, List<String> values, String argument, boolean range) {
  static final String FORMS =
      "write --vary PATH=V1,V2,... (e.g. --vary nodes.api.workers=2,4,8) or --vary"
          + " PATH=FROM..TO:STEPS (e.g. --vary nodes.clients.load.rate=200/s..2000/s:10)";

  /** Copies the values. */
  public Vary {
    values = List.copyOf(values);
  }

  /**
   * Reads one {@code --vary PATH=VALUES} argument.
   *
   * @throws UserError saying what to write instead
   */
  public static Vary parse(String argument) {
    String shown = "--vary " + argument + ": ";
    int eq = argument.indexOf('=');
    if (eq < 0) {
      throw new UserError(shown + "expected PATH=VALUES; " + FORMS);
    }
    String path = argument.substring(0, eq).strip();
    String text = argument.substring(eq + 1).strip();
    if (path.isEmpty()) {
      throw new UserError(shown + "the key path before '=' is missing; " + FORMS);
    }
    if (path.equals("seed")) {
      throw new UserError(
          shown + "a sweep sets the seed of each run itself; give the seeds with --seeds A..B");
    }
    if (text.isEmpty()) {
      throw new UserError(shown + "no values after '='; " + FORMS);
    }
    List<String> items = splitTopLevel(text);
    if (items.size() == 1 && Steps.looksLikeRange(text)) {
      return new Vary(path, Steps.parse(text, shown), argument, true);
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String v = items.get(i).strip();
      if (v.isEmpty()) {
        throw new UserError(
            shown
                + "value "
                + (i + 1)
                + " of "
                + items.size()
                + " is empty; separate the values by single commas, e.g. --vary "
                + path
                + "=2,4,8");
      }
      if (!seen.add(v)) {
        throw new UserError(shown + "the value " + v + " is listed twice; list each value once");
      }
    }
    return new Vary(path, new ArrayList<>(seen), argument, false);
  }

  /**
   * Splits {@code text} at the commas that stand outside brackets, braces and quotes, so that a
   * flow value such as {@code {max: 3, base: 10ms}} stays one value.
   */
  static List<String> splitTopLevel(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  /** The {@code --set} text that gives this path its {@code i}-th value. */
  public String override(int i) {
    return path + "=" + values.get(i);
  }
}
