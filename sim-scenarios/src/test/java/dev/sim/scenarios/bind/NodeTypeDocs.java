package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.NodeType;
import java.util.List;

/** The check every family's docs test makes of its hand-written prose. */
final class NodeTypeDocs {
  private NodeTypeDocs() {}

  /** {@code doc} names every parameter and every metric of each of {@code types}. */
  static void assertNamesEveryParameterAndMetric(String doc, List<NodeType<?>> types) {
    for (NodeType<?> t : types) {
      for (var row : ParamDocs.rows(t.parameters())) {
        // A nested key reads `calls.pool` in the tables and the prose.
        assertThat(doc).as(t.name()).containsPattern("`([a-z]+\\.)?" + row.key() + "`");
      }
      for (var spec : t.metrics()) {
        assertThat(doc).as(t.name()).contains(spec.name());
      }
    }
  }
}
