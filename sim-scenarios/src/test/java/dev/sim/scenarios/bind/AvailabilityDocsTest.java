package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.NodeType;
import dev.sim.components.probe.ProbeType;
import dev.sim.scenarios.faults.RandomFailuresFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the parameter and metric tables of {@code docs/availability.md} generated from the code.
 * When a {@code @Param} doc or a metric declaration of the probe or the random-failures fault
 * changes, run {@code mvn -pl sim-scenarios -am test -Dtest=AvailabilityDocsTest -Ddocs.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and commit the doc.
 */
class AvailabilityDocsTest {
  private static final Path DOC = Path.of("../docs/availability.md");
  private static final List<NodeType<?>> TYPES = List.of(new ProbeType());

  @Test
  void shouldHoldTheGeneratedTables() throws IOException {
    Map<String, String> tables = new LinkedHashMap<>();
    for (NodeType<?> t : TYPES) {
      tables.put(t.name(), ParamDocs.markdown(t.parameters()));
      tables.put(t.name() + " metrics", MetricDocs.markdown(t.metrics()));
    }
    tables.put("random-failures", ParamDocs.markdown(RandomFailuresFault.Params.class));
    assertThat(DocBlocks.upToDate(DOC, tables, Boolean.getBoolean("docs.update")))
        .as("%s is out of date with the code; regenerate with -Ddocs.update=true", DOC)
        .isTrue();
  }

  @Test
  void shouldDocumentEveryParameterAndMetricByName() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    NodeTypeDocs.assertNamesEveryParameterAndMetric(doc, TYPES);
    for (var row : ParamDocs.rows(RandomFailuresFault.Params.class)) {
      assertThat(doc).as("random-failures").contains("`" + row.key() + "`");
    }
  }
}
