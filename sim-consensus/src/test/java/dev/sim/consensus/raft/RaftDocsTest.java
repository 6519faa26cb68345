package dev.sim.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.bind.DocBlocks;
import dev.sim.scenarios.bind.MetricDocs;
import dev.sim.scenarios.bind.ParamDocs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
    assertThat(DocBlocks.upToDate(DOC, tables, Boolean.getBoolean("docs.update")))
        .as("%s is out of date with the code; regenerate with -Ddocs.update=true", DOC)
        .isTrue();
  }
}
