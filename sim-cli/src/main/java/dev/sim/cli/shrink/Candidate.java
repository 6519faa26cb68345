package dev.sim.cli.shrink;

import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioTree;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simpler scenario to try: its tree and text, what was changed to get it (one line per change, as
 * {@code sim shrink} prints it), and the numbers in the original file of the faults it still has.
 *
 * @param tree the scenario's tree
 * @param text {@code tree}'s YAML text, which is what runs (and what the cache knows it by)
 * @param edits the {@code --set} and {@code --unset} edits that made it from its parent
 * @param said the changes from the scenario it was made from, e.g. {@code duration 10m → 95s}
 * @param faultNumbers for each of its faults in order, the fault's number (from 1) in the original
 */
record Candidate(
    ScenarioTree tree,
    String text,
    List<String> edits,
    List<String> said,
    List<Integer> faultNumbers) {
  /** Copies the lists. */
  Candidate {
    edits = List.copyOf(edits);
    said = List.copyOf(said);
    faultNumbers = List.copyOf(faultNumbers);
  }

  /** A path into the faults list: {@code faults[2]} and what follows it. */
  private static final Pattern FAULT = Pattern.compile("faults\\[(\\d+)\\](.*)");

  /**
   * Whether an edit changes one of {@code kept} (a key path as the original file has it), something
   * inside it, or a section that holds it.
   *
   * @param numbers for each fault of the scenario the edits apply to, its number (from 1) in the
   *     original, so that {@code faults[0]} in {@code kept} stays the file's first fault after
   *     faults before it were dropped
   */
  boolean touches(List<String> kept, List<Integer> numbers) {
    for (String e : edits) {
      String path =
          e.startsWith(ScenarioLoader.UNSET_PREFIX)
              ? e.substring(ScenarioLoader.UNSET_PREFIX.length())
              : e.substring(0, e.indexOf('='));
      Matcher m = FAULT.matcher(path);
      if (m.matches()) {
        int i = Integer.parseInt(m.group(1));
        if (i < numbers.size()) {
          path = "faults[" + (numbers.get(i) - 1) + "]" + m.group(2);
        }
      }
      for (String k : kept) {
        if (path.equals(k) || Steps.inside(path, k) || Steps.inside(k, path)) {
          return true;
        }
      }
    }
    return false;
  }
}
