package dev.sim.scenarios.config.yaml;

import dev.sim.scenarios.config.SourceLocation;

/** One node of a located YAML tree: a map, a list or a scalar. */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {
  /** Where the value starts. */
  SourceLocation location();

  /**
   * Where the key that holds this value was written, or {@link #location()} for a list item or the
   * root. Messages about something missing inside this value point here.
   */
  SourceLocation keyLocation();

  /** A short description for "found ..." in messages, e.g. {@code 'fiffo'} or {@code a list}. */
  String describe();
}
