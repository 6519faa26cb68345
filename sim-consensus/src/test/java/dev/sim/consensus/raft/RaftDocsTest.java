package dev.sim.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.bind.MetricDocs;
import dev.sim.scenarios.bind.ParamDocs;
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
 * Keeps the tables of {@code docs/raft.md} generated from the code. When a {@code @Param} doc or a
 * metric declaration changes, run {@code ./mvnw -pl sim-consensus -am test -Dtest=RaftDocsTest
 * -Ddocs.update=true -Dsurefire.failIfNoSpecifiedTests=false} and commit the doc.
 */
class RaftDocsTest {
  private static final Path DOC = Path.of("../docs/raft.md");

  @Test
  void shouldHoldTheGeneratedTables() throws IOException {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("raft", ParamDocs.markdown(RaftParams.class));
    tables.put("raft metrics", MetricDocs.markdown(new RaftType().metrics()));
    tables.put("fault-crash-leader", ParamDocs.markdown(CrashLeaderFault.Params.class));
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
}
