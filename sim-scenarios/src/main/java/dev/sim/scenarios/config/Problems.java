package dev.sim.scenarios.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems during one validation pass, so that a file with five mistakes is answered with
 * five messages at once; and, apart, warnings: things that are valid but probably not meant (a
 * fault that outlasts the run), which do not stop the run. Not thread-safe.
 */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();

  /** Records a problem. */
  public void add(SourceLocation location, String path, String message) {
    list.add(new Problem(location, path, message));
  }

  /** Records a problem. */
  public void add(Problem problem) {
    list.add(problem);
  }

  /** Records a warning: valid, but probably not what the author meant. */
  public void warn(SourceLocation location, String path, String message) {
    warnings.add(new Problem(location, path, message));
  }

  /** The warnings, in the order of {@link #sorted}. */
  public List<Problem> warnings() {
    return sort(warnings);
  }

  /** True when nothing has been recorded. */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** How many problems have been recorded so far (to tell whether a step added any). */
  public int size() {
    return list.size();
  }

  /**
   * The problems, those in files ordered by line and column first, then those from {@code --set}
   * arguments in the order given. Exact duplicates are dropped.
   */
  public List<Problem> sorted() {
    return sort(list);
  }

  private static List<Problem> sort(List<Problem> list) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : list) {
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    out.sort(
        Comparator.comparing((Problem p) -> p.location().line() <= 0)
            .thenComparing(p -> p.location().line() <= 0 ? "" : p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return out;
  }

  /** Throws a {@link ScenarioException} with every recorded problem, if there is any. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw new ScenarioException(sorted());
    }
  }
}
