package dev.sim.stores.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.bind.MetricDocs;
import dev.sim.scenarios.bind.ParamDocs;
import dev.sim.scenarios.config.FaultKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String updated = doc;
    for (Map.Entry<String, String> e : tables().entrySet()) {
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
        .as("%s is out of date with the @Param docs; regenerate with -Ddocs.update=true", DOC)
        .isEqualTo(updated);
  }
}
