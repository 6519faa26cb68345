package dev.sim.stores.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.bind.DocBlocks;
import dev.sim.scenarios.bind.MetricDocs;
import dev.sim.scenarios.bind.ParamDocs;
import dev.sim.scenarios.config.FaultKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the key and metric tables of {@code docs/kv-client.md} generated from the code, as the
 * scenario format's are. When a parameter or metric changes, run {@code mvn -pl sim-stores -am
 * verify -Ddocs.update=true} and commit the doc.
 */
class KvClientDocsTest {
  static final Path DOC = Path.of("../docs/kv-client.md");

  static Map<String, String> tables() {
    Map<String, String> out = new LinkedHashMap<>();
    KvClientType type = new KvClientType();
    out.put("kv-client", ParamDocs.markdown(type.parameters()));
    out.put("kv-client metrics", MetricDocs.markdown(type.metrics()));
    out.put("fault-offline", ParamDocs.markdown(FaultKeys.rows(new OfflineFault())));
    return out;
  }

  @Test
  void shouldHoldTheGeneratedTables() throws IOException {
    assertThat(DocBlocks.upToDate(DOC, tables(), Boolean.getBoolean("docs.update")))
        .as("%s is out of date with the code; regenerate with -Ddocs.update=true", DOC)
        .isTrue();
  }
}
