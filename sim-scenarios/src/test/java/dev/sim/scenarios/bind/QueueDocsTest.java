package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.NodeType;
import dev.sim.components.database.DatabaseType;
import dev.sim.components.queue.QueueType;
import dev.sim.components.worker.WorkerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the parameter and metric tables of {@code docs/queue.md} generated from the code. When a
 * {@code @Param} doc or a metric declaration of the queue, worker or database changes, run {@code
 * mvn -pl sim-scenarios -am test -Dtest=QueueDocsTest -Ddocs.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and commit the doc.
 */
class QueueDocsTest {
  private static final Path DOC = Path.of("../docs/queue.md");
  private static final List<NodeType<?>> TYPES =
      List.of(new QueueType(), new WorkerType(), new DatabaseType());

  @Test
  void shouldHoldTheGeneratedTables() throws IOException {
    Map<String, String> tables = DocBlocks.nodeTypeTables(TYPES);
    assertThat(DocBlocks.upToDate(DOC, tables, Boolean.getBoolean("docs.update")))
        .as("%s is out of date with the code; regenerate with -Ddocs.update=true", DOC)
        .isTrue();
  }

  @Test
  void shouldDocumentEveryParameterAndMetricByName() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    NodeTypeDocs.assertNamesEveryParameterAndMetric(doc, TYPES);
  }
}
