package dev.sim.stores.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.bind.DocBlocks;
import dev.sim.scenarios.bind.MetricDocs;
import dev.sim.scenarios.bind.ParamDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the parameter and metric tables of {@code docs/kv-store.md} generated from the code. When a
 * {@code @Param} doc or a metric declaration changes, run {@code mvn -pl sim-stores -am test
 * -Dtest=KvStoreDocsTest -Ddocs.update=true -Dsurefire.failIfNoSpecifiedTests=false} and commit the
 * doc.
 */
class KvStoreDocsTest {
  private static final Path DOC = Path.of("../docs/kv-store.md");

  @Test
  void shouldHoldTheGeneratedTables() throws IOException {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("kv-store", ParamDocs.markdown(KvStoreParams.class));
    tables.put("kv-store metrics", MetricDocs.markdown(new KvStoreType().metrics()));
    assertThat(DocBlocks.upToDate(DOC, tables, Boolean.getBoolean("docs.update")))
        .as("%s is out of date with the code; regenerate with -Ddocs.update=true", DOC)
        .isTrue();
  }

  @Test
  void shouldDocumentEveryParameterAndMetricByName() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (var row : ParamDocs.rows(KvStoreParams.class)) {
      assertThat(doc).contains("`" + row.key() + "`");
    }
    for (var spec : new KvStoreType().metrics()) {
      assertThat(doc).contains(spec.name());
    }
  }
}
