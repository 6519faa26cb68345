package dev.sim.scenarios.config;

/**
 * A place in a scenario file, 1-based, for error messages: {@code file:line:column}.
 *
 * @param file the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourceLocation(String file, int line, int column) {
  /** Unknown location in {@code file}. */
  public static SourceLocation unknown(String file) {
    return new SourceLocation(file, 0, 0);
  }

  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}
