package dev.sim.kernel.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param settings what ran: every value of the effective scenario (the file with its overrides
 *     applied, the seed that ran as {@code seed}) by key path ({@code nodes.api.shed.queueAbove},
 *     {@code faults[0].at}), as written, in file order; empty when not recorded (a run folder from
 *     an earlier version). Comparisons name the keys whose values differ.
 */
public record RunInfo(
    String title,
    String description,
    String command,
    String scenarioFile,
    List<String> charts,
    String version,
    Map<String, String> settings) {
  /** No description. */
  public static final RunInfo NONE = new RunInfo("", "", "", "", List.of(), "");

  /** Copies the chart list and settings (keeping their order) so the record stays immutable. */
  public RunInfo {
    charts = charts == null ? List.of() : List.copyOf(charts);
    version = version == null ? "" : version;
    settings =
        settings == null || settings.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A description without recorded settings. */
  public RunInfo(
      String title,
      String description,
      String command,
      String scenarioFile,
      List<String> charts,
      String version) {
    this(title, description, command, scenarioFile, charts, version, Map.of());
  }

  /** This description with {@code settings} recorded. */
  public RunInfo withSettings(Map<String, String> settings) {
    return new RunInfo(title, description, command, scenarioFile, charts, version, settings);
  }

  /** A description without a chart selection or version. */
  public RunInfo(String title, String description, String command, String scenarioFile) {
    this(title, description, command, scenarioFile, List.of(), "");
  }
}
