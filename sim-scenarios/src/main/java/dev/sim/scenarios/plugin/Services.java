package dev.sim.scenarios.plugin;

import dev.sim.api.PluginException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Loads one kind of plugin through {@link ServiceLoader}, the one way every registry finds them.
 */
final class Services {
  private Services() {}

  /**
   * Every registered implementation of {@code service} that {@code loader} sees, in the order
   * found.
   *
   * @param what the plugin kind in words, for the message: {@code node type}, {@code fault kind}
   * @throws PluginException naming the registration (and its cause) that cannot be loaded
   */
  static <T> List<T> load(Class<T> service, ClassLoader loader, String what) {
    List<T> found = new ArrayList<>();
    Iterator<T> it = ServiceLoader.load(service, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          return found;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        Throwable cause = e.getCause();
        throw new PluginException(
            "cannot load a "
                + what
                + ": "
                + e.getMessage()
                + (cause == null ? "" : " (" + cause + ")"),
            e);
      }
    }
  }
}
