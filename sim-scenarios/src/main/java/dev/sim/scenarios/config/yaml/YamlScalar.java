package dev.sim.scenarios.config.yaml;

import dev.sim.scenarios.config.SourceLocation;

/**
 * A scalar exactly as written (without quotes): {@code 10m}, {@code 800/s}, {@code 0.001}, {@code
 * yes}. The YAML parser's guess at its type is kept in {@link #kind} but every reader works from
 * {@link #text}, so {@code 5ms} and a bare {@code 5} stay distinguishable.
 *
 * @param text the scalar's text; empty for an empty value
 * @param kind what the YAML parser took it for
 * @param location where the value starts
 * @param keyLocation where its key was written (or {@code location})
 */
public record YamlScalar(
    String text, Kind kind, SourceLocation location, SourceLocation keyLocation)
    implements YamlNode {

  /** The YAML parser's reading of a scalar. */
  public enum Kind {
    /** Text, quoted or not. */
    STRING,
    /** An integer or decimal number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An empty value ({@code key:} with nothing after it) or {@code null}. */
    NULL
  }

  /** True for an empty value or {@code null}. */
  public boolean isNull() {
    return kind == Kind.NULL;
  }

  @Override
  public String describe() {
    return switch (kind) {
      case NULL -> "nothing";
      case NUMBER, BOOLEAN -> text;
      case STRING -> text.isEmpty() ? "an empty text" : "'" + abbreviate(text) + "'";
    };
  }

  private static String abbreviate(String s) {
    String oneLine = s.strip().replace('\n', ' ');
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }
}
