package dev.sim.scenarios.config;

import java.util.List;
import java.util.Optional;

/**
 * What {@code sim explain network}, {@code clocks} and {@code report} print: each section's
 * summary, its parameter record (whose {@code @Param} docs make the table) and a note on how the
 * section is written. Kept beside the records so that the words change with the keys.
 */
public final class SectionDocs {
  private SectionDocs() {}

  /**
   * One section of the scenario format.
   *
   * @param name the top-level key
   * @param summary one sentence
   * @param keys the parameter record its keys are bound into
   * @param note how the section holds those keys, or empty
   */
  public record Section(String name, String summary, Class<? extends Record> keys, String note) {}

  /** The sections documented from their records, in the order the format lists them. */
  public static final List<Section> ALL =
      List.of(
          new Section(
              "network",
              "How messages travel between nodes: latency, loss, duplication and bandwidth, with"
                  + " overrides for some links.",
              NetworkSpec.class,
              "A link is between: [A, B] (both directions) or from: A and to: B (one direction),"
                  + " each side a node or a list of nodes, and sets at least one of latency, loss,"
                  + " duplicate and bandwidth; the first link that matches a message wins."),
          new Section(
              "clocks",
              "Each node's local clock, which its timers run on: an offset and a drift.",
              ClockSpec.class,
              "clocks holds `default` (every node without an override) and node group or instance"
                  + " names (an instance's entry beats its group's), each with these keys."),
          new Section(
              "report",
              "Which charts the run's report draws.",
              ReportSpec.class,
              "Charts: "
                  + String.join(", ", dev.sim.kernel.metrics.ChartNames.GENERIC)
                  + ", and the charts of the metrics the scenario's node types declare"
                  + " (`sim explain TYPE` lists a type's metrics). A chart with no data is left"
                  + " out."));

  /** The section named {@code name}, if it is documented here. */
  public static Optional<Section> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
