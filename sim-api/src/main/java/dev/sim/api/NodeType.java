package dev.sim.api;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.result.Annotation;
import java.util.List;

/**
 * A node type usable from YAML by its name ({@code type: server}), found through {@link
 * java.util.ServiceLoader} (register implementations in {@code
 * META-INF/services/dev.sim.api.NodeType}). Built-in types use the same interface as plugins. Names
 * are unique and follow {@link Names}; a duplicate is an error.
 *
 * <p>A node type describes itself: its parameters ({@link #parameters}, each component carrying a
 * {@link Param}), the checks across them ({@link #check(Record, Group)}), the metrics its nodes
 * record ({@link #metrics}) and the marks it puts on the charts ({@link #marks}). The scenario
 * loader, runner and report are generic and never name a type or a metric.
 *
 * @param <P> the parameter record; each component carries a {@link Param}
 */
public interface NodeType<P extends Record> {
  /** The unique name used after {@code type:}; see {@link Names}. */
  String name();

  /** One sentence for {@code sim list}. */
  String summary();

  /** The parameter record class bound from the node group's YAML keys. */
  Class<P> parameters();

  /**
   * Cross-checks bound parameters beyond single values (e.g. {@code min <= max}); empty when all is
   * well. Each problem names the key it is about, so the loader can point at its line.
   */
  default List<Problem> check(P params) {
    return List.of();
  }

  /**
   * Cross-checks bound parameters against the group they configure (e.g. a replication factor above
   * the group's size); the loader calls this one. By default {@link #check(Record)} alone.
   *
   * @param params the group's bound parameters
   * @param group the group's name and instances
   */
  default List<Problem> check(P params, Group group) {
    return check(params);
  }

  /**
   * The node types of which at least one node must name each group of this type in a node
   * reference, or the group is useless (a queue nobody consumes from names {@code worker}); the
   * loader reports a group no such node names, at the group's name. Empty (the default): nothing
   * need name it.
   */
  default List<String> namedBy() {
    return List.of();
  }

  /**
   * What the group's nodes have, given its parameters, that a node reference may require ({@link
   * Param#needs}): a database with a {@code disk:} section has a {@code disk}, which a {@code fill}
   * fault needs. The loader reports a reference to a node without it at the reference's line. None
   * by default.
   *
   * @param params the group's bound parameters
   */
  default List<String> features(P params) {
    return List.of();
  }

  /**
   * The versions a group of this type can run ({@link NodeControls#version}), the one it is
   * configured with first; empty (the default): it has none. A fault key whose {@link
   * Param#versionOf} names the key of a group ({@code rollout: api, version: v2}) must name one of
   * them, which the loader checks with a did-you-mean.
   *
   * @param params the group's bound parameters
   */
  default List<String> versions(P params) {
    return List.of();
  }

  /**
   * Legal but probably unwise choices for the group (an even-sized cluster, where one node more or
   * less tolerates as many failures): the loader prints each as a warning naming its key's line and
   * runs the scenario anyway. None by default.
   *
   * @param params the group's bound parameters, which passed {@link #check(Record, Group)}
   * @param group the group's name and instances
   */
  default List<Problem> warnings(P params, Group group) {
    return List.of();
  }

  /**
   * Every counter and gauge this type's nodes record, and a {@link MetricSpec.Kind#LATENCY} metric
   * if they record requests ({@code offer}, {@code attempt}, {@code finish}): names, titles, units
   * and how to chart each. The report draws a chart per declaration with its title and unit, {@code
   * report.charts} may list their chart ids and {@code expect:} their counter names, and a node
   * that records a metric its type does not declare fails the run, naming the metric. None by
   * default: a type that records nothing.
   */
  default List<MetricSpec> metrics() {
    return List.of();
  }

  /**
   * Spans of simulated time this group marks on every time chart, known from its parameters before
   * the run: a client's load surges, say. Faults are marked by the runner; this hook is for what a
   * group itself does. None by default.
   *
   * @param params the group's bound parameters
   * @param group the group's name and instances
   */
  default List<Annotation> marks(P params, Group group) {
    return List.of();
  }

  /**
   * Builds a fresh node instance: at the start of the run and at every restart. It must not send or
   * set timers until {@link Node#start}.
   */
  Node create(P params, BuildContext ctx);
}
