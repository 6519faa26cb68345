package dev.sim.scenarios.plugin;

import dev.sim.api.Names;
import dev.sim.api.PluginException;
import dev.sim.api.ScenarioPlugin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The scenario plugins found on a class path, by unique name, listed in name order. */
public final class ScenarioPlugins {
  private final Map<String, ScenarioPlugin> byName;

  private ScenarioPlugins(Map<String, ScenarioPlugin> byName) {
    this.byName = byName;
  }

  /**
   * Finds every {@link ScenarioPlugin} registered through {@code ServiceLoader} in {@code loader}.
   *
   * @throws PluginException for a registration that cannot be loaded, a malformed name, or two
   *     plugins with one name (naming both classes)
   */
  public static ScenarioPlugins load(ClassLoader loader) {
    Map<String, ScenarioPlugin> found = new TreeMap<>();
    for (ScenarioPlugin p : Services.load(ScenarioPlugin.class, loader, "scenario plugin")) {
      String name = p.name();
      if (!Names.isValid(name)) {
        throw new PluginException(
            "scenario plugin "
                + p.getClass().getName()
                + " has the name '"
                + name
                + "', which is not valid; "
                + Names.rule());
      }
      ScenarioPlugin other = found.putIfAbsent(name, p);
      if (other != null) {
        throw new PluginException(
            "two scenario plugins are called '"
                + name
                + "': "
                + other.getClass().getName()
                + " and "
                + p.getClass().getName());
      }
    }
    return new ScenarioPlugins(found);
  }

  /** The plugin called {@code name}, if any. */
  public Optional<ScenarioPlugin> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every plugin, in name order. */
  public List<ScenarioPlugin> all() {
    return List.copyOf(byName.values());
  }
}
