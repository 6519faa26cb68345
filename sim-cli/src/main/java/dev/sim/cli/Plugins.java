package dev.sim.cli;

import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.plugin.ScenarioPlugins;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads node types from the class path and from {@code --plugin} jars or class folders. */
final class Plugins {
  private Plugins() {}

  /**
   * The registry of built-in types plus those in {@code pluginPaths}; bad paths are user errors.
   */
  static NodeTypeRegistry registry(List<Path> pluginPaths) {
    return registry(loader(pluginPaths));
  }

  /** The node types {@code loader} can see; a broken registration is a user error. */
  static NodeTypeRegistry registry(ClassLoader loader) {
    try {
      return NodeTypeRegistry.load(loader);
    } catch (RuntimeException e) {
      throw new UserError("plugins: " + e.getMessage());
    }
  }

  /** The scenario plugins {@code loader} can see; a broken registration is a user error. */
  static ScenarioPlugins scenarios(ClassLoader loader) {
    try {
      return ScenarioPlugins.load(loader);
    } catch (RuntimeException e) {
      throw new UserError("plugins: " + e.getMessage());
    }
  }

  /** A class loader over the simulator and the {@code --plugin} jars or class folders. */
  static ClassLoader loader(List<Path> pluginPaths) {
    ClassLoader parent = Plugins.class.getClassLoader();
    ClassLoader loader = parent;
    if (!pluginPaths.isEmpty()) {
      List<URL> urls = new ArrayList<>();
      for (Path p : pluginPaths) {
        if (!Files.exists(p)) {
          throw new UserError(
              "--plugin " + p + ": no such file (expected a plugin jar or a folder of classes)");
        }
        if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".jar")) {
          throw new UserError("--plugin " + p + ": not a .jar file or a folder of classes");
        }
        try {
          urls.add(p.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new UserError("--plugin " + p + ": " + e.getMessage());
        }
      }
      // Plugins see the simulator's classes through the parent; the loader lives as long as the
      // JVM.
      loader = new URLClassLoader(urls.toArray(new URL[0]), parent);
    }
    return loader;
  }
}
