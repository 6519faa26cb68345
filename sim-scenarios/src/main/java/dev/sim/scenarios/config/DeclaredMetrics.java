package dev.sim.scenarios.config;

import dev.sim.api.NodeType;
import dev.sim.kernel.metrics.ChartNames;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The metrics a scenario's node types declare ({@link NodeType#metrics}), which its {@code expect:}
 * counters and {@code report.charts} are checked against. Read from the {@code nodes} section's
 * {@code type:} keys, so it does not depend on the groups' other keys being right. When a group's
 * type is missing or unknown (already a problem of its own) the declarations are incomplete and
 * names are not checked against them, so one mistake is not reported three times.
 */
final class DeclaredMetrics {
  private final List<MetricSpec> specs;
  private final boolean complete;
  private final List<String> requestGroups;

  private DeclaredMetrics(List<MetricSpec> specs, boolean complete, List<String> requestGroups) {
    this.specs = List.copyOf(specs);
    this.complete = complete;
    this.requestGroups = List.copyOf(requestGroups);
  }

  /** The declarations of the types the {@code nodes} section names. */
  static DeclaredMetrics of(YamlNode nodes, NodeTypeRegistry types) {
    List<MetricSpec> specs = new ArrayList<>();
    List<String> requestGroups = new ArrayList<>();
    boolean complete = nodes instanceof YamlMap;
    if (nodes instanceof YamlMap map) {
      for (YamlMap.Entry e : map.entries()) {
        NodeType<?> type = null;
        if (e.value() instanceof YamlMap group
            && group.get("type") instanceof YamlScalar t
            && !t.isNull()) {
          type = types.find(t.text()).orElse(null);
        }
        if (type == null) {
          complete = false;
        } else {
          specs.addAll(type.metrics());
          if (type.metrics().stream().anyMatch(m -> m.kind() == MetricSpec.Kind.LATENCY)) {
            requestGroups.add(e.key());
          }
        }
      }
    }
    return new DeclaredMetrics(specs, complete, requestGroups);
  }

  /** Whether every group's type is known, so a name missing from the declarations is a mistake. */
  boolean complete() {
    return complete;
  }

  /**
   * The groups whose type offers requests (declares a latency metric), in file order: the client
   * groups an expectation may name with {@code group.NAME.FIGURE}.
   */
  List<String> requestGroups() {
    return requestGroups;
  }

  /** The names of the declared counters, each once, in declaration order. */
  List<String> counters() {
    Set<String> out = new LinkedHashSet<>();
    for (MetricSpec s : specs) {
      if (s.kind() == MetricSpec.Kind.COUNTER) {
        out.add(s.name());
      }
    }
    return List.copyOf(out);
  }

  /** The chart names {@code report.charts} may list: generic ones and every declared chart. */
  List<String> charts() {
    return ChartNames.available(specs);
  }
}
