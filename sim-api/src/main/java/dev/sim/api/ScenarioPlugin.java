package dev.sim.api;

import java.util.Map;

/**
 * A whole scenario written in Java, for topologies too large or too regular to write out in YAML
 * (fifty nodes in five data centres with latencies by distance, say). Found through {@link
 * java.util.ServiceLoader} (register in {@code META-INF/services/dev.sim.api.ScenarioPlugin}) and
 * run with {@code sim run plugin:NAME}.
 *
 * <p>The plugin builds the same tree a scenario file parses to — insertion-ordered maps, lists, and
 * scalars written as in YAML ({@code "5ms"}, {@code "800/s"}, numbers, booleans) — and that tree is
 * validated exactly like a file, with the same messages, so a plugin cannot make a scenario the
 * language could not describe; it only saves writing it out. New behaviour belongs in a {@link
 * NodeType}.
 */
public interface ScenarioPlugin {
  /** The unique name used in {@code sim run plugin:NAME}, matching {@code [a-z0-9-]+}. */
  String name();

  /** One sentence for {@code sim list}. */
  String summary();

  /** Builds the scenario tree: top-level keys as in a scenario file. */
  Map<String, Object> build();
}
