package dev.sim.kernel.result;

import java.util.List;

/**
 * How a run was described and started, for the report page.
 *
 * @param title scenario title
 * @param description scenario description (plain text)
 * @param command the exact command that reproduces the run
 * @param scenarioFile path of the scenario file
 * @param charts the charts the scenario asks for ({@code report.charts}); empty means every chart
 *     that has data
 * @param version the simulator version that made the run (same file, seed and version: same run)
 */
public record RunInfo(
    String title,
    String description,
    String command,
    String scenarioFile,
    List<String> charts,
    String version) {
  /** No description. */
  public static final RunInfo NONE = new RunInfo("", "", "", "", List.of(), "");

  /** Copies the chart list so the record stays immutable. */
  public RunInfo {
    charts = charts == null ? List.of() : List.copyOf(charts);
    version = version == null ? "" : version;
  }

  /** A description without a chart selection or version. */
  public RunInfo(String title, String description, String command, String scenarioFile) {
    this(title, description, command, scenarioFile, List.of(), "");
  }
}
