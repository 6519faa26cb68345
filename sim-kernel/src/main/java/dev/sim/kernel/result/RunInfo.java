package dev.sim.kernel.result;

/**
 * How a run was described and started, for the report page.
 *
 * @param title scenario title
 * @param description scenario description (plain text)
 * @param command the exact command that reproduces the run
 * @param scenarioFile path of the scenario file
 */
public record RunInfo(String title, String description, String command, String scenarioFile) {
  /** No description. */
  public static final RunInfo NONE = new RunInfo("", "", "", "");
}
