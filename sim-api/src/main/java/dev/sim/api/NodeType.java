package dev.sim.scenarios.spi;

import dev.sim.kernel.node.Node;

/**
 * A node type usable from YAML by its name ({@code type: server}), found through {@link
 * java.util.ServiceLoader} (register implementations in {@code
 * META-INF/services/dev.sim.scenarios.spi.NodeType}). Built-in types use the same interface as
 * plugins. Names are unique; a duplicate is an error.
 *
 * @param <P> the parameter record; each component carries a {@link Param}
 */
public interface NodeType<P extends Record> {
  /** The unique name used after {@code type:}, matching {@code [a-z0-9-]+}. */
  String name();

  /** One sentence for {@code sim list}. */
  String summary();

  /** The parameter record class bound from the node group's YAML keys. */
  Class<P> parameters();

  /**
   * Cross-checks bound parameters beyond single values (e.g. {@code min <= max}); returns problems
   * as {@code key: message} strings, empty when all is well.
   */
  default java.util.List<String> check(P params) {
    return java.util.List.of();
  }

  /**
   * Builds a fresh node instance: at the start of the run and at every restart. It must not send or
   * set timers until {@link Node#start}.
   */
  Node create(P params, BuildContext ctx);
}
