package dev.sim.cli;

import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.spi.NodeTypeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads scenario files for the commands, turning every problem into a user error. */
final class Scenarios {
  private Scenarios() {}

  /** Loads and validates {@code file} with {@code --set} overrides; problems become a {@link UserError}. */
  static ScenarioSpec load(Path file, NodeTypeRegistry types, List<String> overrides) {
    if (!Files.exists(file)) {
      throw new UserError(file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new UserError(file + ": is a folder, expected a scenario .yaml file");
    }
    try {
      return ScenarioLoader.load(file, types, overrides);
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
  }
}
