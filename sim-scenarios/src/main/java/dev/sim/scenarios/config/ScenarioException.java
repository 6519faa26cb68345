package dev.sim.scenarios.config;

import java.util.List;

/**
 * A scenario (or a {@code --set} override) that cannot be used, with every problem found in one
 * pass. The message has one line per problem, {@code file:line:column: path: message}; it is meant
 * to be printed as is, without a stack trace (the CLI exits with code 2).
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** Creates the exception; {@code problems} must not be empty. */
  public ScenarioException(List<Problem> problems) {
    super(render(problems), null, false, false);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(p.render());
    }
    return sb.toString();
  }
}
