package dev.sim.cli.shrink;

import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Greedy delta debugging over a scenario: each {@link Steps step} in turn offers simpler scenarios,
 * the first that still fails the same way is kept and the step is asked again from there, and the
 * whole round of steps is repeated until a round keeps nothing (a change late in a round, such as a
 * shorter run, can make an earlier one possible again) or the budget of runs is spent. The result
 * is a scenario from which no single change of any step keeps the failure: locally minimal, not the
 * smallest there is.
 */
final class Shrinker {
  /** The most rounds of steps (a safety net: each round that keeps something makes it smaller). */
  private static final int MAX_ROUNDS = 10;

  /**
   * What a search found.
   *
   * @param original the scenario it started from
   * @param result the smallest failing scenario found
   * @param changes every change kept, one line each, in order
   * @param kept how many candidates were kept (one may make several changes)
   * @param runs the runs made, as one thread would have made them (the original's included)
   * @param invalid the distinct candidates that did not validate
   * @param exhausted whether the budget of runs ran out before the search ended
   */
  record Result(
      State original,
      State result,
      List<String> changes,
      int kept,
      long runs,
      long invalid,
      boolean exhausted) {
    /** Copies the list. */
    Result {
      changes = List.copyOf(changes);
    }
  }

  private Shrinker() {}

  /**
   * Shrinks {@code start}, whose run failed as {@code symptom} says.
   *
   * @param start the scenario with its run's outcome
   * @param symptom how every candidate must fail
   * @param evaluator runs the candidates
   * @param types the node types, to validate the scenarios kept
   * @param source the name the scenarios kept are validated under
   * @param keep key paths no change may touch ({@code --keep})
   * @param progress told each change as it is kept
   */
  static Result shrink(
      State start,
      Symptom symptom,
      Evaluator evaluator,
      NodeTypeRegistry types,
      String source,
      List<String> keep,
      Consumer<String> progress) {
    evaluator.record(start.text(), start.outcome());
    State state = start;
    List<String> changes = new ArrayList<>();
    int kept = 0;
    for (int round = 0; round < MAX_ROUNDS && !evaluator.exhausted(); round++) {
      boolean changed = false;
      for (Steps step : Steps.values()) {
        List<String> said = new ArrayList<>();
        while (!evaluator.exhausted()) {
          List<Candidate> candidates = new ArrayList<>(step.candidates(state, symptom));
          candidates.removeIf(c -> c.touches(keep));
          int i = evaluator.firstFailing(candidates);
          if (i < 0) {
            break;
          }
          Candidate c = candidates.get(i);
          ScenarioSpec spec = ScenarioLoader.parse(c.text(), source, types, List.of());
          state =
              new State(c.tree(), c.text(), spec, c.faultNumbers(), evaluator.outcome(c.text()));
          said.addAll(c.said());
          kept++;
          changed = true;
        }
        // Said once the step is done, so that "duration 4m → 2m" and "duration 2m → 90s" read as
        // one change.
        List<String> merged = merge(said);
        merged.forEach(progress);
        changes.addAll(merged);
      }
      if (!changed) {
        break;
      }
    }
    return new Result(
        start, state, changes, kept, evaluator.runs(), evaluator.invalid(), evaluator.exhausted());
  }

  private static final String ARROW = " → ";

  /**
   * {@code lines} with each run of changes to one value joined: {@code X a → b} followed by {@code
   * X b → c} reads {@code X a → c}.
   */
  static List<String> merge(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (!out.isEmpty()) {
        String joined = join(out.get(out.size() - 1), line);
        if (joined != null) {
          out.set(out.size() - 1, joined);
          continue;
        }
      }
      out.add(line);
    }
    return out;
  }

  /** {@code X a → c} for {@code X a → b} and {@code X b → c}, or null when they are not so. */
  private static String join(String first, String second) {
    int a = first.lastIndexOf(ARROW);
    int b = second.indexOf(ARROW);
    if (a < 0 || b < 0) {
      return null;
    }
    String middle = first.substring(a + ARROW.length());
    String secondLeft = second.substring(0, b);
    if (!secondLeft.endsWith(" " + middle)) {
      return null;
    }
    String subject = secondLeft.substring(0, secondLeft.length() - middle.length());
    if (!first.startsWith(subject) || first.substring(subject.length(), a).contains(" ")) {
      return null;
    }
    return first.substring(0, a) + second.substring(b);
  }
}
