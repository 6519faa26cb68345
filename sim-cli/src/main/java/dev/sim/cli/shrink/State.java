package dev.sim.cli.shrink;

import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.config.ScenarioTree;
import java.util.List;

/**
 * The smallest failing scenario found so far.
 *
 * @param tree its tree
 * @param text its YAML text
 * @param spec its validated model
 * @param faultNumbers for each of its faults, the fault's number (from 1) in the original file
 * @param outcome what its run did
 */
record State(
    ScenarioTree tree,
    String text,
    ScenarioSpec spec,
    List<Integer> faultNumbers,
    Evaluator.Outcome outcome) {
  /** Copies the list. */
  State {
    faultNumbers = List.copyOf(faultNumbers);
  }

  /** How many nodes it has. */
  int nodes() {
    return spec.nodes().stream().mapToInt(g -> g.instances().size()).sum();
  }
}
