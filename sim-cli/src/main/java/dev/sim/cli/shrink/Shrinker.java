package dev.sim.cli.shrink;

import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
   * @param best told the smallest failing scenario so far and the changes that made it, each time
   *     one is kept (for an interrupted search to write)
   */
  static Result shrink(
      State start,
      Symptom symptom,
      Evaluator evaluator,
      NodeTypeRegistry types,
      String source,
      List<String> keep,
      Consumer<String> progress,
      BiConsumer<State, List<String>> best) {
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
          List<Integer> numbers = state.faultNumbers();
          candidates.removeIf(c -> c.touches(keep, numbers));
          // Two changes can make the same scenario (a section, or the section and a key in it).
          java.util.Set<String> texts = new java.util.HashSet<>();
          candidates.removeIf(c -> !texts.add(c.text()));
          int i = evaluator.firstFailing(candidates);
          if (i < 0) {
            break;
          }
          Candidate c = candidates.get(i);
          ScenarioSpec spec = ScenarioLoader.parse(c.text(), source, types, List.of());
          state =
              new State(c.tree(), c.text(), spec, c.faultNumbers(), evaluator.outcome(c.text()));
          said.addAll(c.said());
          List<String> soFar = new ArrayList<>(changes);
          soFar.addAll(merge(said));
          best.accept(state, soFar);
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
   * {@code lines} with the changes to one value joined: {@code X a → b} and a later {@code X b → c}
   * read {@code X a → c}, in the first one's place.
   */
  static List<String> merge(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String[] p = parts(line);
      int last = -1;
      for (int i = out.size() - 1; p != null && i >= 0 && last < 0; i--) {
        String[] q = parts(out.get(i));
        if (q != null && q[0].equals(p[0])) {
          last = i;
        }
      }
      if (last >= 0) {
        String[] q = parts(out.get(last));
        if (q[2].equals(p[1])) {
          out.set(last, q[0] + q[1] + ARROW + p[2]);
          continue;
        }
      }
      out.add(line);
    }
    return out;
  }

  /**
   * {@code X a → b} as its subject {@code "X "}, {@code a} and {@code b}; null for a line that is
   * not a change of one value written without spaces.
   */
  private static String[] parts(String line) {
    int arrow = line.indexOf(ARROW);
    if (arrow < 0 || line.indexOf(ARROW, arrow + 1) >= 0) {
      return null;
    }
    String left = line.substring(0, arrow);
    int space = left.lastIndexOf(' ');
    if (space < 0 || left.contains("{") || left.contains("[") && left.contains(" [")) {
      return null;
    }
    return new String[] {
      left.substring(0, space + 1),
      left.substring(space + 1),
      line.substring(arrow + ARROW.length())
    };
  }
}
