package dev.sim.cli;

import dev.sim.api.ScenarioPlugin;
import dev.sim.scenarios.config.Problem;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.plugin.ScenarioPlugins;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads scenario files for the commands, turning every problem into a user error. */
final class Scenarios {
  private Scenarios() {}

  /** The prefix that names a scenario plugin instead of a file: {@code plugin:NAME}. */
  static final String PLUGIN_PREFIX = "plugin:";

  /**
   * Loads and validates {@code file} — or, for {@code plugin:NAME}, the scenario that plugin builds
   * — with {@code --set} overrides; problems become a {@link UserError}.
   */
  static ScenarioSpec load(
      Path file, NodeTypeRegistry types, List<String> overrides, ScenarioPlugins scenarios) {
    String name = file.toString();
    if (name.startsWith(PLUGIN_PREFIX)) {
      ScenarioPlugin plugin = plugin(name, scenarios);
      try {
        return ScenarioLoader.fromPlugin(plugin, types, overrides);
      } catch (ScenarioException e) {
        throw new UserError(e.getMessage());
      }
    }
    return load(file, types, overrides);
  }

  /** The scenario plugin named by {@code plugin:NAME}, or a user error listing the known ones. */
  static ScenarioPlugin plugin(String ref, ScenarioPlugins scenarios) {
    String name = ref.substring(PLUGIN_PREFIX.length());
    return scenarios
        .find(name)
        .orElseThrow(
            () ->
                new UserError(
                    ref
                        + ": no scenario plugin "
                        + "called '"
                        + name
                        + "' (found: "
                        + (scenarios.all().isEmpty()
                            ? "none; add a jar with " + "--plugin"
                            : String.join(
                                ", ", scenarios.all().stream().map(ScenarioPlugin::name).toList()))
                        + ")"));
  }

  /**
   * Loads and validates {@code file} with {@code --set} overrides; problems become a {@link
   * UserError}.
   */
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

  /**
   * Prints the scenario's warnings on {@code err}, one a line, {@code file:line:column: warning:
   * key.path: message}: valid, so the run goes on, but probably not what was meant.
   */
  static void printWarnings(ScenarioSpec s, PrintWriter err) {
    for (Problem w : s.warnings()) {
      err.println(
          w.location() + ": warning: " + (w.path().isEmpty() ? "" : w.path() + ": ") + w.message());
    }
    err.flush();
  }
}
