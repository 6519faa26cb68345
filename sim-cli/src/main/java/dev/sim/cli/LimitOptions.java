package dev.sim.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --max-events} and {@code --max-wall} safety nets of commands that run scenarios
 * ({@code run}, {@code sweep}, {@code diff}), declared once so their names, defaults and checks
 * agree. {@code sim shrink} declares its own: there a run stopped by a limit counts as "not
 * failing", so its default event limit follows the first run instead of being fixed.
 */
final class LimitOptions {
  @Option(
      names = "--max-events",
      paramLabel = "N",
      defaultValue = "2000000000",
      description = "Stop a runaway run after this many events (default: ${DEFAULT-VALUE}).")
  long maxEvents;

  @Option(
      names = "--max-wall",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "Stop a runaway run after this many wall-clock seconds (default: ${DEFAULT-VALUE}).")
  double maxWallSeconds;

  /**
   * The limits as given.
   *
   * @throws UserError when either is not positive
   */
  RunPipeline.Limits limits() {
    return RunPipeline.Limits.of(maxEvents, maxWallSeconds);
  }
}
