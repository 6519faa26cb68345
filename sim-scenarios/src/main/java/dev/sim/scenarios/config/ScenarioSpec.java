package dev.sim.scenarios.config;

import java.util.List;

/**
 * A validated scenario: every value already in canonical units (nanoseconds, bytes, per second).
 * Produced by {@link ScenarioLoader}; consumed by the runtime that builds the simulation.
 *
 * @param name scenario name, {@code [a-z0-9-]+}
 * @param title one-line title (the name when the file gives none)
 * @param description plain-text description (what to watch, what to change)
 * @param seed default master seed ({@code --seed} overrides; {@link ScenarioLoader#DEFAULT_SEED}
 *     when the file gives none)
 * @param durationNanos simulated time to run
 * @param warmupNanos left out of summary figures
 * @param windowNanos width of one time-series window
 * @param network the network model
 * @param clocks per-node clocks
 * @param nodes node groups in file order
 * @param faults the fault schedule in file order
 * @param expect expectations in file order
 * @param report which charts to draw (empty without a report section: every chart with data)
 * @param source where it came from (for messages), e.g. {@code scenarios/gc-spiral.yaml}
 * @param warnings what is valid but probably not meant (a fault that outlasts the run), each with
 *     its file:line:column, for {@code sim run} and {@code sim validate} to print
 */
public record ScenarioSpec(
    String name,
    String title,
    String description,
    long seed,
    long durationNanos,
    long warmupNanos,
    long windowNanos,
    NetworkSpec network,
    ClocksSpec clocks,
    List<NodeGroupSpec> nodes,
    List<FaultSpec> faults,
    List<ExpectSpec> expect,
    ReportSpec report,
    String source,
    List<Problem> warnings) {

  /** Copies the warnings. */
  public ScenarioSpec {
    warnings = List.copyOf(warnings);
  }

  /**
   * The instances a node reference stands for: every instance of a group, or the one instance
   * named; empty when no node has that name.
   */
  public List<String> instancesOf(String ref) {
    for (NodeGroupSpec g : nodes) {
      if (g.name().equals(ref)) {
        return g.instances();
      }
      if (g.instances().contains(ref)) {
        return List.of(ref);
      }
    }
    return List.of();
  }

  /** Returns a copy with a different seed. */
  public ScenarioSpec withSeed(long newSeed) {
    return new ScenarioSpec(
        name,
        title,
        description,
        newSeed,
        durationNanos,
        warmupNanos,
        windowNanos,
        network,
        clocks,
        nodes,
        faults,
        expect,
        report,
        source,
        warnings);
  }
}
