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
  /** Renders the problem on one line: {@code file:line:column: path: message}. */
  public String render() {
    return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }

  @Override
  public String toString() {
    return render();
  }
}
