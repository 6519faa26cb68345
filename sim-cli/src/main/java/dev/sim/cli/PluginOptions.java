package dev.sim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --plugin} option shared by commands that need node types. */
final class PluginOptions {
  @Option(
      names = "--plugin",
      paramLabel = "JAR",
      description =
          "A plugin jar (or class folder) with node types, registered through "
              + "ServiceLoader. Repeatable.")
  List<Path> plugins = new ArrayList<>();
}
