package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.FaultKind;
import dev.sim.kernel.metrics.ChartNames;
import dev.sim.scenarios.bind.DocBlocks;
import dev.sim.scenarios.bind.MetricDocs;
import dev.sim.scenarios.bind.ParamDocs;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the key tables in {@code docs/scenario-format.md} generated from the code (Maelstrom-style:
 * docs come from the registry): the built-in node types' parameters and metrics, the network,
 * clocks and report sections', and every built-in fault kind's. When a parameter or a metric
 * declaration changes, run {@code mvn -pl sim-scenarios verify -Ddocs.update=true} and commit the
 * doc.
 */
class ScenarioFormatDocsTest {
  static final Path DOC = Path.of("../docs/scenario-format.md");
  static final List<String> BUILT_INS = List.of("client", "server", "load-balancer");

  /** Each generated block's name and the table it holds. */
  static Map<String, String> tables() {
    NodeTypeRegistry types = NodeTypeRegistry.load(ScenarioFormatDocsTest.class.getClassLoader());
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : BUILT_INS) {
      out.put(name, ParamDocs.markdown(types.require(name).parameters()));
      out.put(name + " metrics", MetricDocs.markdown(types.require(name).metrics()));
    }
    for (SectionDocs.Section s : SectionDocs.ALL) {
      out.put(s.name(), ParamDocs.markdown(s.keys()));
    }
    out.put("fault-common", ParamDocs.markdown(ParamDocs.rows(FaultKeys.Timing.class)));
    for (FaultKind<?> k : types.faults().kinds()) {
      out.put("fault-" + k.name(), ParamDocs.markdown(FaultKeys.rows(k)));
    }
    return out;
  }

  @Test
  void shouldHoldTheGeneratedKeyTables() throws IOException {
    assertThat(DocBlocks.upToDate(DOC, tables(), Boolean.getBoolean("docs.update")))
        .as("%s is out of date with the code; regenerate with -Ddocs.update=true", DOC)
        .isTrue();
  }

  @Test
  void shouldDocumentEveryTopLevelKeyGenericChartAndMetric() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (String key : ScenarioLoader.TOP_KEYS) {
      assertThat(doc).contains("\n" + key + ":");
    }
    for (String chart : ChartNames.GENERIC) {
      assertThat(doc).contains("`" + chart + "`");
    }
    for (String dist : Values.DISTRIBUTIONS.keySet()) {
      assertThat(doc).contains("| `" + dist + "` |");
    }
    for (String metric : ExpectReader.METRICS) {
      String last = metric.substring(metric.indexOf('.') + 1);
      assertThat(doc).contains(last);
    }
  }
}
