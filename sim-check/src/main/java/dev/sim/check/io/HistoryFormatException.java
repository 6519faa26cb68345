package dev.sim.check.io;

/**
 * A history file that does not follow the format: its message is {@code FILE:LINE: what is wrong
 * and what was expected} ({@code FILE:LINE:COLUMN:} when the line is not JSON).
 */
public final class HistoryFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * A problem on {@code line} (from 1; 0 for the file as a whole) at {@code column} (from 1; 0 when
   * unknown).
   */
  public HistoryFormatException(String source, int line, int column, String problem) {
    super(
        source + (line > 0 ? ":" + line : "") + (column > 0 ? ":" + column : "") + ": " + problem,
        null,
        false,
        false);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** The file as it was named. */
  public String source() {
    return source;
  }

  /** The line, from 1 (0: the file as a whole). */
  public int line() {
    return line;
  }

  /** The column, from 1, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** What is wrong, without the place. */
  public String problem() {
    return problem;
  }
}
