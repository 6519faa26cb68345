package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.components.disk.DiskMetrics;
import dev.sim.components.disk.DiskParams;
import dev.sim.components.disk.FillFault;
import dev.sim.components.disk.PartitionParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the tables of {@code docs/disk.md} generated from the code. When a {@code @Param} doc or a
 * metric of the disk changes, run {@code mvn -pl sim-scenarios -am test -Dtest=DiskDocsTest
 * -Ddocs.update=true -Dsurefire.failIfNoSpecifiedTests=false} and commit the doc.
 */
class DiskDocsTest {
  private static final Path DOC = Path.of("../docs/disk.md");

  @Test
  void shouldHoldTheGeneratedTables() throws IOException {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("disk", ParamDocs.markdown(DiskParams.class));
    tables.put("logDisk", ParamDocs.markdown(PartitionParams.class));
    tables.put("fill", ParamDocs.markdown(FillFault.Params.class));
    tables.put("disk metrics", MetricDocs.markdown(DiskMetrics.specs(0)));
    assertThat(DocBlocks.upToDate(DOC, tables, Boolean.getBoolean("docs.update")))
        .as("%s is out of date with the code; regenerate with -Ddocs.update=true", DOC)
        .isTrue();
  }
}
