package dev.sim.cli.shrink;

import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioTree;
import java.util.List;

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

  /**
   * Whether an edit changes one of {@code kept} (a key path), something inside it, or a section
   * that holds it.
   */
  boolean touches(List<String> kept) {
    for (String e : edits) {
      String path =
          e.startsWith(ScenarioLoader.UNSET_PREFIX)
              ? e.substring(ScenarioLoader.UNSET_PREFIX.length())
              : e.substring(0, e.indexOf('='));
      for (String k : kept) {
        if (path.equals(k) || Steps.inside(path, k) || Steps.inside(k, path)) {
          return true;
        }
      }
    }
    return false;
  }
}
