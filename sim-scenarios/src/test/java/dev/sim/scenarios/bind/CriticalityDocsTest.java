package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.NodeType;
import dev.sim.components.grid.GridNodeType;
import dev.sim.components.grid.GridUsersType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the parameter and metric tables of {@code docs/criticality.md} generated from the code.
 * When a {@code @Param} doc or a metric declaration of grid-node or grid-users changes, run {@code
 * mvn -pl sim-scenarios -am test -Dtest=CriticalityDocsTest -Ddocs.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and commit the doc.
 */
class CriticalityDocsTest {
  private static final Path DOC = Path.of("../docs/criticality.md");
  private static final List<NodeType<?>> TYPES = List.of(new GridNodeType(), new GridUsersType());

  @Test
  void shouldHoldTheGeneratedTables() throws IOException {
    Map<String, String> tables = new LinkedHashMap<>();
    for (NodeType<?> t : TYPES) {
      tables.put(t.name(), ParamDocs.markdown(t.parameters()));
      tables.put(t.name() + " metrics", MetricDocs.markdown(t.metrics()));
    }
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String updated = doc;
    for (Map.Entry<String, String> e : tables.entrySet()) {
      Pattern block =
          Pattern.compile(
              "(<!-- BEGIN GENERATED "
                  + Pattern.quote(e.getKey())
                  + " [^\\n]*-->\\n)(.*?)(<!-- END GENERATED "
                  + Pattern.quote(e.getKey())
                  + " -->)",
              Pattern.DOTALL);
      Matcher m = block.matcher(updated);
      assertThat(m.find()).as("generated block for %s in %s", e.getKey(), DOC).isTrue();
      updated = updated.substring(0, m.start(2)) + e.getValue() + updated.substring(m.end(2));
    }
    if (!updated.equals(doc) && Boolean.getBoolean("docs.update")) {
      Files.writeString(DOC, updated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(doc)
        .as("%s is out of date with the code; regenerate with -Ddocs.update=true", DOC)
        .isEqualTo(updated);
  }

  @Test
  void shouldDocumentEveryParameterAndMetricByName() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (NodeType<?> t : TYPES) {
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
