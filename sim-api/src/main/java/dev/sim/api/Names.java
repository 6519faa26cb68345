package dev.sim.api;

import java.util.regex.Pattern;

/**
 * The one rule for names in the scenario language: node types, scenario plugins, fault kinds,
 * scenarios, node groups and instances. Lower-case letters and digits, in words joined by single
 * hyphens ({@code api}, {@code my-raft}, {@code api-2}), so a name reads the same in YAML, on the
 * command line, in a file name and in a chart legend.
 */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Names() {}

  /** Whether {@code name} follows the rule. */
  public static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** The rule in words, for the end of an error message. */
  public static String rule() {
    return "use lower-case letters and digits, with single '-' between words (e.g. my-raft)";
  }
}
